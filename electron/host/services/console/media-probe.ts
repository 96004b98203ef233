/**
 * How long a media file plays and how big its picture is. Images are measured in-process
 * (image-size). For video and audio, ffprobe (Debian's ffmpeg package) knows every format: it runs
 * without a shell, on the absolute path, with a time limit. Without it, a pure-JavaScript fallback
 * reads MP4/QuickTime (mp4-facts) and WAV headers; WebM, Ogg and MP3 durations stay unknown (null).
 */
import { execFile } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import { open } from 'node:fs/promises';
import path from 'node:path';
import { imageSizeFromFile } from 'image-size/fromFile';
import type { MediaKind } from '../../../contract/media-types.js';
import { mp4Facts, type MediaFacts } from './mp4-facts.js';
import { webmVideoCodec } from './video-codec.js';

export type { MediaFacts } from './mp4-facts.js';

export const PROBE_TIMEOUT_MS = 15_000;
const UNKNOWN: MediaFacts = { durationSeconds: null, width: null, height: null, videoCodec: null };

export type Probe = (file: string, kind: MediaKind) => Promise<MediaFacts>;

/** The first executable `name` on PATH, or null. */
export function findOnPath(name: string, searchPath = process.env.PATH ?? ''): string | null {
  for (const dir of searchPath.split(path.delimiter)) {
    if (!dir) continue;
    const candidate = path.join(dir, name);
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      // not here
    }
  }
  return null;
}

/** `ffprobe`: its path, or null for the fallback only. */
export function createProbe(ffprobe: string | null, timeoutMs = PROBE_TIMEOUT_MS): Probe {
  return async (file, kind) => {
    // Image headers are read at once in-process; starting ffprobe for each costs a good part of a second.
    if (kind === 'image') {
      const facts = await fallbackFacts(file, kind).catch(() => null);
      if (facts) return facts;
    }
    if (ffprobe) {
      const facts = await ffprobeFacts(ffprobe, file, kind, timeoutMs).catch(() => null);
      if (facts) return facts;
    }
    return fallbackFacts(file, kind).catch(() => UNKNOWN);
  };
}

function ffprobeFacts(ffprobe: string, file: string, kind: MediaKind, timeoutMs: number): Promise<MediaFacts> {
  // "file:" keeps a name like "concat:…" or "-i" from being read as anything but a file.
  const args = ['-v', 'error', '-print_format', 'json', '-show_format', '-show_streams', `file:${path.resolve(file)}`];
  return new Promise((resolve, reject) => {
    execFile(ffprobe, args, { timeout: timeoutMs, maxBuffer: 4 * 1024 * 1024, windowsHide: true }, (error, stdout) => {
      if (error) return reject(error);
      try {
        resolve(readFfprobe(JSON.parse(stdout) as FfprobeOutput, kind));
      } catch (parseError) {
        reject(parseError as Error);
      }
    });
  });
}

interface FfprobeOutput {
  format?: { duration?: string };
  streams?: { codec_type?: string; codec_name?: string; width?: number; height?: number; disposition?: { attached_pic?: number }; side_data_list?: { rotation?: number }[]; tags?: { rotate?: string } }[];
}

export function readFfprobe(output: FfprobeOutput, kind: MediaKind): MediaFacts {
  const video = output.streams?.find((s) => s.codec_type === 'video' && s.width && s.height);
  const rotation = Math.abs(Number(video?.side_data_list?.find((d) => d.rotation !== undefined)?.rotation ?? video?.tags?.rotate ?? 0)) % 180;
  const duration = Number(output.format?.duration);
  return {
    // An image's "duration" is a frame time, not a play time: the programme gives that.
    durationSeconds: kind !== 'image' && Number.isFinite(duration) && duration > 0 ? Math.round(duration * 1000) / 1000 : null,
    width: kind === 'audio' || !video ? null : rotation === 90 ? video.height! : video.width!,
    height: kind === 'audio' || !video ? null : rotation === 90 ? video.width! : video.height!,
    // A cover picture in an audio file is a "video" stream too; it is never decoded as video.
    videoCodec: kind === 'video' ? (output.streams?.find((s) => s.codec_type === 'video' && !s.disposition?.attached_pic)?.codec_name ?? null) : null,
  };
}

async function fallbackFacts(file: string, kind: MediaKind): Promise<MediaFacts> {
  const extension = path.extname(file).toLowerCase();
  if (kind === 'image') {
    const size = await imageSizeFromFile(file);
    // EXIF orientations 5-8 turn a photo a quarter: browsers show it turned.
    const turned = (size.orientation ?? 1) >= 5;
    return { durationSeconds: null, width: (turned ? size.height : size.width) ?? null, height: (turned ? size.width : size.height) ?? null, videoCodec: null };
  }
  if (['.mp4', '.m4v', '.mov'].includes(extension)) return (await mp4Facts(file)) ?? UNKNOWN;
  if (extension === '.wav') return { durationSeconds: await wavSeconds(file), width: null, height: null, videoCodec: null };
  if (['.webm', '.mkv'].includes(extension)) return { ...UNKNOWN, videoCodec: webmVideoCodec(await head(file, 64 * 1024)) };
  return UNKNOWN;
}

/** A WAV file's length from its format and data chunk headers. */
export async function wavSeconds(file: string): Promise<number | null> {
  const handle = await open(file, 'r');
  try {
    const head = Buffer.alloc(4096);
    const { bytesRead } = await handle.read(head, 0, head.length, 0);
    let byteRate = 0;
    for (let at = 12; at + 8 <= bytesRead; ) {
      const id = head.toString('latin1', at, at + 4);
      const size = head.readUInt32LE(at + 4);
      if (id === 'fmt ' && at + 20 <= bytesRead) byteRate = head.readUInt32LE(at + 16);
      if (id === 'data') return byteRate > 0 ? Math.round((size / byteRate) * 1000) / 1000 : null;
      at += 8 + size + (size % 2);
    }
    return null;
  } finally {
    await handle.close();
  }
}

async function head(file: string, bytes: number): Promise<Buffer> {
  const handle = await open(file, 'r');
  try {
    const buffer = Buffer.alloc(bytes);
    const { bytesRead } = await handle.read(buffer, 0, bytes, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}
