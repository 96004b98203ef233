import { describe, expect, it } from 'vitest';
import type { ScheduleEntry } from '../api/playlist-types.js';
import { placeDiagnostics } from './diagnostic-places.js';
import { durationParts, entryMode, entryOfPointer, freshEntryId, isoDuration, scheduleFields, switchEnd, switchMode, timeOfDailyCron } from './schedule-entry.js';

const daypart: ScheduleEntry = { id: 'morning', programme: 'morning', days: ['workday'], daypart: { from: '08:30', to: '11:30' } };

describe('entry modes', () => {
  it('switches a daypart to cron and back without losing the times or filters', () => {
    const cron = switchMode(daypart, 'cron');
    expect(cron).toEqual({ id: 'morning', programme: 'morning', days: ['workday'], cron: '30 8 * * *', until: '11:30' });
    expect(entryMode(cron)).toBe('cron');
    expect(switchMode(cron, 'daypart')).toEqual(daypart);
  });
  it('falls back to defaults for a cron that is not a daily time', () => {
    const back = switchMode({ id: 'p', programme: 'x', cron: '0 0 */2 * * *', duration: 'PT15M' }, 'daypart');
    expect(back).toEqual({ id: 'p', programme: 'x', daypart: { from: '08:30', to: '20:00' } });
    expect(timeOfDailyCron('5 9 * * *')).toBe('09:05');
    expect(timeOfDailyCron('5 9 * * 1')).toBeNull();
  });
  it('switches the end between until and duration', () => {
    const cron: ScheduleEntry = { id: 'p', programme: 'x', cron: '0 12 * * *', until: '14:00' };
    expect(switchEnd(cron, 'duration')).toEqual({ id: 'p', programme: 'x', cron: '0 12 * * *', duration: 'PT1H' });
    expect(switchEnd(switchEnd(cron, 'duration'), 'until')).toEqual({ id: 'p', programme: 'x', cron: '0 12 * * *', until: '20:00' });
  });
});

describe('durations', () => {
  it('reads and writes ISO 8601', () => {
    expect(durationParts('PT2H30M')).toEqual({ hours: 2, minutes: 30, seconds: 0 });
    expect(durationParts('P1D')).toEqual({ hours: 24, minutes: 0, seconds: 0 });
    expect(durationParts('P1DT1S')).toEqual({ hours: 24, minutes: 0, seconds: 1 });
    expect(durationParts('2h')).toBeNull();
    expect(durationParts('PT')).toBeNull();
    expect(isoDuration({ hours: 2, minutes: 30, seconds: 0 })).toBe('PT2H30M');
    expect(isoDuration({ hours: 0, minutes: 15, seconds: 0 })).toBe('PT15M');
    expect(isoDuration({ hours: 0, minutes: 0, seconds: 0 })).toBe('PT0M');
  });
});

describe('schedule fields', () => {
  const schedule = { timezone: 'Asia/Shanghai', entries: [daypart, { id: 'entry-3', programme: 'x', cron: '0 9 * * *', until: '10:00', except: ['2026-12-25'] }] };
  it('gives an open entry its fields and a closed one its card', () => {
    const placed = placeDiagnostics(
      [
        { file: 'schedule.json', line: 1, col: 1, severity: 'error', message: 'bad time', pointer: '/entries/0/daypart/from' },
        { file: 'schedule.json', line: 1, col: 1, severity: 'error', message: 'bad date', pointer: '/entries/1/except/0' },
      ],
      'schedule.json',
      scheduleFields(schedule, 1),
    );
    expect(placed.at.get('/entries/0')).toHaveLength(1);
    expect(placed.at.get('/entries/1/except/0')).toHaveLength(1);
  });
  it('finds the entry of a finding and a free id', () => {
    expect(entryOfPointer('/entries/12/cron')).toBe(12);
    expect(entryOfPointer('/entries/3')).toBe(3);
    expect(entryOfPointer('/default')).toBeNull();
    expect(freshEntryId(schedule)).toBe('entry-4');
  });
});
