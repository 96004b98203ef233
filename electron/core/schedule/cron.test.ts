import { describe, expect, it } from 'vitest';
import { daysFromCivil } from '../time/civil.js';
import { CronSyntaxError, parseCron } from './cron.js';
import { dayInfo, type DayInfo } from './day-table.js';

const day = (iso: string): DayInfo => {
  const [y, m, d] = iso.split('-').map(Number);
  return dayInfo(daysFromCivil(y!, m!, d!));
};

describe('parseCron', () => {
  it.each([
    ['61 * * * *', 'minute', 'cron "61 * * * *": the minute field "61" is wrong: minutes run 0-59'],
    ['0 25 * * *', 'hour', 'cron "0 25 * * *": the hour field "25" is wrong: hours run 0-23'],
    ['0 8 * 13 *', 'month', 'cron "0 8 * 13 *": the month field "13" is wrong: months run 1-12 or JAN-DEC'],
    ['0 8 * * 8', 'day-of-week', 'cron "0 8 * * 8": the day-of-week field "8" is wrong: days of the week run 0-7 (0 and 7 = Sunday) or SUN-SAT (also 5L, 1#2)'],
    ['61 0 8 * * *', 'second', 'cron "61 0 8 * * *": the second field "61" is wrong: seconds run 0-59'],
    ['0 8 30 2 *', 'day-of-month', 'cron "0 8 30 2 *": the day-of-month field "30" names no day that exists in the listed months, so it never runs: pick days that exist'],
    ['* * *', null, 'cron "* * *": it has 3 fields: write 5 (minute hour day-of-month month day-of-week) or 6 with seconds first'],
  ])('%s names the wrong field', (expression, field, message) => {
    const error = (() => {
      try {
        parseCron(expression);
      } catch (e) {
        return e;
      }
      throw new Error('expected a CronSyntaxError');
    })() as CronSyntaxError;
    expect(error).toBeInstanceOf(CronSyntaxError);
    expect(error.field).toBe(field);
    expect(error.message).toBe(message);
  });

  it('lists the times of day, seconds included', () => {
    expect(parseCron('30 11 * * *').timesOfDay).toEqual([11 * 3600 + 30 * 60]);
    expect(parseCron('*/20 9 * * *').timesOfDay).toEqual([32_400, 33_600, 34_800]);
    expect(parseCron('15 0 12 * * *').timesOfDay).toEqual([43_215]);
  });

  it('matches days: weekdays, last day, nth weekday, last weekday, nearest weekday', () => {
    const weekdays = parseCron('0 8 * * MON-FRI');
    expect(weekdays.matchesDay(day('2026-11-27'))).toBe(true); // Friday
    expect(weekdays.matchesDay(day('2026-11-28'))).toBe(false); // Saturday
    expect(parseCron('0 8 L * *').matchesDay(day('2026-02-28'))).toBe(true);
    expect(parseCron('0 8 L * *').matchesDay(day('2026-02-27'))).toBe(false);
    expect(parseCron('0 8 * * 1#2').matchesDay(day('2026-11-09'))).toBe(true);
    expect(parseCron('0 8 * * 1#2').matchesDay(day('2026-11-02'))).toBe(false);
    expect(parseCron('0 8 * * 5L').matchesDay(day('2026-11-27'))).toBe(true);
    expect(parseCron('0 8 * * 5L').matchesDay(day('2026-11-20'))).toBe(false);
    expect(parseCron('0 8 15W * *').matchesDay(day('2026-11-16'))).toBe(true); // the 15th is a Sunday
    expect(parseCron('0 8 * * 7').matchesDay(day('2026-11-29'))).toBe(true); // 7 = Sunday
  });

  it('ORs day-of-month and day-of-week when both are restricted, as classic cron does', () => {
    const either = parseCron('0 8 1 * MON');
    expect(either.matchesDay(day('2026-12-01'))).toBe(true); // the 1st, a Tuesday
    expect(either.matchesDay(day('2026-12-07'))).toBe(true); // a Monday
    expect(either.matchesDay(day('2026-12-08'))).toBe(false);
    // A day-of-week starting with * counts as unrestricted, so only the 1st matches.
    expect(parseCron('0 8 1 * */2').matchesDay(day('2026-12-02'))).toBe(false);
  });

  it('honours months', () => {
    const december = parseCron('0 8 * DEC *');
    expect(december.matchesDay(day('2026-12-05'))).toBe(true);
    expect(december.matchesDay(day('2026-11-05'))).toBe(false);
  });
});
