/**
 * The player's one real implementation of Timers (ports.ts), for the host and the Electron shell.
 * A wall-clock instant (`at`) is a plain setTimeout capped at 30 s that re-reads the clock each time
 * it wakes (croner's maxDelay), so a step of the wall clock either way, or a suspend, makes it fire
 * once when its instant is reached, at most 30 s late, never early and never twice, and without the
 * per-missed-slot warnings a cron library prints after a forward step. A delay (`after`) and a
 * repeating timer (`every`) measure elapsed time (setTimeout/setInterval run on the monotonic
 * clock), so a clock step neither bunches nor stalls them.
 */
import { systemClock, type Clock, type Timers } from '../../ports.js';

/** Longest single wait: a timer re-checks the wall clock at least this often. */
export const MAX_WAIT_MS = 30_000;

/** `clock`: the player's clock, which may run ahead of or behind the system clock (a preview with --at). */
export function wallTimers(clock: Pick<Clock, 'now'>): Timers {
  return {
    at(epochMs, fn) {
      let timer: ReturnType<typeof setTimeout> | null = null;
      // Never runs `fn` inside `at` itself (a caller arming a timer is not ready to be called back).
      const wait = (): void => {
        timer = setTimeout(check, Math.max(0, Math.min(epochMs - clock.now(), MAX_WAIT_MS)));
      };
      const check = (): void => {
        if (epochMs - clock.now() > 0) return wait();
        timer = null;
        fn();
      };
      wait();
      return () => {
        if (timer) clearTimeout(timer);
        timer = null;
      };
    },
    after(ms, fn) {
      const timer = setTimeout(fn, ms);
      return () => clearTimeout(timer);
    },
    every(ms, fn) {
      if (!(ms > 0) || ms > MAX_WAIT_MS) throw new Error(`repeating timer of ${ms} ms: give 0 < ms ≤ ${MAX_WAIT_MS}`);
      const timer = setInterval(fn, ms);
      return () => clearInterval(timer);
    },
  };
}

/** Timers on the system clock. */
export const systemTimers: Timers = wallTimers(systemClock);
