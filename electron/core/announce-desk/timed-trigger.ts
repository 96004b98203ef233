/**
 * Runs the timed announcements: one timer for the next occurrence plus a 30 s re-check that
 * recomputes from the wall clock, so a timer lost to a suspend or a clock change is only late.
 * Occurrences are taken from a cursor that never moves back, so none is read twice; one missed by more than its expiry is logged,
 * not read out (a "keep your belongings" notice from two hours ago helps nobody).
 */
import type { CompiledSchedule } from '../schedule/compile.js';
import type { Log, Timers } from '../scheduler/ports.js';
import { nextOccurrence, timedOccurrences, type TimedOccurrence } from './timed-occurrences.js';

const RECHECK_SECONDS = 30;

export interface TimedTriggerDeps {
  now(): number;
  timers: Timers;
  log: Log;
  /** How late an occurrence may still be read out, per entry id (its expiry), ms. */
  graceMs(id: string): number;
  fire(occurrence: TimedOccurrence): void;
}

export interface TimedTrigger {
  load(schedule: CompiledSchedule | null): void;
  stop(): void;
}

export function createTimedTrigger(deps: TimedTriggerDeps): TimedTrigger {
  let schedule: CompiledSchedule | null = null;
  let cursor = deps.now();
  let cancelNext: (() => void) | null = null;
  const cancelRecheck = deps.timers.every(RECHECK_SECONDS, () => tick());

  function tick(): void {
    const now = deps.now();
    // The clock went back (a manual change): wait until it passes the cursor again, so nothing
    // already read out is read out twice.
    if (now <= cursor) return arm();
    if (schedule) {
      for (const o of timedOccurrences(schedule, cursor, now)) {
        if (now - o.at > deps.graceMs(o.id)) deps.log.warn('timed announcement missed (the player was not running or asleep)', { id: o.id, at: new Date(o.at).toISOString() });
        else deps.fire(o);
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
    stop() {
      cancelNext?.();
      cancelRecheck();
    },
  };
}
