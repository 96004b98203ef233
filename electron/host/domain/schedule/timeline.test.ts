import { describe, expect, it } from 'vitest';
import type { CalendarsFile, ScheduleEntry, ScheduleFile } from '../../../contract/hall-config.js';
import { compileSchedule } from './compile.js';
import { resolve, timeline } from './timeline.js';

const ms = (iso: string): number => Date.parse(iso);
const iso = (at: number): string => new Date(at).toISOString().replace('.000Z', 'Z');

function schedule(timezone: string, entries: Partial<ScheduleEntry>[], extra: Partial<ScheduleFile> = {}, calendars?: CalendarsFile) {
  const file: ScheduleFile = {
    timezone,
    default: 'default',
    entries: entries.map((e, i) => ({ id: e.id ?? `e${i}`, programme: e.programme ?? e.id ?? `p${i}`, priority: 0, ...e })),
    ...extra,
  };
  return compileSchedule(file, calendars);
}

/** [utc instant, entry id or 'default'] per switch. */
function switches(s: ReturnType<typeof schedule>, from: string, to: string): [string, string][] {
  return timeline(s, ms(from), ms(to)).map((x) => [iso(x.at), x.entry ?? 'default']);
}

describe('dayparts', () => {
  const s = schedule('Asia/Shanghai', [{ id: 'morning', daypart: { from: '08:30', to: '11:30' } }]);

  it('switches at local from/to times', () => {
    expect(switches(s, '2026-12-01T00:00:00+08:00', '2026-12-02T00:00:00+08:00')).toEqual([
      ['2026-11-30T16:00:00Z', 'default'],
      ['2026-12-01T00:30:00Z', 'morning'],
      ['2026-12-01T03:30:00Z', 'default'],
    ]);
  });

  it('crosses midnight when to ≤ from, and 24:00 ends the day', () => {
    const night = schedule('Asia/Shanghai', [
      { id: 'night', daypart: { from: '22:00', to: '06:00' }, days: ['fri'] },
      { id: 'late', daypart: { from: '20:00', to: '24:00' }, days: ['sat'] },
    ]);
    // Friday 2026-11-27 22:00 → Saturday 06:00, then Saturday 20:00 → Sunday 00:00.
    expect(switches(night, '2026-11-27T12:00:00+08:00', '2026-11-29T12:00:00+08:00')).toEqual([
      ['2026-11-27T04:00:00Z', 'default'],
      ['2026-11-27T14:00:00Z', 'night'],
      ['2026-11-27T22:00:00Z', 'default'],
      ['2026-11-28T12:00:00Z', 'late'],
      ['2026-11-28T16:00:00Z', 'default'],
    ]);
  });

  it('a daypart that started yesterday is still in force after midnight', () => {
    const night = schedule('Asia/Shanghai', [{ id: 'night', daypart: { from: '22:00', to: '06:00' } }]);
    const now = resolve(night, ms('2026-12-02T03:00:00+08:00'));
    expect(now.entry).toBe('night');
    expect(iso(now.since!)).toBe('2026-12-01T14:00:00Z');
    expect(iso(now.next!.at)).toBe('2026-12-01T22:00:00Z');
  });
});

describe('cron entries', () => {
  it('run for a duration or until a local time', () => {
    const s = schedule('Asia/Shanghai', [
      { id: 'peak', cron: '30 11 * * *', until: '14:00' },
      { id: 'promo', cron: '0 16 * * *', duration: 'PT45M' },
    ]);
    expect(switches(s, '2026-12-01T00:00:00+08:00', '2026-12-02T00:00:00+08:00').slice(1)).toEqual([
      ['2026-12-01T03:30:00Z', 'peak'],
      ['2026-12-01T06:00:00Z', 'default'],
      ['2026-12-01T08:00:00Z', 'promo'],
      ['2026-12-01T08:45:00Z', 'default'],
    ]);
  });

  it('until before the start time ends the next day', () => {
    const s = schedule('Asia/Shanghai', [{ id: 'overnight', cron: '0 21 * * *', until: '07:00' }]);
    const r = resolve(s, ms('2026-12-02T05:00:00+08:00'));
    expect(r.entry).toBe('overnight');
    expect(iso(r.next!.at)).toBe('2026-12-01T23:00:00Z');
  });

  it('merges overlapping runs of one entry into one stretch', () => {
    const s = schedule('UTC', [{ id: 'loop', cron: '*/10 9 * * *', duration: 'PT15M' }]);
    expect(switches(s, '2026-12-01T00:00:00Z', '2026-12-02T00:00:00Z')).toEqual([
      ['2026-12-01T00:00:00Z', 'default'],
      ['2026-12-01T09:00:00Z', 'loop'],
      ['2026-12-01T10:05:00Z', 'default'],
    ]);
  });
});

describe('priorities', () => {
  it('the higher priority wins; equal priorities go to the entry listed first', () => {
    const s = schedule('UTC', [
      { id: 'base', daypart: { from: '08:00', to: '18:00' }, priority: 1 },
      { id: 'first-tie', daypart: { from: '10:00', to: '12:00' }, priority: 5 },
      { id: 'second-tie', daypart: { from: '11:00', to: '13:00' }, priority: 5 },
      { id: 'urgent', cron: '30 11 * * *', duration: 'PT10M', priority: 9 },
    ]);
    expect(switches(s, '2026-12-01T00:00:00Z', '2026-12-02T00:00:00Z')).toEqual([
      ['2026-12-01T00:00:00Z', 'default'],
      ['2026-12-01T08:00:00Z', 'base'],
      ['2026-12-01T10:00:00Z', 'first-tie'],
      ['2026-12-01T11:30:00Z', 'urgent'],
      ['2026-12-01T11:40:00Z', 'first-tie'],
      ['2026-12-01T12:00:00Z', 'second-tie'],
      ['2026-12-01T13:00:00Z', 'base'],
      ['2026-12-01T18:00:00Z', 'default'],
    ]);
    const r = resolve(s, ms('2026-12-01T11:35:00Z'));
    expect(r.entry).toBe('urgent');
    expect(r.overridden.sort()).toEqual(['base', 'first-tie', 'second-tie']);
  });
});

describe('day filters', () => {
  it('validFrom/validTo bound the start day, except skips dates', () => {
    const s = schedule('Asia/Shanghai', [
      { id: 'campaign', daypart: { from: '09:00', to: '10:00' }, validFrom: '2026-12-02', validTo: '2026-12-04', except: ['2026-12-03'] },
    ]);
    const starts = timeline(s, ms('2026-12-01T00:00:00+08:00'), ms('2026-12-06T00:00:00+08:00'))
      .filter((x) => x.entry === 'campaign')
      .map((x) => iso(x.at));
    expect(starts).toEqual(['2026-12-02T01:00:00Z', '2026-12-04T01:00:00Z']);
  });

  it('follows China’s holidays and make-up working days (调休)', () => {
    const cn: CalendarsFile = { calendars: { cn: { preset: 'cn-mainland', holidays: ['2026-12-24'] } } };
    const s = schedule(
      'Asia/Shanghai',
      [
        { id: 'holiday', daypart: { from: '09:00', to: '17:00' }, days: ['holiday'], priority: 2 },
        { id: 'workday', daypart: { from: '09:00', to: '17:00' }, days: ['workday'], priority: 1 },
        { id: 'restday', daypart: { from: '09:00', to: '17:00' }, days: ['restday'], priority: 1 },
      ],
      { calendar: 'cn' },
      cn,
    );
    const at = (date: string): string | null => resolve(s, ms(`${date}T12:00:00+08:00`)).entry;
    expect(at('2026-10-01')).toBe('holiday'); // National Day, a Thursday
    expect(at('2026-10-08')).toBe('workday'); // back to work on Thursday
    expect(at('2026-10-10')).toBe('workday'); // a make-up working Saturday (调休)
    expect(at('2026-10-11')).toBe('restday'); // an ordinary Sunday
    expect(at('2026-09-20')).toBe('workday'); // a make-up working Sunday
    expect(at('2026-12-24')).toBe('holiday'); // the hall's own closure day, a Thursday
    expect(at('2026-12-25')).toBe('workday');
  });

  it('weekday tokens match the local day, not the UTC one', () => {
    const s = schedule('Asia/Shanghai', [{ id: 'monday', daypart: { from: '00:30', to: '01:30' }, days: ['mon'] }]);
    // Monday 00:30 in Shanghai is Sunday 16:30 UTC.
    expect(resolve(s, ms('2026-11-29T17:00:00Z')).entry).toBe('monday');
  });
});

describe('daylight-saving days (policy: first instant the clock reads that time or later)', () => {
  it('New York spring forward: a 02:30 start happens at 03:00 EDT; crons in the gap run once', () => {
    const s = schedule('America/New_York', [
      { id: 'dawn', daypart: { from: '02:30', to: '04:00' } },
      { id: 'quarterly', cron: '*/15 2 * * *', duration: 'PT5M', priority: 1 },
    ]);
    expect(switches(s, '2026-03-08T00:00:00-05:00', '2026-03-08T12:00:00-04:00')).toEqual([
      ['2026-03-08T05:00:00Z', 'default'],
      ['2026-03-08T07:00:00Z', 'quarterly'], // 03:00 EDT
      ['2026-03-08T07:05:00Z', 'dawn'],
      ['2026-03-08T08:00:00Z', 'default'], // 04:00 EDT
    ]);
  });

  it('New York fall back: the repeated hour happens once, the first time', () => {
    const s = schedule('America/New_York', [
      { id: 'early', daypart: { from: '01:00', to: '01:30' } },
      { id: 'tick', cron: '45 1 * * *', duration: 'PT5M' },
      { id: 'span', daypart: { from: '00:00', to: '03:00' }, priority: -1 },
    ]);
    expect(switches(s, '2026-11-01T00:00:00-04:00', '2026-11-01T12:00:00-05:00')).toEqual([
      ['2026-11-01T04:00:00Z', 'span'],
      ['2026-11-01T05:00:00Z', 'early'], // 01:00 EDT
      ['2026-11-01T05:30:00Z', 'span'],
      ['2026-11-01T05:45:00Z', 'tick'], // 01:45 EDT, not again at 01:45 EST
      ['2026-11-01T05:50:00Z', 'span'],
      ['2026-11-01T08:00:00Z', 'default'], // 03:00 EST: the span lasted 4 real hours
    ]);
  });

  it('Berlin spring forward and fall back', () => {
    const s = schedule('Europe/Berlin', [{ id: 'night', daypart: { from: '02:30', to: '06:00' } }]);
    expect(switches(s, '2026-03-29T00:00:00+01:00', '2026-03-29T12:00:00+02:00').slice(1)).toEqual([
      ['2026-03-29T01:00:00Z', 'night'], // 03:00 CEST
      ['2026-03-29T04:00:00Z', 'default'],
    ]);
    expect(switches(s, '2026-10-25T00:00:00+02:00', '2026-10-25T12:00:00+01:00').slice(1)).toEqual([
      ['2026-10-25T00:30:00Z', 'night'], // 02:30 CEST, the first reading
      ['2026-10-25T05:00:00Z', 'default'], // 06:00 CET
    ]);
  });

  it('a daypart wholly inside the gap does not happen that day', () => {
    const s = schedule('America/New_York', [{ id: 'ghost', daypart: { from: '02:10', to: '02:40' } }]);
    expect(switches(s, '2026-03-08T00:00:00-05:00', '2026-03-09T00:00:00-04:00')).toEqual([['2026-03-08T05:00:00Z', 'default']]);
    expect(switches(s, '2026-03-09T00:00:00-04:00', '2026-03-10T00:00:00-04:00').length).toBe(3);
  });

  it('durations are real elapsed time across a transition', () => {
    const s = schedule('Europe/Berlin', [{ id: 'three-hours', cron: '0 1 * * *', duration: 'PT3H' }]);
    expect(switches(s, '2026-03-29T00:00:00+01:00', '2026-03-29T12:00:00+02:00').slice(1)).toEqual([
      ['2026-03-29T00:00:00Z', 'three-hours'], // 01:00 CET
      ['2026-03-29T03:00:00Z', 'default'], // 05:00 CEST
    ]);
  });
});

describe('resolve', () => {
  it('gives the next boundary far ahead, and none when nothing changes', () => {
    const yearly = schedule('UTC', [{ id: 'new-year', daypart: { from: '00:00', to: '24:00' }, validFrom: '2027-01-01', validTo: '2027-01-01' }]);
    const r = resolve(yearly, ms('2026-11-25T10:00:00Z'));
    expect(r.entry).toBeNull();
    expect(r.programme).toBe('default');
    expect(iso(r.next!.at)).toBe('2027-01-01T00:00:00Z');
    const empty = schedule('UTC', [], { default: undefined });
    const idle = resolve(empty, ms('2026-11-25T10:00:00Z'));
    expect(idle.programme).toBeNull();
    expect(idle.next).toBeNull();
  });

  it('agrees with timeline at every switch', () => {
    const s = schedule('America/New_York', [
      { id: 'a', cron: '0 */3 * * *', duration: 'PT90M' },
      { id: 'b', daypart: { from: '22:00', to: '02:30' }, priority: 1 },
    ]);
    const all = timeline(s, ms('2026-10-30T00:00:00Z'), ms('2026-11-03T00:00:00Z'));
    for (let i = 1; i < all.length - 1; i++) {
      const r = resolve(s, all[i]!.at);
      expect(r.entry).toBe(all[i]!.entry);
      expect(r.next?.at).toBe(all[i + 1]!.at);
      expect(resolve(s, all[i]!.at - 1000).entry).toBe(all[i - 1]!.entry);
    }
  });
});
