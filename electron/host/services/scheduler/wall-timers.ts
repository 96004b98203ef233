/**
 * Timers on the player's wall clock. A one-off instant is a plain setTimeout capped at 30 s that
 * re-reads the clock each time it wakes (croner's maxDelay), so a step of the wall clock either way,
 * or a suspend, makes it fire once when its instant is reached, at most 30 s late, never early and
 * never twice, and without the per-missed-slot warnings a cron library prints after a forward step.
 * A repeating timer measures elapsed time (setInterval runs on the monotonic clock), so a clock step
 * neither bunches nor stalls it.
 */
import type { Clock, Timers } from '../../ports.js';

/** Longest single wait: a timer re-checks the wall clock at least this often. */
export const MAX_WAIT_MS = 30_000;

/** `clock`: the player's clock, which may run ahead of or behind the system clock (a preview with --at). */
export function wallTimers(clock: Pick<Clock, 'now'>): Timers {
  return {
    at(at, fn) {
      let timer: ReturnType<typeof setTimeout> | null = null;
      // Never runs `fn` inside `at` itself (a caller arming a timer is not ready to be called back).
      const wait = (): void => {
        timer = setTimeout(check, Math.max(0, Math.min(at - clock.now(), MAX_WAIT_MS)));
      };
      const check = (): void => {
        if (at - clock.now() > 0) return wait();
        timer = null;
        fn();
      };
      wait();
      return () => {
        if (timer) clearTimeout(timer);
        timer = null;
      };
    },
    every(seconds, fn) {
      if (!(seconds > 0) || seconds * 1000 > MAX_WAIT_MS) throw new Error(`repeating timer of ${seconds} s: give 0 < seconds ≤ ${MAX_WAIT_MS / 1000}`);
      const timer = setInterval(fn, seconds * 1000);
      return () => clearInterval(timer);
    },
  };
}
