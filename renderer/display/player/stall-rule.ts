/**
 * When an item has stalled, whatever its element says. A video cut down to its header reports
 * itself ready, paused and at its end, and never presents a frame; waiting for its events kept the
 * item before it on screen for minutes (issue 11). So the player times each item itself, from what
 * it has seen: the load, the first presented frame, the picture advancing, the item's known length.
 * Pure: the times are monotonic ms (performance.now), passed in.
 */

/** Longest an item may take to load, or to show its first frame once started. */
export const LOAD_TIMEOUT_MS = 10_000;
/** Longest the picture of a playing video may stand still before its end. */
export const FROZEN_MS = 3_000;
/** How far past its known length an item may run (a clock that drifts, a slow last frame). */
export const OVERRUN_MARGIN_MS = 5_000;

export interface ItemTimes {
  /** prepare() began (the `attempted` report). */
  attemptedAt: number;
  /** prepare() resolved: the first frame can be shown at once. */
  readyAt: number | null;
  /** begin(): playback asked for. */
  begunAt: number | null;
  /** The first frame was presented. */
  firstFrameAt: number | null;
  /** Raised on screen. */
  raisedAt: number | null;
  /** It reached its end (done): nothing left to stall. */
  ended: boolean;
}

export interface ItemClock {
  /** The last moment its picture advanced (a presented frame, the media clock moving); null: a still, nothing to advance. */
  advancedAt: number | null;
  /** How long it should be on screen once raised, ms; null when unknown (a stream without a duration). */
  expectedMs: number | null;
}

export type Stall = 'not-loaded' | 'no-first-frame' | 'frozen' | 'overran';

export function stallOf(t: ItemTimes, clock: ItemClock, now: number): Stall | null {
  if (t.ended) return null;
  if (t.readyAt === null) return now - t.attemptedAt > LOAD_TIMEOUT_MS ? 'not-loaded' : null;
  if (t.begunAt === null) return null; // loaded, waiting for its turn
  if (t.firstFrameAt === null) return now - t.begunAt > LOAD_TIMEOUT_MS ? 'no-first-frame' : null;
  // Before it is raised it only has to be ready to show; the checks below are about the screen.
  if (t.raisedAt === null) return null;
  if (clock.advancedAt !== null && now - Math.max(clock.advancedAt, t.raisedAt) > FROZEN_MS) return 'frozen';
  if (clock.expectedMs !== null && now - t.raisedAt > clock.expectedMs + OVERRUN_MARGIN_MS) return 'overran';
  return null;
}
