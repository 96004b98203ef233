import { describe, expect, it } from 'vitest';
import { buildCalendar, presetLastYear } from './calendar.js';
import { provisionalHolidayAlerts } from './holiday-alerts.js';
import { statutoryHolidays } from './provisional-holidays.js';
import { formatIsoDate, parseIsoDate } from '../time/civil.js';

const day = (iso: string): number => parseIsoDate(iso)!;
const listed = (year: number): string[] => [...statutoryHolidays(year)].map(([d, name]) => `${formatIsoDate(d)} ${name}`).sort();

describe('provisional holidays', () => {
  it('computes 2027 from the statutory rules: 元旦, 春节 from 除夕, 清明, 劳动节, 端午, 中秋, 国庆', () => {
    expect(listed(2027)).toEqual([
      '2027-01-01 元旦',
      '2027-02-05 春节', // 除夕: the twelfth month of 2026 has 29 days
      '2027-02-06 春节',
      '2027-02-07 春节',
      '2027-02-08 春节',
      '2027-04-05 清明节',
      '2027-05-01 劳动节',
      '2027-05-02 劳动节',
      '2027-06-09 端午节',
      '2027-09-15 中秋节',
      '2027-10-01 国庆节',
      '2027-10-02 国庆节',
      '2027-10-03 国庆节',
    ]);
  });

  it('agrees with the official arrangements the preset has: every computed day of 2025 and 2026 is a day off there', () => {
    const official = buildCalendar({ preset: 'cn-mainland' });
    expect(presetLastYear('cn-mainland')).toBeGreaterThanOrEqual(2026);
    for (const year of [2025, 2026]) {
      const computed = [...statutoryHolidays(year).keys()];
      expect(computed).toHaveLength(13);
      for (const d of computed) expect(official.isHoliday(d), formatIsoDate(d)).toBe(true);
      for (const d of computed) expect(official.isProvisional(d), formatIsoDate(d)).toBe(false);
    }
  });

  it('treats a year the preset lacks as provisional holidays, with no 调休', () => {
    const cn = buildCalendar({ preset: 'cn-mainland' });
    expect(cn.isHoliday(day('2027-01-01'))).toBe(true);
    expect(cn.isProvisional(day('2027-01-01'))).toBe(true);
    expect(cn.holidayName(day('2027-02-06'))).toBe('春节');
    expect(cn.isWorkday(day('2027-02-08'))).toBe(false);
    // An ordinary Monday, and a Saturday that the notice may or may not make a working day: unknown, so a weekend.
    expect(cn.isWorkday(day('2027-03-01'))).toBe(true);
    expect(cn.isWorkday(day('2027-02-20'))).toBe(false);
    // Official data is never second-guessed.
    expect(cn.isProvisional(day('2026-10-01'))).toBe(false);
  });

  it('lets the official notice, once entered, win over the computed days', () => {
    // The hall enters 2027's notice (say 元旦 1–3 January, a make-up Sunday): only those days count for 2027.
    const cn = buildCalendar({ preset: 'cn-mainland', holidays: ['2027-01-01', '2027-01-02', '2027-01-03'], workdays: ['2027-01-10'] });
    expect(cn.isHoliday(day('2027-01-02'))).toBe(true);
    expect(cn.isProvisional(day('2027-01-01'))).toBe(false);
    expect(cn.isHoliday(day('2027-10-01'))).toBe(false); // not in what was entered
    expect(cn.isWorkday(day('2027-01-10'))).toBe(true);
    // A single computed day can be worked without entering a year.
    expect(buildCalendar({ preset: 'cn-mainland', notHolidays: ['2027-01-01'] }).isHoliday(day('2027-01-01'))).toBe(false);
    // No preset: nothing is computed.
    expect(buildCalendar({}).isHoliday(day('2027-01-01'))).toBe(false);
  });

  it('alerts the floor staff once such a year comes within 60 days, until the notice is entered', () => {
    const calendars = { calendars: { cn: { preset: 'cn-mainland' as const }, plain: {} } };
    expect(provisionalHolidayAlerts(calendars, day('2026-12-07'))).toEqual([
      {
        kind: 'provisional-holidays',
        calendar: 'cn',
        year: 2027,
        message: expect.stringMatching(/^2027 holidays are provisional: enter the State Council's notice/),
      },
    ]);
    expect(provisionalHolidayAlerts(calendars, day('2026-06-01'))).toEqual([]);
    expect(provisionalHolidayAlerts({ calendars: { cn: { preset: 'cn-mainland', holidays: ['2027-01-01'] } } }, day('2026-12-07'))).toEqual([]);
  });
});
