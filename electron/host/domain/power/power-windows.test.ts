import { describe, expect, it } from 'vitest';
import type { PowerWindow } from '../../../contract/hall-config.js';
import { buildCalendar, PLAIN_WEEK } from '../schedule/calendar.js';
import { TimeZone } from '../time/time-zone.js';
import { powerAt } from './power-windows.js';

const shanghai = TimeZone.of('Asia/Shanghai');
const cn = buildCalendar({ preset: 'cn-mainland' });
/** A Beijing wall time as an instant (UTC+8, no DST). */
const bj = (date: string, time: string): number => Date.parse(`${date}T${time}+08:00`);

const hall: PowerWindow[] = [
  { days: ['workday'], from: '08:00', to: '20:30' },
  { days: ['restday'], from: '09:00', to: '18:00' },
];

describe('powerAt: the hall\'s windows on its calendar', () => {
  it('is on until the workday window\'s end, then off until the next window', () => {
    // Friday 2026-10-09; Saturday 2026-10-10 is a 调休 make-up workday, so it opens at 08:00, not 09:00.
    expect(powerAt(hall, cn, shanghai, bj('2026-10-09', '20:29:59'))).toEqual({ on: true, next: bj('2026-10-09', '20:30:00') });
    expect(powerAt(hall, cn, shanghai, bj('2026-10-09', '20:30:00'))).toEqual({ on: false, next: bj('2026-10-10', '08:00:00') });
    expect(powerAt(hall, cn, shanghai, bj('2026-10-10', '07:59:59.999'))).toEqual({ on: false, next: bj('2026-10-10', '08:00:00') });
    expect(powerAt(hall, cn, shanghai, bj('2026-10-10', '08:00:00'))).toEqual({ on: true, next: bj('2026-10-10', '20:30:00') });
  });

  it('the same Saturday without a calendar is a rest day: 09:00–18:00', () => {
    expect(powerAt(hall, PLAIN_WEEK, shanghai, bj('2026-10-09', '20:30:00'))).toEqual({ on: false, next: bj('2026-10-10', '09:00:00') });
  });

  it('a holiday on a Thursday follows the rest-day window, and a holiday window adds to it', () => {
    // 2026-10-01, National Day.
    expect(powerAt(hall, cn, shanghai, bj('2026-10-01', '08:30:00'))).toEqual({ on: false, next: bj('2026-10-01', '09:00:00') });
    const withHoliday = [...hall, { days: ['holiday'] as PowerWindow['days'], from: '17:00', to: '21:00' }];
    expect(powerAt(withHoliday, cn, shanghai, bj('2026-10-01', '12:00:00'))).toEqual({ on: true, next: bj('2026-10-01', '21:00:00') });
  });

  it('a workday-only hall sleeps through the whole National Day week', () => {
    const workdays: PowerWindow[] = [{ days: ['workday'], from: '08:00', to: '20:30' }];
    // Wednesday 2026-09-30 closes; 10-01…10-07 are holidays; Thursday 10-08 opens.
    expect(powerAt(workdays, cn, shanghai, bj('2026-09-30', '21:00:00'))).toEqual({ on: false, next: bj('2026-10-08', '08:00:00') });
  });

  it('a window crossing midnight holds yesterday\'s evening into today', () => {
    const night: PowerWindow[] = [{ from: '22:00', to: '02:00' }];
    expect(powerAt(night, cn, shanghai, bj('2026-10-09', '23:00:00'))).toEqual({ on: true, next: bj('2026-10-10', '02:00:00') });
    expect(powerAt(night, cn, shanghai, bj('2026-10-10', '01:00:00'))).toEqual({ on: true, next: bj('2026-10-10', '02:00:00') });
    expect(powerAt(night, cn, shanghai, bj('2026-10-10', '02:00:00'))).toEqual({ on: false, next: bj('2026-10-10', '22:00:00') });
  });

  it('windows that touch or overlap are one stretch of "on", in any order', () => {
    const split: PowerWindow[] = [
      { from: '11:00', to: '20:00' },
      { from: '08:00', to: '12:00' },
      { from: '20:00', to: '21:00' },
    ];
    expect(powerAt(split, cn, shanghai, bj('2026-10-09', '09:00:00'))).toEqual({ on: true, next: bj('2026-10-09', '21:00:00') });
  });

  it('a window of every whole day is always on: no change ahead', () => {
    expect(powerAt([{ from: '00:00', to: '24:00' }], cn, shanghai, bj('2026-10-09', '09:00:00'))).toEqual({ on: true, next: null });
  });

  it('no day matches: off with nothing ahead', () => {
    expect(powerAt([{ days: ['holiday'], from: '08:00', to: '20:00' }], PLAIN_WEEK, shanghai, bj('2026-10-09', '09:00:00'))).toEqual({ on: false, next: null });
  });

  it('follows the zone\'s DST policy: an end in the spring-forward gap is when the gap ends', () => {
    const ny = TimeZone.of('America/New_York');
    // 2026-03-08: 02:00 EST jumps to 03:00 EDT; 02:30 happens at 03:00 EDT = 07:00 UTC.
    const early: PowerWindow[] = [{ from: '00:00', to: '02:30' }];
    expect(powerAt(early, PLAIN_WEEK, ny, Date.parse('2026-03-08T06:30:00Z'))).toEqual({ on: true, next: Date.parse('2026-03-08T07:00:00Z') });
    // The next day's 00:00 EDT is 04:00 UTC.
    expect(powerAt(early, PLAIN_WEEK, ny, Date.parse('2026-03-08T07:00:00Z'))).toEqual({ on: false, next: Date.parse('2026-03-09T04:00:00Z') });
  });
});
