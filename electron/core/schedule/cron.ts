/**
 * Cron expressions for schedule entries (5 fields, or 6 with seconds first), read in the hall's wall
 * clock. node-cron parses and checks them field by field; matching a local day and time is ours, so
 * the DST policy of time/zone.ts applies to every entry alike.
 *
 * Day rule (as in Vixie cron): when both day-of-month and day-of-week are restricted (neither field
 * starts with * or ?), a day matches if either does; otherwise the restricted one decides.
 */
import { validateDetailed } from 'node-cron';
import { daysFromCivil, daysInMonth, weekdayOfDays } from '../time/civil.js';
import type { DayInfo } from './day-table.js';

const FIELD_NAMES: Record<string, string> = {
  second: 'second',
  minute: 'minute',
  hour: 'hour',
  dayOfMonth: 'day-of-month',
  month: 'month',
  dayOfWeek: 'day-of-week',
};

const FIELD_HINT: Record<string, string> = {
  second: 'seconds run 0-59',
  minute: 'minutes run 0-59',
  hour: 'hours run 0-23',
  'day-of-month': 'days of the month run 1-31 (also L, L-2, 15W)',
  month: 'months run 1-12 or JAN-DEC',
  'day-of-week': 'days of the week run 0-7 (0 and 7 = Sunday) or SUN-SAT (also 5L, 1#2)',
};

export class CronSyntaxError extends Error {
  constructor(
    readonly expression: string,
    /** e.g. "minute"; null when the expression as a whole is wrong. */
    readonly field: string | null,
    detail: string,
  ) {
    super(`cron "${expression}": ${detail}`);
  }
}

export interface CronSpec {
  readonly source: string;
  /** Seconds since local midnight at which the expression fires on a matching day, ascending. */
  readonly timesOfDay: readonly number[];
  matchesDay(day: DayInfo): boolean;
}

/** Parses and checks an expression; throws CronSyntaxError naming the wrong field. */
export function parseCron(expression: string): CronSpec {
  const parts = expression.trim().split(/\s+/);
  if (parts.length !== 5 && parts.length !== 6) {
    throw new CronSyntaxError(
      expression,
      null,
      `it has ${parts.length} field${parts.length === 1 ? '' : 's'}: write 5 (minute hour day-of-month month day-of-week) or 6 with seconds first`,
    );
  }
  const result = validateDetailed(parts.join(' '));
  const problem = result.errors[0];
  if (problem || !result.fields) {
    const field = problem ? FIELD_NAMES[problem.field] : undefined;
    if (!field) throw new CronSyntaxError(expression, null, `${problem?.message ?? 'not a cron expression'}`);
    const never = /impossible/.test(problem!.message);
    throw new CronSyntaxError(
      expression,
      field,
      never
        ? `the ${field} field "${problem!.value}" names no day that exists in the listed months, so it never runs: pick days that exist`
        : `the ${field} field "${problem!.value}" is wrong: ${FIELD_HINT[field]}`,
    );
  }
  const { second, minute, hour, dayOfMonth, month, dayOfWeek } = result.fields;
  const raw = parts.length === 6 ? parts : ['0', ...parts];
  const domRestricted = !/^[*?]/.test(raw[3]!);
  const dowRestricted = !/^[*?]/.test(raw[5]!);
  const months = new Set(month);
  const matchesDom = dayOfMonthMatcher(dayOfMonth);
  const matchesDow = dayOfWeekMatcher(dayOfWeek);

  const timesOfDay: number[] = [];
  for (const h of hour) for (const m of minute) for (const s of second) timesOfDay.push(h * 3600 + m * 60 + s);
  timesOfDay.sort((a, b) => a - b);

  return {
    source: expression,
    timesOfDay,
    matchesDay(date) {
      if (!months.has(date.month)) return false;
      if (domRestricted && dowRestricted) return matchesDom(date) || matchesDow(date);
      if (domRestricted) return matchesDom(date);
      if (dowRestricted) return matchesDow(date);
      return true;
    },
  };
}

type DayMatcher = (date: DayInfo) => boolean;

function dayOfMonthMatcher(values: (number | string)[]): DayMatcher {
  const tests: DayMatcher[] = values.map((value) => {
    if (typeof value === 'number') return ({ day }) => day === value;
    if (value === 'L') return ({ year, month, day }) => day === daysInMonth(year, month);
    const before = /^L-(\d+)$/.exec(value);
    if (before) return ({ year, month, day }) => day === daysInMonth(year, month) - Number(before[1]);
    const weekday = /^(\d+)W$/.exec(value);
    if (weekday) return ({ days, year, month }) => days === nearestWeekday(year, month, Number(weekday[1]));
    throw new Error(`unsupported day-of-month value "${value}"`);
  });
  return (date) => tests.some((test) => test(date));
}

function dayOfWeekMatcher(values: (number | string)[]): DayMatcher {
  const tests: DayMatcher[] = values.map((value) => {
    if (typeof value === 'number') return ({ weekday }) => weekday === value % 7;
    const last = /^(\d)L$/.exec(value);
    if (last) return ({ weekday, year, month, day }) => weekday === Number(last[1]) % 7 && day + 7 > daysInMonth(year, month);
    const nth = /^(\d)#(\d)$/.exec(value);
    if (nth) return ({ weekday, day }) => weekday === Number(nth[1]) % 7 && Math.ceil(day / 7) === Number(nth[2]);
    throw new Error(`unsupported day-of-week value "${value}"`);
  });
  return (date) => tests.some((test) => test(date));
}

/** The weekday nearest to day `target` of the month, not leaving the month (Quartz's "15W"). */
function nearestWeekday(year: number, month: number, target: number): number {
  const last = daysInMonth(year, month);
  const day = Math.min(target, last);
  const days = daysFromCivil(year, month, day);
  const weekday = weekdayOfDays(days);
  if (weekday === 6) return day === 1 ? days + 2 : days - 1;
  if (weekday === 0) return day === last ? days - 2 : days + 1;
  return days;
}
