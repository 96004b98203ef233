/**
 * AudioContext seconds → the moment a sample is heard, in the display's corrected host clock.
 * The context runs ahead of the loudspeaker by its output latency (measured 32 ms headless, more
 * on some sound cards), so "the first clip sounds" is read from getOutputTimestamp(), which pairs
 * the sample being output now with its performance.now() time.
 */

/** A context time and the performance.now() at which it is (or was) output. */
export interface OutputStamp {
  contextTime: number;
  performanceTime: number;
}

/**
 * performance.now() (ms) at which context time `t` reaches the output. Falls back to
 * currentTime + outputLatency when the context gives no usable stamp (before its first render,
 * or while suspended: both fields are then 0).
 */
export function outputPerformanceTime(t: number, stamp: OutputStamp | null, now: OutputStamp, outputLatencyS: number): number {
  if (stamp && stamp.contextTime > 0 && stamp.performanceTime > 0) return stamp.performanceTime + (t - stamp.contextTime) * 1000;
  return now.performanceTime + (t - now.contextTime + outputLatencyS) * 1000;
}

export class AudioClock {
  constructor(
    private readonly ctx: AudioContext,
    /** The display's corrected host clock (Engine.clock.now). */
    private readonly hostNow: () => number,
  ) {}

  /** Host clock (epoch ms) at which context time `t` is heard. */
  hostTimeOf(t: number): number {
    const ctx = this.ctx;
    const stamp = typeof ctx.getOutputTimestamp === 'function' ? ctx.getOutputTimestamp() : null;
    const perfNow = performance.now();
    const at = outputPerformanceTime(
      t,
      stamp && { contextTime: stamp.contextTime ?? 0, performanceTime: stamp.performanceTime ?? 0 },
      { contextTime: ctx.currentTime, performanceTime: perfNow },
      ctx.outputLatency || ctx.baseLatency || 0,
    );
    return this.hostNow() + (at - perfNow);
  }

  /** Milliseconds from now until context time `t` is rendered (not heard): when to act on it. */
  msUntil(t: number): number {
    return Math.max(0, (t - this.ctx.currentTime) * 1000);
  }
}
