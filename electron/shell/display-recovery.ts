/**
 * Keeps the hall's screen alive in the Electron window: a renderer that crashed, hung or went
 * silent is reloaded, and the reloaded page picks the programme up again from the state the host
 * sends it. What to do and when is the shared recovery policy (core/recovery/recovery-policy.ts),
 * the same the Chromium kiosk follows; this module only owns the timers and the window's calls.
 * The window has no browser to restart, so its ladder is reloads only, spaced 1 s, 2 s, 4 s … up
 * to a minute. A heartbeat whose picture stands still (`stillForMs`, picture-rule.ts) is no sign
 * of life: 20 s of them is `picture-frozen`, reloaded like a silence. When the ladder reaches its
 * cap, `spent` says so once: the shell may then relaunch the whole app (player-restart.ts).
 */
import type { HealthClass } from '../contract/health-view.js';
import { pictureMoves } from '../host/domain/recovery/picture-rule.js';
import { beat, check, DEFAULT_RECOVERY, heartbeat, initialRecovery, stepTaken, trouble, type Decision, type RecoveryTuning, type Trouble } from '../host/domain/recovery/recovery-policy.js';
import type { Clock, Log, Timers } from '../host/ports.js';

export const WINDOW_RECOVERY: RecoveryTuning = DEFAULT_RECOVERY;
/** The renderer sends a heartbeat every few seconds; this much silence means it is stuck. */
export const HEARTBEAT_SILENCE_MS = WINDOW_RECOVERY.silenceMs;
const CHECK_EVERY_MS = 5_000;

export interface RecoveryOptions {
  clock: Pick<Clock, 'now'>;
  timers: Pick<Timers, 'after' | 'every'>;
  log: Log;
  reload: () => void;
  /** Ends a hung renderer so the reload gets a fresh process (Electron's advice for `unresponsive`). */
  killRenderer: () => void;
  /** Counts each reload in the host's health (`browser-restarts`, kind `tab-reload`). */
  count?: (kind: HealthClass, message: string, fields: Record<string, unknown>) => void;
  /** The ladder reached its cap (once per run of failures): reloads did not bring the display back. */
  spent?: (why: string) => void;
}

export interface DisplayRecovery {
  /** `stillForMs`: what the heartbeat said of its picture (undefined: nothing). */
  heartbeat(stillForMs?: number | null): void;
  gone(reason: string, exitCode: number): void;
  unresponsive(): void;
  failedLoad(errorCode: number, description: string): void;
  stop(): void;
}

export function createDisplayRecovery(options: RecoveryOptions): DisplayRecovery {
  const { clock, timers, log } = options;
  const now = (): number => clock.now();
  let state = initialRecovery(now());
  let pending: (() => void) | null = null;
  let spentSaid = false;

  const follow = (decision: Decision, fields: Record<string, unknown> = {}): void => {
    state = decision.state;
    const step = decision.step;
    if (!step) return;
    if (step.killRenderer) options.killRenderer();
    if (step.capped && !spentSaid) {
      spentSaid = true;
      options.spent?.(`the display did not come back after ${step.attempt - 1} reloads (last: ${REASONS[step.reason]})`);
    }
    log.warn('reloading the display', { reason: REASONS[step.reason], delayMs: step.delayMs, attempt: step.attempt, ...(step.capped ? { capped: true } : {}), ...fields });
    pending = timers.after(step.delayMs, () => {
      pending = null;
      state = stepTaken(state, now());
      options.count?.('browser-restarts', 'display window reloaded', { kind: 'tab-reload', reason: step.reason, attempt: step.attempt });
      options.reload();
    });
  };
  const on = (reason: Trouble, fields?: Record<string, unknown>): void => follow(trouble(state, reason, now(), WINDOW_RECOVERY), fields);

  const stopWatch = timers.every(CHECK_EVERY_MS, () => {
    const silentMs = now() - state.lastSignAt;
    follow(check(state, now(), WINDOW_RECOVERY), { silentMs });
  });

  return {
    heartbeat(stillForMs) {
      if (!pictureMoves(stillForMs)) {
        state = beat(state, now());
        return;
      }
      state = heartbeat(state, now()).state;
      spentSaid = false;
    },
    gone(reason, exitCode) {
      on('crashed', { goneReason: reason, exitCode });
    },
    unresponsive() {
      on('unresponsive');
    },
    failedLoad(errorCode, description) {
      on('failed-load', { errorCode, description });
    },
    stop() {
      stopWatch();
      pending?.();
      pending = null;
    },
  };
}

/** The log's words for each trouble (kept from before the shared policy: log readers grep them). */
const REASONS: Record<Trouble, string> = {
  crashed: 'renderer gone',
  unresponsive: 'renderer unresponsive',
  'no-heartbeat': 'no heartbeat',
  'failed-load': 'page failed to load',
  'browser-exited': 'browser exited',
  'picture-frozen': 'picture frozen',
};
