/**
 * What a heartbeat of the scheduler finds: the wall clock stepped, the boundary timer is late, or
 * all is well. Pure: a beat is a pair of readings (wall and monotonic) and the answer compares how
 * far each moved. The monotonic clock only ever counts
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

/** Default: a boundary timer this late is taken as lost (a suspend, a timer library skipping a run). */
export const LATE_BOUNDARY_MS = 1000;

/** What the runner does on this beat: re-resolve after a step, re-resolve for a lost boundary timer, or nothing. */
export type BeatPlan =
  /** The wall clock stepped by `jumpedMs` (+ forward, − back); without the step it would read `expected`. */
  | { kind: 'clock-jump'; jumpedMs: number; expected: number }
  /** The next boundary passed `lateMs` ago (at least the limit) and its timer has not fired. */
  | { kind: 'late-boundary'; lateMs: number }
  | { kind: 'on-time' };

export interface BeatInput {
  previous: ClockReading;
  current: ClockReading;
  /** Wall/monotonic drift that counts as a step (ms). */
  toleranceMs: number;
  /** The schedule's next boundary (epoch ms); null when nothing changes any more. */
  nextBoundary: number | null;
  /** How late the boundary may be before it counts as lost (ms). */
  lateLimitMs: number;
}

/**
 * One heartbeat's decision. A step wins over a late boundary: re-resolving after the step covers
 * the boundary too, and a step forward past the boundary is what made it look late.
 */
export function planBeat(input: BeatInput): BeatPlan {
  const { jumpedMs } = planClockBeat(input.previous, input.current, input.toleranceMs);
  if (jumpedMs !== null) return { kind: 'clock-jump', jumpedMs, expected: input.current.wall - jumpedMs };
  if (input.nextBoundary !== null) {
    const lateMs = input.current.wall - input.nextBoundary;
    if (lateMs >= input.lateLimitMs) return { kind: 'late-boundary', lateMs };
  }
  return { kind: 'on-time' };
}

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
