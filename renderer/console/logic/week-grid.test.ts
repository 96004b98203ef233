import { describe, expect, it } from 'vitest';
import type { TimelineRow } from '../api/types.js';
import { addDays, mondayOf, weekdayIndex } from './civil-date.js';
import { clockMinutes, colourSlot, minutesClock, weekGrid } from './week-grid.js';

const row = (date: string, time: string, programme: string | null, entry: string | null = null): TimelineRow => ({
  at: 0,
  date,
  time,
  offset: '+08:00',
  programme,
  title: programme ?? 'idle slide',
  entry,
  why: entry ? `entry "${entry}"` : 'default (no entry active)',
});

describe('weekGrid', () => {
  it('lays a switch until the next one, one block per day', () => {
    const rows = [row('2026-11-30', '00:00', 'closed', 'after-hours'), row('2026-11-30', '08:30', 'morning', 'workday-morning'), row('2026-11-30', '11:30', 'welcome')];
    const grid = weekGrid(rows, '2026-11-30', 2);
    expect(grid.map((c) => c.date)).toEqual(['2026-11-30', '2026-12-01']);
    expect(grid[0]!.blocks.map((b) => [b.programme, b.start, b.end])).toEqual([
      ['closed', 0, 510],
      ['morning', 510, 690],
      ['welcome', 690, 1440],
    ]);
    // The last switch runs to the end of the shown range.
    expect(grid[1]!.blocks).toHaveLength(1);
    expect(grid[1]!.blocks[0]).toMatchObject({ programme: 'welcome', start: 0, end: 1440, fromBefore: true, intoNext: false });
    expect(grid[0]!.blocks[2]!.intoNext).toBe(true);
  });

  it('splits a block crossing midnight', () => {
    const rows = [row('2026-11-30', '00:00', 'welcome'), row('2026-11-30', '20:00', 'closed', 'after-hours'), row('2026-12-01', '08:30', 'morning', 'workday-morning')];
    const grid = weekGrid(rows, '2026-11-30', 2);
    expect(grid[0]!.blocks.at(-1)).toMatchObject({ programme: 'closed', start: 1200, end: 1440, intoNext: true });
    expect(grid[1]!.blocks[0]).toMatchObject({ programme: 'closed', start: 0, end: 510, fromBefore: true, since: '20:00' });
  });

  it('leaves the time before the first switch empty, and clips switches outside the range', () => {
    const rows = [row('2026-11-29', '20:00', 'closed'), row('2026-11-30', '09:00:30', 'morning'), row('2026-12-05', '00:00', 'late')];
    const grid = weekGrid(rows, '2026-11-30', 1);
    expect(grid[0]!.blocks.map((b) => b.programme)).toEqual(['closed', 'morning']);
    expect(grid[0]!.blocks[1]!.start).toBeCloseTo(540.5);
    expect(weekGrid([row('2026-11-30', '09:00', 'x')], '2026-11-30', 1)[0]!.blocks[0]!.start).toBe(540);
  });

  it('skips a switch that reads earlier than the one before (repeated DST hour)', () => {
    const rows = [row('2026-11-01', '01:30', 'a'), row('2026-11-01', '01:10', 'b'), row('2026-11-01', '02:00', 'c')];
    const blocks = weekGrid(rows, '2026-11-01', 1)[0]!.blocks;
    expect(blocks.map((b) => b.programme)).toEqual(['b', 'c']);
  });

  it('gives every day of a 7-day week its column', () => {
    expect(weekGrid([], '2026-11-30')).toHaveLength(7);
  });
});

describe('dates and clocks', () => {
  it('finds the Monday of a week', () => {
    expect(weekdayIndex('2026-11-30')).toBe(0);
    expect(weekdayIndex('2026-12-06')).toBe(6);
    expect(mondayOf('2026-12-06')).toBe('2026-11-30');
    expect(mondayOf('2027-01-01')).toBe('2026-12-28');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
  });
  it('reads and writes clock times', () => {
    expect(clockMinutes('24:00')).toBe(1440);
    expect(clockMinutes('8:30')).toBeNaN();
    expect(minutesClock(510)).toBe('08:30');
    expect(minutesClock(1440)).toBe('24:00');
  });
  it('colours one programme the same every time', () => {
    expect(colourSlot('morning')).toBe(colourSlot('morning'));
    expect(colourSlot(null)).toBe(8);
    const hall = ['closed', 'evening', 'holiday', 'midday-peak', 'morning', 'weekend', 'welcome'];
    expect(new Set(hall.map((p) => colourSlot(p, hall))).size).toBe(hall.length);
  });
});
