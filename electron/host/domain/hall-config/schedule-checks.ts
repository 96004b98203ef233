/**
 * A schedule's checks the schema cannot express — programmes and calendars that exist, cron entries
 * with an end, dayparts that are not empty — for schedule.json and for a display's own schedule in
 * displays.json alike.
 */
import { parseClock } from '../time/civil.js';
import { isTimeZone } from '../time/time-zone.js';
import { cronProblem } from '../schedule/cron.js';
import { parseDuration } from '../schedule/duration.js';
import { checkDate, checkDateRange } from './date-checks.js';
import type { Diagnostic } from '../../../contract/diagnostic.js';
import { closest } from './schema-check.js';
import type { JsonPath, JsonSource } from './source.js';
import type { ScheduleFile } from '../../../contract/hall-config.js';

export function unknownName(kind: string, name: string, known: string[], fix: string): string {
  const guess = closest(name, known);
  return `unknown ${kind} "${name}": ${guess ? `did you mean "${guess}"? ` : ''}${fix}`;
}

export function checkSchedule(source: JsonSource, schedule: ScheduleFile, programmeIds: string[], calendarNames: string[], out: Diagnostic[]): void {
  if (!isTimeZone(schedule.timezone)) {
    out.push(source.at(['timezone'], 'error', `unknown time zone "${schedule.timezone}": use an IANA name such as "Asia/Shanghai"`));
  }
  if (schedule.calendar !== undefined && !calendarNames.includes(schedule.calendar)) {
    out.push(source.at(['calendar'], 'error', unknownName('calendar', schedule.calendar, calendarNames, calendarFix(calendarNames))));
  }
  checkEntries(source, [], schedule, { programmeIds, calendarNames, calendar: schedule.calendar }, out);
}

const calendarFix = (names: string[]): string => (names.length > 0 ? `calendars.json defines: ${names.join(', ')}` : 'define it in calendars.json');

export interface EntryContext {
  programmeIds: string[];
  calendarNames: string[];
  /** The calendar entries follow unless they name one (schedule.json's). */
  calendar: string | undefined;
}

/** A schedule's default and entries, at `base` in `source`: schedule.json's, or a display's own in displays.json. */
export function checkEntries(source: JsonSource, base: JsonPath, schedule: Pick<ScheduleFile, 'default' | 'entries'>, context: EntryContext, out: Diagnostic[]): void {
  const { programmeIds, calendarNames } = context;
  const error = (p: JsonPath, message: string): void => void out.push(source.at([...base, ...p], 'error', message));
  const programmeFix = `add programmes/NAME.json or use one of: ${programmeIds.join(', ') || '(no programmes yet)'}`;
  if (schedule.default !== undefined && !programmeIds.includes(schedule.default)) {
    error(['default'], unknownName('programme', schedule.default, programmeIds, programmeFix));
  }
  const ids = new Map<string, number>();
  schedule.entries.forEach((entry, i) => {
    const at = (...rest: JsonPath): JsonPath => ['entries', i, ...rest];
    const first = ids.get(entry.id);
    if (first !== undefined) error(at('id'), `duplicate entry id "${entry.id}" (entry ${first + 1} has it too): give each entry its own id`);
    else ids.set(entry.id, i);
    if (!programmeIds.includes(entry.programme)) error(at('programme'), unknownName('programme', entry.programme, programmeIds, programmeFix));
    if (entry.calendar !== undefined && !calendarNames.includes(entry.calendar)) {
      error(at('calendar'), unknownName('calendar', entry.calendar, calendarNames, calendarFix(calendarNames)));
    }
    const calendar = entry.calendar ?? context.calendar;
    if (calendar === undefined && entry.days?.includes('holiday')) {
      out.push(source.at([...base, ...at('days')], 'warning', '"holiday" needs a calendar: set "calendar" on the schedule or the entry, or no day will count as a holiday'));
    }

    if (entry.cron !== undefined && entry.daypart !== undefined) {
      error(at('daypart'), 'an entry has either "cron" or "daypart", not both: split it into two entries');
    } else if (entry.cron === undefined && entry.daypart === undefined) {
      error(at(), 'the entry needs "daypart" ({"from": "08:30", "to": "11:30"}) or "cron" with "duration" or "until"');
    }
    if (entry.cron !== undefined) {
      const problem = cronProblem(entry.cron);
      if (problem) error(at('cron'), problem);
      if (entry.duration === undefined && entry.until === undefined) {
        error(at('cron'), 'a cron entry needs an end: add "duration" (e.g. "PT2H") or "until" (e.g. "14:00")');
      } else if (entry.duration !== undefined && entry.until !== undefined) {
        error(at('until'), 'give "duration" or "until", not both: remove one');
      }
    } else {
      for (const key of ['duration', 'until'] as const) {
        if (entry[key] !== undefined && entry.daypart !== undefined) {
          error(at(key), `"${key}" belongs to cron entries; a daypart ends at its "to" time: remove "${key}"`);
        }
      }
    }
    if (entry.duration !== undefined) {
      const seconds = parseDuration(entry.duration);
      if (seconds === 0) error(at('duration'), `duration "${entry.duration}" is zero, so the entry would never show: give a positive length such as "PT1H"`);
      else if (seconds !== null && seconds > 31 * 86_400) {
        error(at('duration'), `duration "${entry.duration}" is longer than 31 days: use a daypart with validFrom/validTo for long campaigns`);
      }
    }
    if (entry.daypart && entry.daypart.from === entry.daypart.to) {
      error(at('daypart', 'to'), `the daypart starts and ends at ${entry.daypart.from}, so it is empty: for a whole day write "from": "00:00", "to": "24:00"`);
    }
    if (entry.daypart && parseClock(entry.daypart.from) === 86_400) {
      error(at('daypart', 'from'), 'a daypart cannot start at 24:00: use 00:00 and the next day');
    }
    checkDateRange(source, [...base, ...at()], entry.validFrom, entry.validTo, out);
    entry.except?.forEach((date, j) => checkDate(source, [...base, ...at('except', j)], date, out));
  });
}

