/**
 * Runs the timed announcements: one timer for the next occurrence plus a 30 s re-check that
 * recomputes from the wall clock, so a timer lost to a suspend or a clock change is only late.
 * Occurrences are taken from a cursor that never moves back, so none is read twice; those missed
 * by more than their expiry are logged (one line per check, however many), not read out (a "keep
 * your belongings" notice from two hours ago helps nobody). After a clock step the host calls
 * `recheck` so the step is acted on at once: forward, what fell due is read (or logged) once; back,
 * the hour replayed is not read again and the timer is re-armed on the cursor.
 */
import type { CompiledSchedule } from '../../domain/schedule/compile.js';
import type { Clock, Log, Timers } from '../../ports.js';
import { nextOccurrence, timedOccurrences, type TimedOccurrence } from './timed-occurrences.js';

const RECHECK_MS = 30_000;

export interface TimedTriggerDeps {
  clock: Pick<Clock, 'now'>;
  timers: Pick<Timers, 'at' | 'every'>;
  log: Log;
  /** How late an occurrence may still be read out, per entry id (its expiry), ms. */
  graceMs(id: string): number;
  fire(occurrence: TimedOccurrence): void;
}

export interface TimedTrigger {
  load(schedule: CompiledSchedule | null): void;
  /** Re-reads the wall clock now (after a clock step): fires what is due, re-arms the timer. */
  recheck(): void;
  stop(): void;
}

export function createTimedTrigger(deps: TimedTriggerDeps): TimedTrigger {
  let schedule: CompiledSchedule | null = null;
  let cursor = deps.clock.now();
  let cancelNext: (() => void) | null = null;
  const cancelRecheck = deps.timers.every(RECHECK_MS, () => tick());

  function tick(): void {
    const now = deps.clock.now();
    // The clock went back (a manual change): wait until it passes the cursor again, so nothing
    // already read out is read out twice.
    if (now <= cursor) return arm();
    if (schedule) {
      const missed: TimedOccurrence[] = [];
      for (const o of timedOccurrences(schedule, cursor, now)) {
        if (now - o.at > deps.graceMs(o.id)) missed.push(o);
        else deps.fire(o);
      }
      // One line however many: a day asleep with a notice every minute is not 1,440 lines.
      if (missed.length) {
        deps.log.warn(`${missed.length} timed announcement${missed.length === 1 ? '' : 's'} missed (the player was not running, asleep, or its clock stepped)`, {
          ids: [...new Set(missed.map((o) => o.id))],
          from: new Date(missed[0]!.at).toISOString(),
          to: new Date(missed.at(-1)!.at).toISOString(),
        });
      }
    }
    cursor = now;
    arm();
  }

  function arm(): void {
    cancelNext?.();
    cancelNext = null;
    const upcoming = schedule ? nextOccurrence(schedule, cursor) : null;
    if (upcoming) cancelNext = deps.timers.at(upcoming.at, tick);
  }

  return {
    load(next) {
      schedule = next;
      arm();
    },
    recheck: () => tick(),
    stop() {
      cancelNext?.();
      cancelRecheck();
    },
  };
}
