/**
 * What to do about a hall screen that stopped showing the hall, for both shells (the Electron
 * window and the Chromium kiosk): given a crash, a hang, a failed load, a browser that exited, or
 * heartbeats that stopped, and the time, decide the next step of the ladder — reload the page,
 * then restart the browser — and how long to wait first. Pure: the shells own the timers, the
 * browser and the log, and tell the policy what happened and when.
 *
 * The ladder: the first trouble reloads at once (a browser that exited waits 1 s); each further attempt that did not bring a
 * heartbeat back waits twice as long (1 s, 2 s, 4 s … up to `maxBackoffMs`) and, from the
 * `reloadsBeforeRestart`-th, restarts the whole browser instead. After `capAttempts` failures in a
 * row the screen is broken beyond what retrying fixes soon (a page that crashes on load, a GPU
 * that is gone): attempts go on every `cappedBackoffMs`, and the shell says so in status, rather
 * than spin the CPU. One heartbeat resets the ladder.
 *
 * A page whose JS still heartbeats while its picture stands still (a wedged decoder, every video
 * stalling one after another, the media clock frozen) is no better than a silent one: such a
 * heartbeat is a `beat`, not a sign of life (picture-rule.ts says which is which), and
 * `frozenMs` of beats without a moving picture is the trouble `picture-frozen`.
 */

export interface RecoveryTuning {
  /** No heartbeat for this long (after a launch, a reload or the last heartbeat) is a hung page. */
  silenceMs: number;
  firstBackoffMs: number;
  maxBackoffMs: number;
  /** Failed attempts answered by a reload before the browser itself is restarted (Infinity: never). */
  reloadsBeforeRestart: number;
  /** Failures in a row after which the ladder slows to `cappedBackoffMs`. */
  capAttempts: number;
  cappedBackoffMs: number;
  /** A renderer the shell killed (a hang) reports itself gone shortly after: not a second failure. */
  ownKillGraceMs: number;
  /**
   * Heartbeats whose picture has not moved for this long (since the last sign of life) are a frozen
   * picture. Twice the display's own load timeout (renderer/display/player/stall-rule.ts, 10 s):
   * a single stalled item the display skips by itself is moving again well before.
   */
  frozenMs: number;
}

export const DEFAULT_RECOVERY: RecoveryTuning = {
  silenceMs: 30_000,
  firstBackoffMs: 1_000,
  maxBackoffMs: 60_000,
  reloadsBeforeRestart: Infinity,
  capAttempts: 10,
  cappedBackoffMs: 5 * 60_000,
  ownKillGraceMs: 10_000,
  frozenMs: 20_000,
};

export type Trouble = 'crashed' | 'unresponsive' | 'no-heartbeat' | 'failed-load' | 'browser-exited' | 'picture-frozen';

export interface RecoveryStep {
  action: 'reload' | 'restart';
  /** Wait this long, then act (and call `stepTaken`). */
  delayMs: number;
  reason: Trouble;
  /** 1 for the first attempt since the last heartbeat. */
  attempt: number;
  /** End the (hung) renderer first, so the reload gets a fresh process. */
  killRenderer: boolean;
  /** The ladder hit its cap: this attempt and the next wait `cappedBackoffMs`. */
  capped: boolean;
}

export interface RecoveryState {
  /** The last sign of life: a heartbeat with a moving picture, or the last step taken (the page's time to say hello). */
  lastSignAt: number;
  /** The last heartbeat of any kind (its picture moving or not); -Infinity: none yet. */
  lastBeatAt: number;
  /** Attempts since the last heartbeat. */
  failures: number;
  /** A step was decided and not yet taken: further trouble is the same trouble. */
  pending: boolean;
  capped: boolean;
  /** Until then a 'crashed' is the renderer the shell itself killed. */
  ownKillUntil: number;
}

export interface Decision {
  state: RecoveryState;
  step: RecoveryStep | null;
}

export function initialRecovery(now: number): RecoveryState {
  return { lastSignAt: now, lastBeatAt: -Infinity, failures: 0, pending: false, capped: false, ownKillUntil: -Infinity };
}

/** The page said it is alive. `recovered`: it had been failing (the shell may clear its alert). */
export function heartbeat(state: RecoveryState, now: number): { state: RecoveryState; recovered: boolean } {
  return { state: { ...state, lastSignAt: now, lastBeatAt: now, failures: 0, capped: false }, recovered: state.failures > 0 };
}

/** The page heartbeats but its picture does not move: alive, yet not a sign that the wall shows the hall. */
export function beat(state: RecoveryState, now: number): RecoveryState {
  return { ...state, lastBeatAt: now };
}

/** Something went wrong: the step to take, or null when one is already on its way. */
export function trouble(state: RecoveryState, reason: Trouble, now: number, tuning: RecoveryTuning): Decision {
  if (reason === 'crashed' && now < state.ownKillUntil) return { state: { ...state, ownKillUntil: -Infinity }, step: null };
  // A browser that exited must be started again even while a reload was waiting: there is no page left to reload.
  if (state.pending && reason !== 'browser-exited') return { state, step: null };
  const failures = state.failures;
  const capped = failures >= tuning.capAttempts;
  // A page is reloaded at once the first time; a browser that died is never relaunched at once,
  // or one that dies on start would be relaunched in a tight loop.
  const doublings = reason === 'browser-exited' ? failures : failures - 1;
  const backoff = doublings < 0 ? 0 : Math.min(tuning.maxBackoffMs, tuning.firstBackoffMs * 2 ** doublings);
  const delayMs = capped ? tuning.cappedBackoffMs : backoff;
  const action = reason === 'browser-exited' || failures >= tuning.reloadsBeforeRestart ? 'restart' : 'reload';
  const killRenderer = reason === 'unresponsive' && action === 'reload';
  return {
    state: {
      ...state,
      failures: failures + 1,
      pending: true,
      capped,
      ownKillUntil: killRenderer ? now + tuning.ownKillGraceMs : state.ownKillUntil,
    },
    step: { action, delayMs, reason, attempt: failures + 1, killRenderer, capped },
  };
}

/** The decided step was taken: the page gets `silenceMs` from now to say hello. */
export function stepTaken(state: RecoveryState, now: number): RecoveryState {
  return { ...state, pending: false, lastSignAt: now };
}

/**
 * The periodic check: a page silent for `silenceMs` is hung (or never said hello); one that kept
 * heartbeating with a still picture for `frozenMs` shows a frozen picture.
 */
export function check(state: RecoveryState, now: number, tuning: RecoveryTuning): Decision {
  if (state.pending) return { state, step: null };
  const sinceSign = now - state.lastSignAt;
  if (sinceSign >= tuning.frozenMs && state.lastBeatAt > state.lastSignAt) return trouble(state, 'picture-frozen', now, tuning);
  if (sinceSign < tuning.silenceMs) return { state, step: null };
  return trouble(state, 'no-heartbeat', now, tuning);
}

/** Restarts the silence clock without a heartbeat (the player that the page talks to has only just started). */
export function waitFrom(state: RecoveryState, now: number): RecoveryState {
  return { ...state, lastSignAt: now };
}
