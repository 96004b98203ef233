import { describe, expect, it } from 'vitest';
import { compileSchedule } from '../schedule/compile.js';
import type { ScheduleFile } from '../playlists/types.js';
import { FakeTime } from './fake-time.test-support.js';
import { createScheduler, type SwitchReason } from './scheduler.js';

const hall: ScheduleFile = {
  timezone: 'Asia/Shanghai',
  default: 'welcome',
  entries: [
    { id: 'morning', programme: 'morning', priority: 10, daypart: { from: '08:30', to: '11:30' } },
    { id: 'peak', programme: 'peak', priority: 20, cron: '30 11 * * *', until: '14:00' },
  ],
};

function harness(startIso: string, options: { dropBoundaryTimers?: boolean } = {}) {
  const time = new FakeTime(startIso);
  // A timer library that silently loses the one-off timers (node-cron skipping a missed run).
  const timers = options.dropBoundaryTimers ? { ...time.timers, at: () => () => undefined } : time.timers;
  const switches: { at: string; programme: string | null; reason: SwitchReason }[] = [];
  const logs: string[] = [];
  const scheduler = createScheduler(compileSchedule(hall, undefined), {
    clock: time,
    timers,
    log: { info: (m) => logs.push(m), warn: (m) => logs.push(m) },
    onSwitch: (r, reason) => switches.push({ at: new Date(time.now()).toISOString(), programme: r.programme, reason }),
    heartbeatSeconds: 15,
  });
  return { time, switches, logs, scheduler };
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
    expect(logs).toContain('wall clock jumped');
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
    scheduler.load(compileSchedule({ ...hall, entries: [{ id: 'all-day', programme: 'special', priority: 1, daypart: { from: '00:00', to: '24:00' } }] }, undefined));
    expect(switches.at(-1)).toMatchObject({ programme: 'special', reason: 'config' });
    scheduler.stop();
    time.advance(24 * 3600_000);
    expect(switches.length).toBe(2);
  });

  it('does not re-announce the same programme when a reload changes nothing', () => {
    const { scheduler, switches } = harness('2026-12-01T09:00:00+08:00');
    scheduler.start();
    scheduler.load(compileSchedule(hall, undefined));
    expect(switches.length).toBe(1);
  });
});
