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
  const out = new Float64Array(samples.length);
  scale(samples, ratio(targetRmsDb - levels.rmsDb), out);
  // Limiting takes a little off the RMS; one more pass of gain (and limiting) makes it up.
  for (let pass = 0; pass < 3; pass++) {
    limit(out, ceiling, halfWindow);
    const off = targetRmsDb - measureLevels(out).rmsDb;
    if (Math.abs(off) < 0.05) break;
    scale(out, ratio(off), out);
  }
  limit(out, ceiling, halfWindow);
  const result = new Int16Array(out.length);
  for (let i = 0; i < out.length; i++) result[i] = Math.max(-FULL_SCALE, Math.min(FULL_SCALE - 1, Math.round(out[i]!)));
  return result;
}

/** A complete WAV normalised; anything but mono 16-bit PCM is returned as it came. */
export function normaliseWav(wav: Buffer, target: LoudnessTarget = {}): Buffer {
  const info = readWavInfo(wav);
  if (!info || info.channels !== 1 || info.bitsPerSample !== 16) return wav;
  const count = Math.floor(info.dataBytes / 2);
  const samples = new Int16Array(count);
  const data = new DataView(wav.buffer, wav.byteOffset + info.dataOffset, count * 2);
  for (let i = 0; i < count; i++) samples[i] = data.getInt16(i * 2, true);
  return encodeWav(normaliseLoudness(samples, info.sampleRate, target), info.sampleRate);
}

function scale(from: Int16Array | Float64Array, gain: number, to: Float64Array): void {
  for (let i = 0; i < from.length; i++) to[i] = from[i]! * gain;
}

/**
 * Peaks above `ceiling` brought down by a smooth gain envelope, in place; samples further than two
 * half-windows from every peak are untouched, so the work grows with the peaks, not the length.
 */
function limit(samples: Float64Array, ceiling: number, half: number): void {
  const n = samples.length;
  for (let i = 0; i < n; i++) {
    if (Math.abs(samples[i]!) <= ceiling) continue;
    // One stretch for peaks closer than 4 half-windows: their envelopes would overlap.
    let last = i;
    for (let j = i + 1; j < n && j <= last + 4 * half; j++) if (Math.abs(samples[j]!) > ceiling) last = j;
    const lo = Math.max(0, i - 2 * half);
    const hi = Math.min(n, last + 2 * half + 1);
    envelope(samples, lo, hi, ceiling, half);
    i = hi - 1;
  }
}

/** The gain envelope over samples[lo, hi): each sample's needed gain, its ±half minimum, averaged over ±half. */
function envelope(samples: Float64Array, lo: number, hi: number, ceiling: number, half: number): void {
  const len = hi - lo;
  const need = new Float64Array(len);
  for (let k = 0; k < len; k++) {
    const a = Math.abs(samples[lo + k]!);
    need[k] = a > ceiling ? ceiling / a : 1;
  }
  const floor = slidingMin(need, half);
  // At a peak every value averaged is at most its need: the peak lands at or under the ceiling.
  const sums = new Float64Array(len + 1);
  for (let k = 0; k < len; k++) sums[k + 1] = sums[k]! + floor[k]!;
  for (let k = 0; k < len; k++) {
    const from = Math.max(0, k - half);
    const to = Math.min(len, k + half + 1);
    samples[lo + k] = samples[lo + k]! * ((sums[to]! - sums[from]!) / (to - from));
  }
}

/** The minimum of `values` within ±half of each index (a monotonic deque: linear time). */
function slidingMin(values: Float64Array, half: number): Float64Array {
  const n = values.length;
  const out = new Float64Array(n);
  // Indices whose values increase from head to tail; the head is the window's minimum.
  const deque = new Int32Array(n);
  let head = 0;
  let tail = 0;
  let added = 0;
  for (let i = 0; i < n; i++) {
    const upTo = Math.min(n, i + half + 1);
    for (; added < upTo; added++) {
      while (tail > head && values[deque[tail - 1]!]! >= values[added]!) tail--;
      deque[tail++] = added;
    }
    while (deque[head]! < i - half) head++;
    out[i] = values[deque[head]!]!;
  }
  return out;
}
