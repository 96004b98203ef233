/**
 * When something was audible on a tap, as spans of context time: fed the latest rendered samples
 * each frame, it keeps the runs above a threshold, merging gaps shorter than `mergeGap` (the
 * silences inside and between clips, ≤ 32 ms in the shipped packs), so one reading is one span and
 * a repeat's pause starts another. Each feed carries the id speaking then: a new id starts a new
 * span however short the gap (the next announcement follows the last one within ~60 ms), while a
 * feed with none extends the last span (its tail is read after its end was reported). Pure;
 * AnalyserNode feeds it.
 */
export interface SoundSpan {
  /** The announcement speaking when the span began, or null. */
  id: string | null;
  /** Context time of the first sample above the threshold. */
  from: number;
  /** Context time just after the last one. */
  until: number;
}

export interface SoundSpansOptions {
  /** |sample| at or above this counts as sound; default −60 dBFS. */
  threshold?: number;
  /** Silences shorter than this (s) do not split a span; default 0.3. */
  mergeGap?: number;
  /** Spans kept, oldest dropped first; default 50. */
  max?: number;
}

export class SoundSpans {
  private readonly list: SoundSpan[] = [];
  /** Context time up to which samples have been seen: a frame's buffer overlaps the previous one. */
  private seenUntil = -Infinity;
  private readonly threshold: number;
  private readonly mergeGap: number;
  private readonly max: number;

  constructor(opts: SoundSpansOptions = {}) {
    this.threshold = opts.threshold ?? 0.001;
    this.mergeGap = opts.mergeGap ?? 0.3;
    this.max = opts.max ?? 50;
  }

  /** `samples` are the latest rendered ones; the last ends at context time `endTime`; `id` speaks now. */
  feed(samples: ArrayLike<number>, endTime: number, sampleRate: number, id: string | null = null): void {
    const n = samples.length;
    const startTime = endTime - n / sampleRate;
    // Index of the first sample not seen before (half a sample of slack for float rounding).
    const first = Math.max(0, Math.ceil((this.seenUntil - startTime) * sampleRate - 0.5));
    for (let i = first; i < n; i++) {
      if (Math.abs(samples[i]!) < this.threshold) continue;
      const t = startTime + i / sampleRate;
      const last = this.list[this.list.length - 1];
      const sameSpeaker = id === null || last?.id === id;
      if (last && sameSpeaker && t - last.until <= this.mergeGap) last.until = t + 1 / sampleRate;
      else {
        this.list.push({ id, from: t, until: t + 1 / sampleRate });
        if (this.list.length > this.max) this.list.shift();
      }
    }
    this.seenUntil = Math.max(this.seenUntil, endTime);
  }

  spans(): readonly SoundSpan[] {
    return this.list;
  }
}
