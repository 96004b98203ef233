/**
 * When the timed announcements of announcements.json fall: pure, through the schedule's own
 * compiler, so their cron syntax, day filters, calendars and DST rule are the schedule's.
 */
import { compileSchedule, type CompiledSchedule } from '../../domain/schedule/compile.js';
import { DayTable } from '../../domain/schedule/day-table.js';
import { forEachOccurrence } from '../../domain/schedule/occurrences.js';
import type { CalendarsFile, ScheduleEntry, TimedAnnouncement } from '../../../contract/hall-config.js';
import { SECONDS_PER_DAY } from '../../domain/time/civil.js';

export interface TimedOccurrence {
  id: string;
  /** Epoch ms. */
  at: number;
}

/** Compiles the timed entries in the hall's zone and calendar (validated input; throws otherwise). */
export function compileTimed(timed: readonly TimedAnnouncement[], timezone: string, calendar: string | undefined, calendars: CalendarsFile): CompiledSchedule {
  const entries: ScheduleEntry[] = timed.map((t) => ({
    id: t.id,
    programme: t.id,
    priority: 0,
    cron: t.cron,
    duration: 'PT1S',
    ...(t.days ? { days: t.days } : {}),
    ...(t.validFrom ? { validFrom: t.validFrom } : {}),
    ...(t.validTo ? { validTo: t.validTo } : {}),
    ...(t.except ? { except: t.except } : {}),
  }));
  return compileSchedule({ timezone, ...(calendar ? { calendar } : {}), entries }, calendars);
}

/** Occurrences in (from, to], epoch ms, in time order (ties in file order). */
export function timedOccurrences(schedule: CompiledSchedule, from: number, to: number): TimedOccurrence[] {
  if (to <= from) return [];
  const fromS = Math.floor(from / 1000);
  const toS = Math.floor(to / 1000);
  const firstDay = Math.floor(schedule.zone.wallAt(fromS) / SECONDS_PER_DAY) - 1;
  const lastDay = Math.floor(schedule.zone.wallAt(toS) / SECONDS_PER_DAY) + 1;
  const table = new DayTable(schedule.zone, firstDay, lastDay + 1);
  const out: (TimedOccurrence & { order: number })[] = [];
  for (const entry of schedule.entries) {
    forEachOccurrence(entry, table, firstDay, lastDay, (start) => {
      const at = start * 1000;
      if (at > from && at <= to) out.push({ id: entry.id, at, order: entry.order });
    });
  }
  return out.sort((a, b) => a.at - b.at || a.order - b.order).map(({ id, at }) => ({ id, at }));
}

/** The first occurrence after `from`, looking up to `days` ahead; null if none. */
export function nextOccurrence(schedule: CompiledSchedule, from: number, days = 8): TimedOccurrence | null {
  return timedOccurrences(schedule, from, from + days * SECONDS_PER_DAY * 1000)[0] ?? null;
}
