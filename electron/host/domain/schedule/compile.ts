/**
 * Turns a validated schedule file into the form the timeline works on: parsed crons, clock times in
 * seconds, one day filter per entry. Throws on input the validator would have refused.
 */
import { parseClock, SECONDS_PER_DAY } from '../time/civil.js';
import { TimeZone } from '../time/time-zone.js';
import type { CalendarsFile, ScheduleEntry, ScheduleFile } from '../../../contract/hall-config.js';
import { buildCalendar, PLAIN_WEEK, type DayCalendar } from './calendar.js';
import { parseCron, type CronSpec } from './cron.js';
import { dayRule, type DayRule } from './day-rule.js';
import { parseDuration } from './duration.js';

interface EntryBase {
  id: string;
  programme: string;
  priority: number;
  /** Position in the file, the tie-breaker between equal priorities. */
  order: number;
  /** The local days an occurrence may start on. */
  days: DayRule;
  /** Upper bound of one occurrence's length, so the timeline knows how far back to look. */
  maxSpan: number;
  source: ScheduleEntry;
}

export interface CronEntry extends EntryBase {
  kind: 'cron';
  cron: CronSpec;
  duration: number | null;
  until: number | null;
}

export interface DaypartEntry extends EntryBase {
  kind: 'daypart';
  from: number;
  to: number;
}

export type CompiledEntry = CronEntry | DaypartEntry;

export interface CompiledSchedule {
  zone: TimeZone;
  defaultProgramme: string | null;
  /** Ranked: best first (priority descending, then file order). */
  entries: CompiledEntry[];
  maxSpan: number;
}

export function compileSchedule(schedule: ScheduleFile, calendars: CalendarsFile | undefined): CompiledSchedule {
  const zone = TimeZone.of(schedule.timezone);
  const calendarCache = new Map<string, DayCalendar>();
  const calendarNamed = (name: string | undefined): DayCalendar => {
    if (name === undefined) return PLAIN_WEEK;
    let calendar = calendarCache.get(name);
    if (!calendar) {
      const definition = calendars?.calendars[name];
      if (!definition) throw new Error(`unknown calendar "${name}"`);
      calendar = buildCalendar(definition);
      calendarCache.set(name, calendar);
    }
    return calendar;
  };

  const entries = schedule.entries.map((source, order): CompiledEntry => {
    const base = {
      id: source.id,
      programme: source.programme,
      priority: source.priority ?? 0,
      order,
      days: dayRule(source, calendarNamed(source.calendar ?? schedule.calendar)),
      source,
    };
    if (source.daypart) {
      const from = clock(source.daypart.from);
      const to = clock(source.daypart.to);
      // A daypart can cross midnight; a DST day adds at most an hour.
      return { ...base, kind: 'daypart', from, to, maxSpan: SECONDS_PER_DAY + 3600 };
    }
    if (source.cron === undefined) throw new Error(`entry "${source.id}" has neither cron nor daypart`);
    const duration = source.duration === undefined ? null : parseDuration(source.duration);
    const until = source.until === undefined ? null : clock(source.until);
    if (duration === null && until === null) throw new Error(`entry "${source.id}" needs duration or until`);
    return {
      ...base,
      kind: 'cron',
      cron: parseCron(source.cron),
      duration,
      until,
      maxSpan: duration ?? SECONDS_PER_DAY + 3600,
    };
  });
  entries.sort((a, b) => b.priority - a.priority || a.order - b.order);
  return {
    zone,
    defaultProgramme: schedule.default ?? null,
    entries,
    maxSpan: entries.reduce((max, e) => Math.max(max, e.maxSpan), 0),
  };
}

function clock(text: string): number {
  const seconds = parseClock(text);
  if (seconds === null) throw new Error(`"${text}" is not a time of day`);
  return seconds;
}
