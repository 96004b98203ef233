/**
 * Cron expressions for schedule entries (5 fields, or 6 with seconds first), read in the hall's wall
 * clock. cron-parser does the parsing; matching a local day and time is ours, so the DST policy of
 * time/zone.ts applies to every entry alike.
 *
 * Day rule (as in Vixie cron and node-cron): when both day-of-month and day-of-week are restricted,
 * a day matches if either does; otherwise the restricted one decides.
 */
import { CronExpressionParser } from 'cron-parser';
import { civilFromDays, daysInMonth, weekdayOfDays } from '../time/civil.js';

export const CRON_FIELDS = ['second', 'minute', 'hour', 'day-of-month', 'month', 'day-of-week'] as const;
export type CronFieldName = (typeof CRON_FIELDS)[number];

const FIELD_HINT: Record<CronFieldName, string> = {
  second: 'seconds run 0-59',
  minute: 'minutes run 0-59',
  hour: 'hours run 0-23',
  'day-of-month': 'days of the month run 1-31 (L = last day)',
  month: 'months run 1-12 or JAN-DEC',
  'day-of-week': 'days of the week run 0-7 (0 and 7 = Sunday) or SUN-SAT, with 5L or 1#2 forms',
};

export class CronSyntaxError extends Error {
  constructor(
    readonly expression: string,
    readonly field: CronFieldName | null,
    readonly detail: string,
    readonly hint: string,
  ) {
    super(
      field
        ? `cron "${expression}": the ${field} field is wrong: ${detail}; ${hint}`
        : `cron "${expression}": ${detail}; ${hint}`,
    );
  }
}

export interface CronSpec {
  readonly source: string;
  /** Seconds since local midnight at which the expression fires on a matching day, ascending. */
  readonly timesOfDay: readonly number[];
  matchesDay(days: number): boolean;
}

const ALLOWED = /^[0-9A-Za-z*?,/#-]+$/;

/** Parses and checks an expression; throws CronSyntaxError naming the wrong field. */
export function parseCron(expression: string): CronSpec {
  const text = expression.trim();
  const parts = text.split(/\s+/);
  if (parts.length !== 5 && parts.length !== 6) {
    throw new CronSyntaxError(
      expression,
      null,
      `it has ${parts.length} field${parts.length === 1 ? '' : 's'}`,
      'write 5 fields (minute hour day-of-month month day-of-week) or 6 with seconds first',
    );
  }
  const six = parts.length === 6 ? parts : ['0', ...parts];
  six.forEach((part, i) => {
    const field = CRON_FIELDS[i]!;
    // cron-parser also accepts Jenkins-style "H" hashes, which make times random: refuse them.
    if (!ALLOWED.test(part) || /(^|[^A-Za-z])H/.test(part)) {
      throw new CronSyntaxError(expression, field, `"${part}" has characters cron does not allow`, FIELD_HINT[field]);
    }
    const probe = six.map((p, j) => (j === i ? p : j === 3 && i === 5 ? '?' : '*')).join(' ');
    try {
      CronExpressionParser.parse(probe);
    } catch (error) {
      throw new CronSyntaxError(expression, field, `"${part}": ${tidy((error as Error).message)}`, FIELD_HINT[field]);
    }
  });
  let parsed;
  try {
    parsed = CronExpressionParser.parse(six.join(' '));
  } catch (error) {
    // Each field parsed alone, so the combination is what fails: a day that no listed month has.
    throw neverRuns(expression, tidy((error as Error).message));
  }
  const { second, minute, hour, dayOfMonth, month, dayOfWeek } = parsed.fields;
  const months = new Set(month.values as number[]);
  // cron-parser types these as literal unions; widen them once here.
  const domValues = dayOfMonth.values as (number | string)[];
  const dowValues = dayOfWeek.values as (number | string)[];
  const domNumbers = new Set(domValues.filter((v): v is number => typeof v === 'number'));
  const domLast = domValues.includes('L');
  const dowNumbers = new Set(dowValues.filter((v): v is number => typeof v === 'number').map((v) => v % 7));
  const dowLast = new Set(
    dowValues.filter((v): v is string => typeof v === 'string' && v.endsWith('L')).map((v) => Number(v.slice(0, -1)) % 7),
  );
  const nth = dayOfWeek.nthDay;
  const domRestricted = !dayOfMonth.isWildcard && !dayOfMonth.hasQuestionMarkChar;
  const dowRestricted = !dayOfWeek.isWildcard && !dayOfWeek.hasQuestionMarkChar;

  const matchesDom = (day: number, year: number, mon: number): boolean =>
    domNumbers.has(day) || (domLast && day === daysInMonth(year, mon));
  const matchesDow = (weekday: number, day: number, year: number, mon: number): boolean => {
    if (dowLast.has(weekday) && day + 7 > daysInMonth(year, mon)) return true;
    if (!dowNumbers.has(weekday)) return false;
    return nth === 0 || Math.ceil(day / 7) === nth;
  };

  const timesOfDay: number[] = [];
  for (const h of hour.values as number[]) {
    for (const m of minute.values as number[]) {
      for (const s of second.values as number[]) timesOfDay.push(h * 3600 + m * 60 + s);
    }
  }
  timesOfDay.sort((a, b) => a - b);

  const spec: CronSpec = {
    source: expression,
    timesOfDay,
    matchesDay(days: number): boolean {
      const { year, month: mon, day } = civilFromDays(days);
      if (!months.has(mon)) return false;
      const weekday = weekdayOfDays(days);
      if (domRestricted && dowRestricted) return matchesDom(day, year, mon) || matchesDow(weekday, day, year, mon);
      if (domRestricted) return matchesDom(day, year, mon);
      if (dowRestricted) return matchesDow(weekday, day, year, mon);
      return true;
    },
  };
  if (domRestricted && !dowRestricted && !domLast && ![...months].some((m) => [...domNumbers].some((d) => d <= daysInMonth(2024, m)))) {
    throw neverRuns(expression, 'no listed month has such a day');
  }
  return spec;
}

function neverRuns(expression: string, detail: string): CronSyntaxError {
  return new CronSyntaxError(expression, 'day-of-month', `${detail}, so it never runs`, 'pick days that exist in the listed months');
}

function tidy(message: string): string {
  return message.replace(/^Constraint error, /, '').replace(/\.$/, '');
}
