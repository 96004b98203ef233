/**
 * Timers backed by node-cron. A one-off wall-clock instant becomes a 6-field UTC expression for
 * that second, limited to one run; the heartbeat is an every-N-seconds expression. node-cron skips
 * runs it missed by more than its tolerance (after a suspend, say): the scheduler's heartbeat
 * re-resolves from the clock, so a skipped run is only late, never lost.
 */
import { schedule, type ScheduledTask } from 'node-cron';
import type { Timers } from './ports.js';

/** `now`: the scheduler's clock, which may run ahead of or behind the system clock (a preview). */
export function cronTimers(now: () => number = Date.now): Timers {
  return {
    at(at, fn) {
      // node-cron matches the system clock: translate the instant into it.
      const second = Math.ceil((at - now() + Date.now()) / 1000) * 1000;
      // Within a second node-cron could already be past the matching second: fire directly.
      if (second - Date.now() < 1000) {
        const timer = setTimeout(fn, Math.max(0, second - Date.now()));
        return () => clearTimeout(timer);
      }
      const date = new Date(second);
      const expression = `${date.getUTCSeconds()} ${date.getUTCMinutes()} ${date.getUTCHours()} ${date.getUTCDate()} ${date.getUTCMonth() + 1} *`;
      const task: ScheduledTask = schedule(expression, fn, { timezone: 'Etc/UTC', maxExecutions: 1, name: `boundary-${second}` });
      return () => void task.destroy();
    },
    every(seconds, fn) {
      if (!Number.isInteger(seconds) || seconds < 1 || seconds > 59 || 60 % seconds !== 0) {
        throw new Error(`heartbeat of ${seconds} s: use a divisor of 60`);
      }
      const task = schedule(`*/${seconds} * * * * *`, fn, { name: `heartbeat-${seconds}s`, noOverlap: true });
      return () => void task.destroy();
    },
  };
}
