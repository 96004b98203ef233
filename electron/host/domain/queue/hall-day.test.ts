import { describe, expect, it } from 'vitest';
import { DEFAULT_QUEUE_CONFIG } from './config.js';
import { arrivalLevel, clockMinutes, DEFAULT_OPENING_HOURS, DEFAULT_STAFFING, staffedCounters } from './hall-day.js';

const hours = DEFAULT_OPENING_HOURS;
const at = clockMinutes;

describe('the hall’s day', () => {
  it('reads local times strictly', () => {
    expect(at('08:30')).toBe(510);
    expect(() => at('8:30')).toThrow('expected a local time "HH:MM", got "8:30"');
    expect(() => at('24:00')).toThrow();
  });

  it('has no arrivals while closed or after the ticket machine stops', () => {
    expect(arrivalLevel(hours, at('08:29'))).toBe(0);
    expect(arrivalLevel(hours, at('08:30'))).toBe(0.35);
    expect(arrivalLevel(hours, at('19:29'))).toBeGreaterThan(0);
    expect(arrivalLevel(hours, at('19:30'))).toBe(0);
  });

  it('ramps up through the morning to a lunchtime peak, then eases with an after-work bump', () => {
    expect(arrivalLevel(hours, at('09:00'))).toBeCloseTo(0.525);
    expect(arrivalLevel(hours, at('12:30'))).toBe(1.6);
    expect(arrivalLevel(hours, at('15:30'))).toBeLessThan(arrivalLevel(hours, at('10:30')));
    expect(arrivalLevel(hours, at('17:30'))).toBeGreaterThan(arrivalLevel(hours, at('16:00')));
    expect(arrivalLevel(hours, at('17:30'))).toBeLessThan(arrivalLevel(hours, at('12:30')));
  });

  it('staffs counters in turns for lunch and adds one for the peak', () => {
    const staffed = (time: string) => [...staffedCounters(DEFAULT_QUEUE_CONFIG, hours, DEFAULT_STAFFING, at(time))];
    expect(staffed('08:00')).toEqual([]);
    expect(staffed('08:30')).toEqual([1, 2, 3, 4, 6]);
    expect(staffed('11:00')).toEqual([1, 2, 3, 4, 5, 6]);
    expect(staffed('11:30')).toEqual([1, 3, 4, 5, 6]);
    expect(staffed('12:30')).toEqual([1, 2, 4, 5, 6]);
    expect(staffed('14:00')).toEqual([1, 2, 3, 4, 6]);
    expect(staffed('20:00')).toEqual([]);
  });
});
