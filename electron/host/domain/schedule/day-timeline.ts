/**
 * A day's (or days') switches as the hall reads them: local time, programme, and the entry that
 * caused each. Shared by `hallcast timeline` and GET /api/timeline.
 */
import type { HallConfig } from '../../../contract/hall-config.js';
import type { DayTimeline, TimelineRow } from '../../../contract/timeline-view.js';
import { parseIsoDate, SECONDS_PER_DAY } from '../time/civil.js';
import { formatLocal } from '../time/local-format.js';
import { compileSchedule } from './compile.js';
import { describeEntry } from './describe.js';
import { timeline } from './timeline.js';

export class TimelineRequestError extends Error {}

/** `date`: YYYY-MM-DD in the schedule's zone, or null for the day containing `now`. */
export function dayTimeline(config: HallConfig, date: string | null, days: number, now: number): DayTimeline {
  const schedule = compileSchedule(config.schedule, config.calendars);
  const zone = schedule.zone;
  let firstDay: number;
  if (date !== null) {
    const parsed = parseIsoDate(date);
    if (parsed === null) throw new TimelineRequestError(`date "${date}" is not a date: write YYYY-MM-DD, e.g. 2026-12-01`);
    firstDay = parsed;
  } else firstDay = Math.floor(zone.wallAt(Math.floor(now / 1000)) / SECONDS_PER_DAY);
  if (!Number.isInteger(days) || days < 1 || days > 366) throw new TimelineRequestError('days must be a whole number from 1 to 366');
  const from = zone.instantOf(firstDay * SECONDS_PER_DAY) * 1000;
  const to = zone.instantOf((firstDay + days) * SECONDS_PER_DAY) * 1000;
  const entries = new Map(config.schedule.entries.map((e) => [e.id, e]));
  const rows = timeline(schedule, from, to).map((change): TimelineRow => {
    const local = formatLocal(zone, change.at);
    const programme = change.programme === null ? null : config.programmes[change.programme];
    const entry = change.entry === null ? null : entries.get(change.entry);
    return {
      at: change.at,
      ...local,
      programme: change.programme,
      title: programme ? `${programme.title['zh-CN']}${programme.title.en ? ` / ${programme.title.en}` : ''}` : 'idle slide',
      entry: change.entry,
      why: entry ? `entry "${entry.id}" (${describeEntry(entry)})` : 'default (no entry active)',
    };
  });
  return { timezone: zone.name, from: formatLocal(zone, from).date, days, rows };
}
