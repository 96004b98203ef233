/**
 * Rendered speech brought to the voice packs' loudness, so free text is neither louder nor softer
 * than a call spliced from clips. Pure PCM arithmetic, measured the way scripts/make-voice-packs.mjs
 * measures the clips (sox `stats` after trimming the silent edges at −50 dBFS): RMS over the
 * sound from its first to its last audible sample, peak over all samples.
 *
 * Gain alone cannot meet both targets when a phrase's peaks stand more than 19 dB above its RMS,
 * so the peaks above the ceiling are brought down by a short look-ahead limiter (a gain envelope:
 * the minimum needed gain within ±W, averaged over ±W, which is never above what any sample needs,
 * so no sample passes the ceiling and no step is abrupt).
 */
import { encodeWav, readWavInfo } from './wav.js';

/** The packs' level (assets/voice/README.md): −20 dBFS RMS, peaks at most −1 dBFS. */
export const TARGET_RMS_DB = -20;
export const PEAK_CEILING_DB = -1;
/** Below this the edges count as silence, as in the pack script's trim. */
const SILENCE_DB = -50;
/** The limiter's half-window: long enough not to distort a 100 Hz voice, short enough to stay unheard. */
const LIMITER_HALF_WINDOW_SECONDS = 0.005;
const FULL_SCALE = 32768;

export interface Levels {
  /** dBFS over the audible span; -Infinity for silence. */
  rmsDb: number;
  peakDb: number;
}

const db = (ratio: number): number => (ratio > 0 ? 20 * Math.log10(ratio) : -Infinity);
const ratio = (decibels: number): number => 10 ** (decibels / 20);

/** RMS (between the first and last sample above −50 dBFS) and peak, in dBFS, of 16-bit samples. */
export function measureLevels(samples: Int16Array | Float64Array): Levels {
  const gate = ratio(SILENCE_DB) * FULL_SCALE;
  let first = -1;
  let last = -1;
  let peak = 0;
  for (let i = 0; i < samples.length; i++) {
    const a = Math.abs(samples[i]!);
    if (a > peak) peak = a;
    if (a >= gate) {
      if (first < 0) first = i;
      last = i;
    }
  }
  if (first < 0) return { rmsDb: -Infinity, peakDb: db(peak / FULL_SCALE) };
  let sum = 0;
  for (let i = first; i <= last; i++) sum += (samples[i]! / FULL_SCALE) ** 2;
  return { rmsDb: db(Math.sqrt(sum / (last - first + 1))), peakDb: db(peak / FULL_SCALE) };
}

export interface LoudnessTarget {
  targetRmsDb?: number;
  peakCeilingDb?: number;
}

/**
 * Mono 16-bit samples at the target RMS with no peak above the ceiling. Silence (nothing above
 * −50 dBFS) comes back unchanged: there is nothing to bring up, and amplifying hiss would be worse.
 */
export function normaliseLoudness(samples: Int16Array, sampleRate: number, target: LoudnessTarget = {}): Int16Array {
  const targetRmsDb = target.targetRmsDb ?? TARGET_RMS_DB;
  // A hair under the ceiling, so rounding to integers never lands above it.
  const ceiling = ratio((target.peakCeilingDb ?? PEAK_CEILING_DB) - 0.02) * FULL_SCALE;
  const levels = measureLevels(samples);
  if (!Number.isFinite(levels.rmsDb)) return samples;
  const halfWindow = Math.max(1, Math.round(LIMITER_HALF_WINDOW_SECONDS * sampleRate));
  let gain = ratio(targetRmsDb - levels.rmsDb);
  let out: Float64Array = Float64Array.from(samples, (s) => s * gain);
  // Limiting takes a little off the RMS; one more pass of gain (and limiting) makes it up.
  for (let pass = 0; pass < 3; pass++) {
    out = limit(out, ceiling, halfWindow);
    const off = targetRmsDb - measureLevels(out).rmsDb;
    if (Math.abs(off) < 0.05) break;
    gain = ratio(off);
    out = out.map((s) => s * gain);
  }
  out = limit(out, ceiling, halfWindow);
  return Int16Array.from(out, (s) => Math.max(-FULL_SCALE, Math.min(FULL_SCALE - 1, Math.round(s))));
}

/** A complete WAV normalised; anything but mono 16-bit PCM is returned as it came. */
export function normaliseWav(wav: Buffer, target: LoudnessTarget = {}): Buffer {
  const info = readWavInfo(wav);
  if (!info || info.channels !== 1 || info.bitsPerSample !== 16) return wav;
  const count = Math.floor(info.dataBytes / 2);
  const samples = new Int16Array(count);
  for (let i = 0; i < count; i++) samples[i] = wav.readInt16LE(info.dataOffset + i * 2);
  return encodeWav(normaliseLoudness(samples, info.sampleRate, target), info.sampleRate);
}

/** Peaks above `ceiling` brought down by a smooth gain envelope; samples below it pass unchanged. */
function limit(samples: Float64Array, ceiling: number, halfWindow: number): Float64Array {
  const n = samples.length;
  const need = new Float64Array(n);
  let any = false;
  for (let i = 0; i < n; i++) {
    const a = Math.abs(samples[i]!);
    need[i] = a > ceiling ? ceiling / a : 1;
    if (need[i]! < 1) any = true;
  }
  if (!any) return samples;
  const floor = slidingMin(need, halfWindow);
  // Moving average of the minimum over ±halfWindow: at a peak every value averaged is ≤ its need.
  const sums = new Float64Array(n + 1);
  for (let i = 0; i < n; i++) sums[i + 1] = sums[i]! + floor[i]!;
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const lo = Math.max(0, i - halfWindow);
    const hi = Math.min(n, i + halfWindow + 1);
    out[i] = samples[i]! * ((sums[hi]! - sums[lo]!) / (hi - lo));
  }
  return out;
}

/** The minimum of `values` within ±half of each index (a monotonic deque: linear time). */
function slidingMin(values: Float64Array, half: number): Float64Array {
  const n = values.length;
  const out = new Float64Array(n);
  const deque: number[] = [];
  let head = 0;
  let added = 0;
  for (let i = 0; i < n; i++) {
    for (; added < Math.min(n, i + half + 1); added++) {
      while (deque.length > head && values[deque[deque.length - 1]!]! >= values[added]!) deque.pop();
      deque.push(added);
    }
    while (deque[head]! < i - half) head++;
    out[i] = values[deque[head]!]!;
  }
  return out;
}
