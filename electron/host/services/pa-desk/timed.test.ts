import { describe, expect, it } from 'vitest';
import { FakeTime } from '../../fake-time.test-support.js';
import type { TimedAnnouncement } from '../../../contract/hall-config.js';
import { compileTimed, nextOccurrence, timedOccurrences } from './timed-occurrences.js';
import { createTimedTrigger } from './timed-trigger.js';

const text = { 'zh-CN': '请保管好您的随身物品' };
const belongings: TimedAnnouncement = { id: 'belongings', cron: '*/30 9-19 * * *', text };
const closing: TimedAnnouncement = { id: 'closing', cron: '45 19 * * *', days: ['workday'], text };
const iso = (ms: number) => new Date(ms).toISOString();

describe('timedOccurrences', () => {
  const schedule = compileTimed([belongings, closing], 'Asia/Shanghai', 'cn', { calendars: { cn: { preset: 'cn-mainland' } } });

  it('lists the day\'s instants in the hall\'s zone, in order, ties in file order', () => {
    const from = Date.parse('2026-12-01T19:00:00+08:00');
    const got = timedOccurrences(schedule, from - 1, Date.parse('2026-12-01T20:00:00+08:00'));
    expect(got.map((o) => [o.id, iso(o.at)])).toStrictEqual([
      ['belongings', '2026-12-01T11:00:00.000Z'],
      ['belongings', '2026-12-01T11:30:00.000Z'],
      ['closing', '2026-12-01T11:45:00.000Z'],
    ]);
  });

  it('keeps the calendar: no closing notice on a public holiday (National Day), belongings still', () => {
    const got = timedOccurrences(schedule, Date.parse('2026-10-01T19:00:00+08:00'), Date.parse('2026-10-01T20:00:00+08:00'));
    expect(got.map((o) => o.id)).toStrictEqual(['belongings']);
  });

  it('is (from, to]: an occurrence at `from` belongs to the previous window', () => {
    const at = Date.parse('2026-12-01T09:30:00+08:00');
    expect(timedOccurrences(schedule, at, at + 1000)).toStrictEqual([]);
    expect(timedOccurrences(schedule, at - 1, at)).toStrictEqual([{ id: 'belongings', at }]);
  });

  it('finds the next one across nights and days', () => {
    expect(iso(nextOccurrence(schedule, Date.parse('2026-12-01T19:50:00+08:00'))!.at)).toBe('2026-12-02T01:00:00.000Z');
  });

  it('follows the schedule\'s DST rule: a 02:30 notice in New York on spring-forward day runs at 03:00 EDT', () => {
    const ny = compileTimed([{ id: 'night', cron: '30 2 * * *', text }], 'America/New_York', undefined, { calendars: {} });
    const got = timedOccurrences(ny, Date.parse('2026-03-08T00:00:00-05:00'), Date.parse('2026-03-08T12:00:00-04:00'));
    expect(got.map((o) => iso(o.at))).toStrictEqual(['2026-03-08T07:00:00.000Z']);
  });
});

describe('the timed trigger', () => {
  const schedule = compileTimed([belongings], 'Asia/Shanghai', undefined, { calendars: {} });

  it('fires each occurrence once, on time, from its own timer', () => {
    const time = new FakeTime('2026-12-01T09:29:00+08:00');
    const fired: string[] = [];
    const trigger = createTimedTrigger({ clock: time, timers: time.timers, log: { info: () => undefined, warn: () => undefined }, graceMs: () => 600_000, fire: (o) => fired.push(`${o.id}@${iso(o.at)}@${iso(time.now())}`) });
    trigger.load(schedule);
    time.advance(65 * 60_000);
    expect(fired).toStrictEqual([
      'belongings@2026-12-01T01:30:00.000Z@2026-12-01T01:30:00.000Z',
      'belongings@2026-12-01T02:00:00.000Z@2026-12-01T02:00:00.000Z',
      'belongings@2026-12-01T02:30:00.000Z@2026-12-01T02:30:00.000Z',
    ]);
    trigger.stop();
  });

  it('after a clock jump forward, reads out a recent occurrence late but logs an old one as missed', () => {
    const time = new FakeTime('2026-12-01T09:20:00+08:00');
    const fired: number[] = [];
    const warnings: unknown[] = [];
    const trigger = createTimedTrigger({ clock: time, timers: time.timers, log: { info: () => undefined, warn: (m, f) => warnings.push([m, f]) }, graceMs: () => 10 * 60_000, fire: (o) => fired.push(o.at) });
    trigger.load(schedule);
    time.jumpWall(75 * 60_000); // 10:35: 09:30 and 10:00 are old, 10:30 is 5 min late
    time.advance(30_000);
    expect(fired.map(iso)).toStrictEqual(['2026-12-01T02:30:00.000Z']);
    // One line for both.
    expect(warnings).toStrictEqual([
      ['2 timed announcements missed (the player was not running, asleep, or its clock stepped)', { ids: ['belongings'], from: '2026-12-01T01:30:00.000Z', to: '2026-12-01T02:00:00.000Z' }],
    ]);
    trigger.stop();
  });

  it('acts on a clock step at once when told (recheck): a forward step reads what fell due once, and one line for a day of misses', () => {
    const everyMinute = compileTimed([{ id: 'minute', cron: '* * * * *', text }], 'Asia/Shanghai', undefined, { calendars: {} });
    const time = new FakeTime('2026-12-01T09:20:30+08:00');
    const fired: number[] = [];
    const warnings: string[] = [];
    const trigger = createTimedTrigger({ clock: time, timers: time.timers, log: { info: () => undefined, warn: (m) => warnings.push(m) }, graceMs: () => 60_000, fire: (o) => fired.push(o.at) });
    trigger.load(everyMinute);
    time.jumpWall(24 * 3600_000); // a day asleep
    trigger.recheck();
    expect(fired.map(iso)).toStrictEqual(['2026-12-02T01:20:00.000Z']);
    expect(warnings).toStrictEqual(['1439 timed announcements missed (the player was not running, asleep, or its clock stepped)']);
    time.advance(30_000); // 09:21 the next day, on time
    expect(fired.map(iso)).toStrictEqual(['2026-12-02T01:20:00.000Z', '2026-12-02T01:21:00.000Z']);
    trigger.stop();
  });

  it('after a step back and a recheck, re-arms on the cursor: the replayed hour is not read again, the next new one is on time', () => {
    const time = new FakeTime('2026-12-01T10:05:00+08:00');
    const fired: number[] = [];
    const trigger = createTimedTrigger({ clock: time, timers: time.timers, log: { info: () => undefined, warn: () => undefined }, graceMs: () => 600_000, fire: (o) => fired.push(o.at) });
    trigger.load(schedule);
    time.jumpWall(-3600_000); // 09:05: 09:30 and 10:00 were read already
    trigger.recheck();
    time.advance(60 * 60_000); // 10:05
    expect(fired).toStrictEqual([]);
    time.advance(25 * 60_000 + 1000); // 10:30
    expect(fired.map(iso)).toStrictEqual(['2026-12-01T02:30:00.000Z']);
    trigger.stop();
  });

  it('never repeats the past after the clock goes back', () => {
    const time = new FakeTime('2026-12-01T09:31:00+08:00');
    const fired: number[] = [];
    const trigger = createTimedTrigger({ clock: time, timers: time.timers, log: { info: () => undefined, warn: () => undefined }, graceMs: () => 600_000, fire: (o) => fired.push(o.at) });
    trigger.load(schedule);
    time.jumpWall(-10 * 60_000); // 09:21
    time.advance(15 * 60_000); // to 09:36: 09:30 passes again
    expect(fired).toStrictEqual([]);
    trigger.stop();
  });
});
