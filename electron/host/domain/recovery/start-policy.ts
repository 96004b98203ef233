/**
 * When to stop starting a kiosk browser that cannot start at all. The recovery ladder
 * (recovery-policy.ts) retries for ever, which is right for a page that crashes or hangs: the
 * screen is there and the next attempt may work. A browser that dies within seconds of every
 * launch is different — no X server, a display it may not open, a broken install — and retrying
 * only fills the log with "exited (code 1)" and never says why. After `maxFailedStarts` such
 * exits in a row the kiosk gives up, so the command exits 1 with Chromium's own last words and
 * whatever runs it (systemd, a login session) sees the failure. A run that lasted longer than
 * `quickExitMs` did start: the count begins again.
 *
 * Pure: the supervisor tells it when a browser was launched and when it exited.
 */

export interface StartTuning {
  /** A browser that exits sooner than this after its launch never started. */
  quickExitMs: number;
  /** Failed starts in a row after which the kiosk gives up. */
  maxFailedStarts: number;
}

/** Five failed starts take ~20 s on the kiosk's ladder (waits of 1, 2, 4, 8 s between them). */
export const DEFAULT_START: StartTuning = { quickExitMs: 5_000, maxFailedStarts: 5 };

export interface StartState {
  /** Launches in a row whose browser exited within `quickExitMs`. */
  failedInARow: number;
}

export interface StartVerdict {
  state: StartState;
  /** This exit was a failed start (not a browser that ran and then died). */
  failedStart: boolean;
  /** Enough failed starts in a row: stop launching. */
  giveUp: boolean;
}

export const initialStarts: StartState = { failedInARow: 0 };

/** The browser launched at `launchedAt` exited at `now`. */
export function browserExited(state: StartState, launchedAt: number, now: number, tuning: StartTuning = DEFAULT_START): StartVerdict {
  const failedStart = now - launchedAt < tuning.quickExitMs;
  const failedInARow = failedStart ? state.failedInARow + 1 : 0;
  return { state: { failedInARow }, failedStart, giveUp: failedInARow >= tuning.maxFailedStarts };
}
