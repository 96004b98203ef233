#!/usr/bin/env node
/**
 * Builds the shipped voice packs in assets/voice/<lang>/: one Ogg Opus clip per segment id plus
 * manifest.json. Reproducible: espeak-ng is deterministic, sox runs without dither and the Ogg
 * muxer in bitexact mode, so a re-run gives the same bytes. Needs espeak-ng, sox, ffmpeg, ffprobe.
 *
 *   node scripts/make-voice-packs.mjs              synthesise every clip, write the manifests
 *   node scripts/make-voice-packs.mjs --remeasure  keep the clips (e.g. a hall's own recordings),
 *                                                  only re-measure durations into the manifests
 *
 * Segment ids must match electron/host/domain/speech-plans (the pack test fails if one is missing).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const SPEECH_RATE_WPM = '150';
const TARGET_RMS_DB = -20;
const PEAK_CEILING_DB = -1;
const OPUS_BITRATE = '24k';

const ZH_DIGITS = ['ling2 零', 'yi1 一', 'er4 二', 'san1 三', 'si4 四', 'wu3 五', 'liu4 六', 'qi1 七', 'ba1 八', 'jiu3 九'];
// How Chinese speakers say English letter names, as pinyin the cmn voice can read (Z is "zei",
// V is "wei" in everyday Mandarin); a hall with a human reader can replace any of them.
const ZH_LETTERS = {
  A: 'ei1', B: 'bi4', C: 'xi1', D: 'di4', E: 'yi4', F: 'ai2 fu5', G: 'ji4', H: 'ai1 qi1', I: 'ai4',
  J: 'jie4', K: 'kai4', L: 'ai2 le5', M: 'ai2 mu5', N: 'en1', O: 'ou1', P: 'pi4', Q: 'kiu1',
  R: 'a1 er5', S: 'ai2 si5', T: 'ti4', U: 'you1', V: 'wei1', W: 'da2 bu5 liu5', X: 'ai2 ke4 si5',
  Y: 'wai4', Z: 'zei4',
};
const EN_NUMBER_WORDS = [
  '', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve',
  'thirteen', 'fourteen', 'fifteen', 'sixteen', 'seventeen', 'eighteen', 'nineteen',
];
const EN_TENS = ['', '', 'twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety'];
const EN_DIGITS = ['zero', ...EN_NUMBER_WORDS.slice(1, 10)];
const LETTERS = Object.keys(ZH_LETTERS);

/** Each pack: espeak voice and, per segment id, [what espeak reads, what a person would read]. */
const PACKS = {
  'zh-CN': {
    voice: 'cmn-latn-pinyin',
    clips: {
      qing: ['qing3', '请'],
      hao: ['hao4', '号'],
      dao: ['dao4', '到'],
      'hao-chuangkou': ['hao4 chuang1 kou3', '号窗口'],
      ...Object.fromEntries(ZH_DIGITS.map((d, i) => [`digit-${i}`, d.split(' ')])),
      ...Object.fromEntries(ZH_DIGITS.slice(1).map((d, i) => [`num-${i + 1}`, d.split(' ')])),
      'num-ling': ['ling2', '零'],
      'num-shi': ['shi2', '十'],
      'num-bai': ['bai3', '百'],
      'num-liang': ['liang3', '两'],
      ...Object.fromEntries(LETTERS.map((l) => [`letter-${l}`, [ZH_LETTERS[l], l]])),
    },
  },
  en: {
    // en-gb: Z is "zed", as taught in Chinese schools and heard in international halls.
    voice: 'en-gb',
    clips: {
      ticket: ['Ticket', 'Ticket'],
      'please-go-to-counter': ['please go to counter', 'please go to counter'],
      ...Object.fromEntries(EN_DIGITS.map((w, i) => [`digit-${i}`, [w, w]])),
      ...Object.fromEntries(EN_NUMBER_WORDS.slice(1).map((w, i) => [`num-${i + 1}`, [w, w]])),
      ...Object.fromEntries(EN_TENS.slice(2).map((w, i) => [`num-${(i + 2) * 10}`, [w, w]])),
      'num-hundred': ['hundred', 'hundred'],
      'num-and': ['and', 'and'],
      ...Object.fromEntries(LETTERS.map((l) => [`letter-${l}`, [l, l]])),
    },
  },
};

// Ding (E5) then dong (C5), each with a soft octave partial and a bell-like exponential decay;
// the 5 ms attack ramp avoids a click at the onset.
const CHIME_SECONDS = 1.6;
const bell = (freq, start) =>
  `gte(t\\,${start})*min(1\\,(t-${start})/0.005)*exp(-3.5*(t-${start}))*` +
  `(sin(2*PI*${freq}*(t-${start}))+0.25*sin(4*PI*${freq}*(t-${start})))`;
const CHIME_EXPR = `0.4*(${bell(659.25, 0)}+${bell(523.25, 0.45)})`;

function run(cmd, args) {
  return execFileSync(cmd, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

function requireTools() {
  for (const tool of ['espeak-ng', 'sox', 'ffmpeg', 'ffprobe']) {
    try {
      execFileSync('sh', ['-c', `command -v ${tool}`], { stdio: 'ignore' });
    } catch {
      throw new Error(`${tool} not found; on Debian: apt-get install -y espeak-ng sox ffmpeg`);
    }
  }
}

/** Gain (dB) bringing the clip to the target RMS without the peak passing the ceiling. */
function loudnessGain(wav) {
  // sox prints its stats on stderr.
  const report = spawnSync('sox', [wav, '-n', 'stats'], { encoding: 'utf8' }).stderr ?? '';
  const rms = Number(/RMS lev dB\s+(-?[\d.]+)/.exec(report)?.[1]);
  const peak = Number(/Pk lev dB\s+(-?[\d.]+)/.exec(report)?.[1]);
  if (!Number.isFinite(rms) || !Number.isFinite(peak)) throw new Error(`no level stats for ${wav}`);
  return Math.min(TARGET_RMS_DB - rms, PEAK_CEILING_DB - peak).toFixed(2);
}

/** Trim silence, normalise loudness, fade the edges, encode Opus. `raw` is any WAV. */
function finishClip(raw, out, work, { trim }) {
  const trimmed = join(work, 'trimmed.wav');
  // Trimming both ends via reverse: clips are concatenated, and espeak pads ~100 ms each side.
  const trimEffects = trim ? ['silence', '1', '0.01', '-50d', 'reverse', 'silence', '1', '0.01', '-50d', 'reverse'] : [];
  run('sox', ['-D', raw, '-b', '16', trimmed, 'remix', '-', ...trimEffects]);
  const finished = join(work, 'finished.wav');
  run('sox', ['-D', trimmed, '-r', '48000', '-b', '16', finished, 'gain', loudnessGain(trimmed), 'fade', 'h', '0.005', '-0', '0.01']);
  run('ffmpeg', [
    '-hide_banner', '-loglevel', 'error', '-y', '-i', finished, '-map_metadata', '-1',
    '-c:a', 'libopus', '-b:a', OPUS_BITRATE, '-ac', '1', '-application', 'voip',
    '-fflags', '+bitexact', '-flags:a', '+bitexact', out,
  ]);
}

function durationMs(file) {
  const seconds = Number(run('ffprobe', ['-v', 'error', '-show_entries', 'format=duration', '-of', 'csv=p=0', file]).trim());
  if (!(seconds > 0)) throw new Error(`${file} has no duration`);
  return Math.round(seconds * 1000);
}

function makePack(lang, pack, work, remeasure) {
  const dir = join(ROOT, 'assets', 'voice', lang);
  mkdirSync(dir, { recursive: true });
  const previous = remeasure ? JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) : null;
  const entries = [['chime', [null, 'chime (ding-dong)']], ...Object.entries(pack.clips)];
  const clips = {};
  for (const [id, [spoken, text]] of entries) {
    const file = `${id}.ogg`;
    const out = join(dir, file);
    if (!remeasure) {
      const raw = join(work, 'raw.wav');
      if (spoken === null) {
        run('ffmpeg', ['-hide_banner', '-loglevel', 'error', '-y', '-f', 'lavfi', '-i',
          `aevalsrc=${CHIME_EXPR}:s=48000:d=${CHIME_SECONDS}`, raw]);
      } else {
        run('espeak-ng', ['-v', pack.voice, '-s', SPEECH_RATE_WPM, '-w', raw, '--', spoken]);
      }
      finishClip(raw, out, work, { trim: spoken !== null });
    }
    const shownText = spoken === null || spoken === text ? text : `${text} (${spoken})`;
    clips[id] = { file, text: previous?.clips?.[id]?.text ?? shownText, durationMs: durationMs(out) };
  }
  const manifest = { lang, voice: previous?.voice ?? `espeak-ng ${pack.voice}`, clips };
  writeFileSync(join(dir, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  return Object.keys(clips).length;
}

function main() {
  const remeasure = process.argv.includes('--remeasure');
  requireTools();
  const work = mkdtempSync(join(tmpdir(), 'voice-packs-'));
  try {
    for (const [lang, pack] of Object.entries(PACKS)) {
      const count = makePack(lang, pack, work, remeasure);
      console.log(`${lang}: ${count} clips ${remeasure ? 're-measured' : 'written'} to assets/voice/${lang}/`);
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

main();
