import { describe, expect, it } from 'vitest';
import { compileSchedule } from '../../domain/schedule/compile.js';
import type { ScheduleFile } from '../../../contract/hall-config.js';
import { FakeTime } from '../../fake-time.test-support.js';
import { createScheduleRunner, type ClockJump, type SwitchReason } from './schedule-runner.js';

const hall: ScheduleFile = {
  timezone: 'Asia/Shanghai',
  default: 'welcome',
  entries: [
    { id: 'morning', programme: 'morning', priority: 10, daypart: { from: '08:30', to: '11:30' } },
    { id: 'peak', programme: 'peak', priority: 20, cron: '30 11 * * *', until: '14:00' },
  ],
};

function harness(startIso: string, options: { dropBoundaryTimers?: boolean; heartbeatMs?: number } = {}) {
  const time = new FakeTime(startIso);
  // A timer library that silently loses the one-off timers (node-cron skipping a missed run).
  const timers = options.dropBoundaryTimers ? { ...time.timers, at: () => () => undefined } : time.timers;
  const switches: { at: string; programme: string | null; reason: SwitchReason }[] = [];
  const logs: string[] = [];
  const jumps: ClockJump[] = [];
  const scheduler = createScheduleRunner(compileSchedule(hall, undefined), {
    clock: time,
    timers,
    log: { info: (m) => logs.push(m), warn: (m) => logs.push(m) },
    onSwitch: (r, reason) => switches.push({ at: new Date(time.now()).toISOString(), programme: r.programme, reason }),
    onClockJump: (jump) => {
      jumps.push(jump);
      logs.push(jump.message);
    },
    heartbeatMs: options.heartbeatMs ?? 15_000,
  });
  return { time, switches, logs, jumps, scheduler };
}

describe('scheduler', () => {
  it('plays what the boot time should play', () => {
    const { scheduler, switches } = harness('2026-12-01T10:17:00+08:00');
    scheduler.start();
    expect(switches).toEqual([{ at: '2026-12-01T02:17:00.000Z', programme: 'morning', reason: 'start' }]);
  });

  it('switches exactly at the boundary', () => {
    const { scheduler, switches, time } = harness('2026-12-01T11:29:00+08:00');
    scheduler.start();
    time.advance(59_000);
    expect(switches.length).toBe(1);
    time.advance(1000);
    expect(switches.at(-1)).toEqual({ at: '2026-12-01T03:30:00.000Z', programme: 'peak', reason: 'boundary' });
    time.advance(150 * 60_000);
    expect(switches.map((s) => s.programme)).toEqual(['morning', 'peak', 'welcome']);
    expect(switches.at(-1)!.at).toBe('2026-12-01T06:00:00.000Z');
  });

  it('recovers after the wall clock jumps forward past a boundary', () => {
    const { scheduler, switches, time, logs } = harness('2026-12-01T09:00:00+08:00');
    scheduler.start();
    time.jumpWall(3 * 3600_000); // 12:00: the 11:30 boundary was skipped over
    time.advance(15_000);
    expect(switches.at(-1)).toMatchObject({ programme: 'peak', reason: 'clock-jump' });
    expect(logs).toContain('clock stepped +10800 s (09:00:15 → 12:00:15 UTC+08:00)');
  });

  it('recovers after the wall clock jumps back an hour', () => {
    const { scheduler, switches, time } = harness('2026-12-01T12:10:00+08:00');
    scheduler.start();
    expect(switches.at(-1)!.programme).toBe('peak');
    time.jumpWall(-3600_000); // 11:10: morning again
    time.advance(15_000);
    expect(switches.at(-1)).toMatchObject({ programme: 'morning', reason: 'clock-jump' });
    time.advance(20 * 60_000); // on to 11:30
    expect(switches.at(-1)).toMatchObject({ programme: 'peak', reason: 'boundary', at: '2026-12-01T03:30:00.000Z' });
  });

  it('catches a boundary whose timer never fired, within one heartbeat', () => {
    const { scheduler, switches, time } = harness('2026-12-01T11:29:50+08:00', { dropBoundaryTimers: true });
    scheduler.start();
    time.advance(25_000);
    expect(switches.at(-1)).toMatchObject({ programme: 'peak', reason: 'late-boundary' });
    expect(Date.parse(switches.at(-1)!.at) - Date.parse('2026-12-01T03:30:00Z')).toBeLessThanOrEqual(15_000);
  });

  it('applies a new schedule at once, and stops cleanly', () => {
    const { scheduler, switches, time } = harness('2026-12-01T09:00:00+08:00');
    scheduler.start();
    expect(scheduler.load(compileSchedule({ ...hall, entries: [{ id: 'all-day', programme: 'special', priority: 1, daypart: { from: '00:00', to: '24:00' } }] }, undefined))).toBe(true);
    expect(switches.at(-1)).toMatchObject({ programme: 'special', reason: 'config' });
    scheduler.stop();
    time.advance(24 * 3600_000);
    expect(switches.length).toBe(2);
  });

  it('does not re-announce the same programme when a reload changes nothing', () => {
    const { scheduler, switches } = harness('2026-12-01T09:00:00+08:00');
    scheduler.start();
    expect(scheduler.load(compileSchedule(hall, undefined))).toBe(false);
    expect(switches.length).toBe(1);
  });

  it('says a schedule loaded before start switched nothing (start tells the owner)', () => {
    const { scheduler, switches } = harness('2026-12-01T09:00:00+08:00');
    expect(scheduler.load(compileSchedule(hall, undefined))).toBe(false);
    expect(switches).toStrictEqual([]);
  });

  it('with the default 1 s heartbeat, follows a step of +1 h and of −1 h within a second, one report each', () => {
    const { scheduler, switches, time, jumps, logs } = harness('2026-12-01T11:20:00+08:00', { heartbeatMs: 1000 });
    scheduler.start();
    time.advance(5000);
    time.jumpWall(3600_000); // 12:20:05: peak
    time.advance(1000);
    expect(switches.at(-1)).toMatchObject({ programme: 'peak', reason: 'clock-jump', at: '2026-12-01T04:20:06.000Z' });
    time.advance(5000);
    time.jumpWall(-3600_000); // 11:20:11: morning again
    time.advance(1000);
    expect(switches.at(-1)).toMatchObject({ programme: 'morning', reason: 'clock-jump', at: '2026-12-01T03:20:12.000Z' });
    expect(jumps.map((j) => j.jumpedMs)).toStrictEqual([3600_000, -3600_000]);
    expect(logs.filter((l) => l.startsWith('clock stepped'))).toStrictEqual([
      'clock stepped +3600 s (11:20:06 → 12:20:06 UTC+08:00)',
      'clock stepped -3600 s (12:20:12 → 11:20:12 UTC+08:00)',
    ]);
    // Back to the schedule's own boundary, from the re-armed timer.
    time.advance(10 * 60_000);
    expect(switches.at(-1)).toMatchObject({ programme: 'peak', reason: 'boundary', at: '2026-12-01T03:30:00.000Z' });
    expect(jumps).toHaveLength(2);
  });

  it('tells the owner of a jump that changes nothing, so the displays take the new time', () => {
    const { scheduler, switches, time, jumps } = harness('2026-12-01T09:00:00+08:00', { heartbeatMs: 1000 });
    scheduler.start();
    time.jumpWall(-600_000); // 08:50: still morning
    time.advance(1000);
    expect(jumps).toHaveLength(1);
    expect(switches.map((s) => s.reason)).toStrictEqual(['start', 'clock-jump']);
    expect(switches[0]!.programme).toBe(switches[1]!.programme);
  });

  it('takes a small drift for no jump', () => {
    const { scheduler, time, jumps } = harness('2026-12-01T09:00:00+08:00', { heartbeatMs: 1000 });
    scheduler.start();
    time.jumpWall(1500);
    time.advance(10_000);
    time.jumpWall(-1500);
    time.advance(10_000);
    expect(jumps).toStrictEqual([]);
  });

  it('without an owner for jumps, logs the one line itself', () => {
    const time = new FakeTime('2026-12-01T09:00:00+08:00');
    const warnings: string[] = [];
    const scheduler = createScheduleRunner(compileSchedule(hall, undefined), { clock: time, timers: time.timers, log: { info: () => undefined, warn: (m) => warnings.push(m) }, onSwitch: () => undefined });
    scheduler.start();
    time.jumpWall(3600_000);
    time.advance(1000);
    expect(warnings).toStrictEqual(['clock stepped +3600 s (09:00:01 → 10:00:01 UTC+08:00)']);
  });
});
