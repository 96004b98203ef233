/**
 * bench/clips: short 1080p25 test clips for the seam benchmark, made once with Debian's ffmpeg and
 * cached under bench/out/clips/. Alternating H.264 MP4 (yuv420p, faststart) and VP9 WebM, each a
 * hue-shifted testsrc2 with its number and a frame counter burnt in (never black), and a quiet tone
 * with a click at t = 0 (CLICK_MS of a 2 kHz beep at CLICK_LEVEL), so a seam can be heard: the
 * click stands for a voice-over's first syllable.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export interface Clip {
  /** File name inside `dir`. */
  name: string;
  type: 'video/mp4' | 'video/webm';
}

export interface ClipSet {
  dir: string;
  clips: Clip[];
  fps: number;
  seconds: number;
}

const FPS = 25;
const SECONDS = 2;
const COUNT = 6;
const FONT = '/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf';
/** The tone's peak level and the click's: a tap threshold between them finds only clicks. */
export const TONE_LEVEL = 0.05;
export const CLICK_LEVEL = 0.8;
export const CLICK_MS = 10;

function ffmpegArgs(index: number, out: string, withText: boolean): string[] {
  const webm = index % 2 === 1;
  const label = `clip ${index + 1}  ${webm ? 'VP9' : 'H.264'}  frame %{frame_num}`;
  // drawtext needs a font file; without one the moving testsrc2 still tells frames apart.
  const text = withText ? `,drawtext=fontfile=${FONT}:text='${label}':fontsize=96:fontcolor=white:box=1:boxcolor=0x000000A0:x=80:y=80` : '';
  const video = webm
    ? ['-c:v', 'libvpx-vp9', '-b:v', '0', '-crf', '33', '-deadline', 'good', '-cpu-used', '4', '-row-mt', '0', '-threads', '1']
    : ['-c:v', 'libx264', '-preset', 'veryfast', '-crf', '23', '-profile:v', 'high', '-threads', '1'];
  const audio = webm ? ['-c:a', 'libopus', '-b:a', '64k'] : ['-c:a', 'aac', '-b:a', '96k', '-movflags', '+faststart'];
  return [
    '-hide_banner', '-loglevel', 'error', '-y',
    '-f', 'lavfi', '-i', `testsrc2=size=1920x1080:rate=${FPS}:duration=${SECONDS}`,
    '-f', 'lavfi', '-i', `aevalsrc='${TONE_LEVEL}*sin(2*PI*${330 + 110 * index}*t)+${CLICK_LEVEL}*lt(t,${CLICK_MS / 1000})*sin(2*PI*2000*t)':s=48000:d=${SECONDS}`,
    '-filter_complex', `[0:v]hue=h=${index * 60}${text}[v];[1:a]anull[a]`,
    '-map', '[v]', '-map', '[a]',
    ...video, '-g', String(FPS), '-pix_fmt', 'yuv420p',
    ...audio,
    // Same inputs, same bytes: no encoder tags, no dates.
    '-fflags', '+bitexact', '-flags', '+bitexact', '-map_metadata', '-1',
    '-t', String(SECONDS), out,
  ];
}

/** The clip set, generated on first use (or when the recipe or ffmpeg changed). */
export function ensureClips(dir: string): ClipSet {
  let version: string;
  try {
    version = execFileSync('ffmpeg', ['-hide_banner', '-version'], { encoding: 'utf8' }).split('\n')[0]!;
  } catch {
    throw new Error('bench gapless needs ffmpeg to make its test clips: apt-get install ffmpeg');
  }
  const withText = existsSync(FONT);
  const clips: Clip[] = Array.from({ length: COUNT }, (_, i) =>
    i % 2 === 1 ? { name: `clip-${i + 1}.webm`, type: 'video/webm' } : { name: `clip-${i + 1}.mp4`, type: 'video/mp4' },
  );
  const recipe = JSON.stringify({ version, withText, args: clips.map((c, i) => ffmpegArgs(i, c.name, withText)) });
  const stamp = path.join(dir, 'recipe.json');
  const cached = existsSync(stamp) && readFileSync(stamp, 'utf8') === recipe && clips.every((c) => existsSync(path.join(dir, c.name)));
  if (!cached) {
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    clips.forEach((c, i) => execFileSync('ffmpeg', ffmpegArgs(i, path.join(dir, c.name), withText), { stdio: ['ignore', 'ignore', 'inherit'] }));
    writeFileSync(stamp, recipe);
  }
  return { dir, clips, fps: FPS, seconds: SECONDS };
}
