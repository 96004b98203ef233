/**
 * Keeps the hall's screen alive: a renderer that crashed, hung or went silent is reloaded, and the
 * reloaded page picks the programme up again from the state the host sends it. Reloads that fail
 * to bring heartbeats back are spaced out (1 s, 2 s, 4 s … up to a minute) so a page that crashes
 * on load does not spin the CPU.
 */
import type { Log } from '../core/scheduler/ports.js';
import type { ShellTimers } from './electron-ports.js';

/** The renderer sends a heartbeat every few seconds; this much silence means it is stuck. */
export const HEARTBEAT_SILENCE_MS = 30_000;
const CHECK_EVERY_MS = 5_000;
const MAX_BACKOFF_MS = 60_000;
/** A renderer we killed reports itself gone shortly after; that is not a second failure. */
const OWN_KILL_GRACE_MS = 10_000;

export interface RecoveryOptions {
  now: () => number;
  timers: ShellTimers;
  log: Log;
  reload: () => void;
  /** Ends a hung renderer so the reload gets a fresh process (Electron's advice for `unresponsive`). */
  killRenderer: () => void;
}

export interface DisplayRecovery {
  heartbeat(): void;
  gone(reason: string, exitCode: number): void;
  unresponsive(): void;
  failedLoad(errorCode: number, description: string): void;
  stop(): void;
}

export function createDisplayRecovery(options: RecoveryOptions): DisplayRecovery {
  const { now, timers, log } = options;
  let lastSign = now();
  let failures = 0;
  let pending: (() => void) | null = null;
  let ownKillUntil = -Infinity;

  const reloadSoon = (reason: string, fields: Record<string, unknown> = {}): void => {
    if (pending) return;
    const delayMs = failures === 0 ? 0 : Math.min(MAX_BACKOFF_MS, 1000 * 2 ** (failures - 1));
    failures++;
    log.warn('reloading the display', { reason, delayMs, ...fields });
    pending = timers.after(delayMs, () => {
      pending = null;
      lastSign = now();
      options.reload();
    });
  };

  const stopWatch = timers.every(CHECK_EVERY_MS, () => {
    const silentMs = now() - lastSign;
    if (silentMs >= HEARTBEAT_SILENCE_MS) reloadSoon('no heartbeat', { silentMs });
  });

  return {
    heartbeat() {
      lastSign = now();
      failures = 0;
    },
    gone(reason, exitCode) {
      if (now() < ownKillUntil) {
        ownKillUntil = -Infinity;
        return;
      }
      reloadSoon('renderer gone', { goneReason: reason, exitCode });
    },
    unresponsive() {
      if (pending) return;
      ownKillUntil = now() + OWN_KILL_GRACE_MS;
      options.killRenderer();
      reloadSoon('renderer unresponsive');
    },
    failedLoad(errorCode, description) {
      reloadSoon('page failed to load', { errorCode, description });
    },
    stop() {
      stopWatch();
      pending?.();
      pending = null;
    },
  };
}
