/**
 * Cron expressions for schedule entries and timed announcements (5 fields, or 6 with seconds
 * first), read in the hall's wall clock by our own parser (cron-field.ts), so the semantics are ours,
 * documented in playlists/README.md ("Cron") and tested against other libraries' vectors.
 *
 * Day rule: when both day-of-month and day-of-week are restricted, a day matches if either does;
 * otherwise the restricted one decides. Unlike Vixie cron and cronie, which look only at the field's
 * first character (so `*∕2` counts as unrestricted there), a field is unrestricted here only when
 * it is exactly `*` or `?`: `0 0 *∕10 * MON` runs on the 1st, 11th, 21st and 31st and every Monday.
 *
 * parseCron throws only CronSyntaxError; cronProblem never throws. A user's string therefore
 * always becomes a schedule or a diagnostic.
 */
import { daysFromCivil, daysInMonth, weekdayOfDays } from '../time/civil.js';
import { CronFieldError, FIELDS, parseField, quote, type CronFieldName, type ParsedField, type SpecialDay } from './cron-field.js';
import type { DayInfo } from './day-table.js';

export type { CronFieldName };

export class CronSyntaxError extends Error {
  constructor(
    readonly expression: string,
    /** The field at fault; null when the expression as a whole is wrong. */
    readonly field: CronFieldName | null,
    detail: string,
  ) {
    super(`cron ${quote(expression, 60)}: ${field ? `${field}: ` : ''}${detail}`);
  }
}

export interface CronSpec {
  readonly source: string;
  /** Seconds since local midnight at which the expression fires on a matching day, ascending. */
  readonly timesOfDay: readonly number[];
  matchesDay(day: DayInfo): boolean;
}

/**
 * "Never runs" is decided over 28 years: from 1901 to 2099 the Gregorian calendar repeats every 28
 * years (leap years and weekdays), so a day rule that matches nothing in 2001-2028 matches nothing
 * in any year a hall will see.
 */
const CYCLE_FIRST = daysFromCivil(2001, 1, 1);

/** Parses and checks an expression; throws CronSyntaxError naming the wrong field and the fix. */
export function parseCron(expression: string): CronSpec {
  if (typeof expression !== 'string') throw new CronSyntaxError(String(expression), null, 'a cron expression is text, e.g. "0 9 * * MON-FRI"');
  const parts = expression.trim().split(/\s+/).filter((p) => p !== '');
  if (parts.length !== 5 && parts.length !== 6) {
    throw new CronSyntaxError(
      expression,
      null,
      `it has ${parts.length} field${parts.length === 1 ? '' : 's'}: write 5 (minute hour day-of-month month day-of-week) or 6 with seconds first`,
    );
  }
  const texts = parts.length === 6 ? parts : ['0', ...parts];
  const fields = FIELDS.map((spec, i): ParsedField => {
    try {
      return parseField(texts[i]!, spec);
    } catch (e) {
      if (e instanceof CronFieldError) throw new CronSyntaxError(expression, spec.name, e.message);
      throw e;
    }
  }) as [ParsedField, ParsedField, ParsedField, ParsedField, ParsedField, ParsedField];
  const [second, minute, hour, dom, month, dow] = fields;

  // Up to 86,400 (every second), so built when first asked for (the validator never asks), in place,
  // and ascending because each field's values are.
  let timesOfDay: number[] | null = null;
  const listTimes = (): number[] => {
    const times = new Array<number>(hour.values.length * minute.values.length * second.values.length);
    let next = 0;
    for (const h of hour.values) for (const m of minute.values) for (const s of second.values) times[next++] = h * 3600 + m * 60 + s;
    return times;
  };

  const months = new Uint8Array(13);
  for (const m of month.values) months[m] = 1;
  const matchesDom = dayMatcher(dom, 'day');
  const matchesDow = dayMatcher(dow, 'weekday');
  const matchesDay = (date: DayInfo): boolean => {
    if (months[date.month] !== 1) return false;
    if (dom.restricted && dow.restricted) return matchesDom(date) || matchesDow(date);
    if (dom.restricted) return matchesDom(date);
    if (dow.restricted) return matchesDow(date);
    return true;
  };

  if (!runsSomeDay(matchesDay, months)) {
    // Only a day-of-month can do this: every weekday rule (even 5#5 in February) happens some year.
    const monthText = texts[4]!;
    const where = monthText === '*' || monthText === '?' ? 'any month' : `month ${quote(monthText)}`;
    const field = dom.restricted ? 'day-of-month' : 'day-of-week';
    throw new CronSyntaxError(
      expression,
      field,
      `${quote(texts[field === 'day-of-month' ? 3 : 5]!)} never falls in ${where}, so it never runs: pick days those months have (a W day the month lacks does not move to another day)`,
    );
  }
  return {
    source: expression,
    get timesOfDay() {
      return (timesOfDay ??= listTimes());
    },
    matchesDay,
  };
}

/** The refusal for an expression as one line, or null when it is fine. Never throws. */
export function cronProblem(expression: unknown): string | null {
  try {
    parseCron(expression as string);
    return null;
  } catch (e) {
    if (e instanceof CronSyntaxError) return e.message;
    // A bug of ours, not the user's: still a diagnostic, never a crash.
    return `cron ${quote(String(expression), 60)} could not be read (${(e instanceof Error ? e.message : String(e)).replace(/\s+/g, ' ')}): write it as in playlists/README.md, "Cron"`;
  }
}

function runsSomeDay(matches: (date: DayInfo) => boolean, months: Uint8Array): boolean {
  let days = CYCLE_FIRST;
  const date = { days, year: 0, month: 0, day: 0, weekday: weekdayOfDays(days) };
  for (let year = 2001; year < 2029; year++) {
    for (let month = 1; month <= 12; month++) {
      const length = daysInMonth(year, month);
      if (months[month] !== 1) {
        days += length;
        continue;
      }
      for (let day = 1; day <= length; day++, days++) {
        date.days = days;
        date.year = year;
        date.month = month;
        date.day = day;
        date.weekday = weekdayOfDays(days);
        if (matches(date)) return true;
      }
    }
  }
  return false;
}

type DayMatcher = (date: DayInfo) => boolean;

/** Plain values test `day` (day-of-month) or `weekday` (day-of-week); specials test their own rule. */
function dayMatcher(field: ParsedField, key: 'day' | 'weekday'): DayMatcher {
  const plain = new Uint8Array(32);
  for (const v of field.values) plain[v] = 1;
  const specials = field.specials.map(specialMatcher);
  return (date) => plain[date[key]] === 1 || specials.some((special) => special(date));
}

function specialMatcher(special: SpecialDay): DayMatcher {
  switch (special.kind) {
    case 'last':
      return ({ year, month, day }) => day === daysInMonth(year, month) - special.before;
    case 'last-weekday':
      return ({ year, month, day }) => day === lastWeekday(year, month);
    case 'nearest-weekday':
      return ({ year, month, day }) => day === nearestWeekday(year, month, special.day);
    case 'nth-weekday':
      return ({ weekday, day }) => weekday === special.weekday && Math.ceil(day / 7) === special.nth;
    case 'last-of-weekday':
      return ({ weekday, year, month, day }) => weekday === special.weekday && day + 7 > daysInMonth(year, month);
  }
}

/** The last Monday-Friday of the month. */
function lastWeekday(year: number, month: number): number {
  const last = daysInMonth(year, month);
  const weekday = weekdayOfDays(daysFromCivil(year, month, last));
  return weekday === 6 ? last - 1 : weekday === 0 ? last - 2 : last;
}

/**
 * The weekday nearest to day `target`, not leaving the month (Quartz's "15W"): a Saturday moves to
 * Friday (or to Monday the 3rd when it is the 1st), a Sunday to Monday (or to Friday when it is the
 * last day). A month without day `target` has no such day: -1.
 */
function nearestWeekday(year: number, month: number, target: number): number {
  const last = daysInMonth(year, month);
  if (target > last) return -1;
  const weekday = weekdayOfDays(daysFromCivil(year, month, target));
  if (weekday === 6) return target === 1 ? 3 : target - 1;
  if (weekday === 0) return target === last ? target - 2 : target + 1;
  return target;
}
