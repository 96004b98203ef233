/**
 * Did the wall clock step between two heartbeats? Pure: a beat is a pair of readings (wall and
 * monotonic) and the answer compares how far each moved. The monotonic clock only ever counts
 * elapsed time, so any difference beyond the tolerance is the wall clock being set: NTP stepping
 * after a long drift, a technician changing the time, or a resume from sleep (on Linux
 * CLOCK_MONOTONIC, which performance.now reads, stops while suspended, so a suspend looks like a
 * forward step by its length, which is what it is to a schedule). Shaped after node-cron's
 * planBeat: exact instants in, a plan out; the runner owns the timer.
 */

export interface ClockReading {
  /** Wall clock, epoch ms. */
  wall: number;
  /** Monotonic ms. */
  monotonic: number;
}

export interface ClockBeat {
  /** How far the wall clock stepped beyond the time that elapsed (ms, + forward, − back); null within the tolerance. */
  jumpedMs: number | null;
  /** Time that really elapsed since the previous beat (monotonic ms). */
  elapsedMs: number;
  /** The wall clock moved this much since the previous beat (ms). */
  wallMs: number;
}

/** Default: NTP slews small errors; a step this large is set by someone or something. */
export const CLOCK_JUMP_TOLERANCE_MS = 2000;

export function planClockBeat(previous: ClockReading, current: ClockReading, toleranceMs = CLOCK_JUMP_TOLERANCE_MS): ClockBeat {
  const wallMs = current.wall - previous.wall;
  const elapsedMs = current.monotonic - previous.monotonic;
  const drift = wallMs - elapsedMs;
  return { jumpedMs: Math.abs(drift) > toleranceMs ? drift : null, elapsedMs, wallMs };
}

/** "+3600 s" / "-3600 s": a step rounded to the second, with its sign. */
export function formatStep(jumpedMs: number): string {
  const seconds = Math.round(jumpedMs / 1000);
  return `${seconds >= 0 ? '+' : '-'}${Math.abs(seconds)} s`;
}
