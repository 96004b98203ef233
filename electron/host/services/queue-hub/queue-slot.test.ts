import { describe, expect, it } from 'vitest';
import type { QueueBoardState } from '../../../contract/messages.js';
import type { QueueFile } from '../../../contract/hall-config.js';
import { TimeZone } from '../../domain/time/time-zone.js';
import { FakeTime } from '../../fake-time.test-support.js';
import { createQueueSlot } from './queue-slot.js';

const file: QueueFile = {
  services: [{ id: 'A', name: { 'zh-CN': '综合业务' }, serviceMinutes: 5 }],
  counters: [{ id: 1, services: ['A'] }],
  feed: { kind: 'push' },
};
const zone = TimeZone.of('Asia/Shanghai');

function slot() {
  const infos: string[] = [];
  const time = new FakeTime('2026-12-01T10:00:00+08:00');
  const s = createQueueSlot({ clock: time, timers: time.timers, log: { info: (m) => void infos.push(m), warn: () => {} } });
  const boards: (QueueBoardState | null)[] = [];
  s.subscribe((b) => boards.push(b));
  return { s, infos, boards };
}

describe('queue slot across playlist reloads', () => {
  it('keeps the hub and its state when queue.json did not change', () => {
    const { s } = slot();
    s.load(file, zone);
    const hub = s.hub()!;
    hub.call('A023', 1);
    s.load(structuredClone(file), zone);
    expect(s.hub()).toBe(hub);
    expect(s.board()!.calls[0]!.ticket).toBe('A023');
  });

  it('replaces the hub when queue.json changed, and says so', () => {
    const { s, infos } = slot();
    s.load(file, zone);
    const hub = s.hub()!;
    s.load({ ...file, counters: [...file.counters, { id: 2, services: ['A'] }] }, zone);
    expect(s.hub()).not.toBe(hub);
    expect(infos).toContain('queue: queue.json changed; the queue feed restarts');
  });

  it('keeps telling calls and estimates whichever hub makes them, and no estimates once queue.json goes away', () => {
    const { s } = slot();
    const calls: string[] = [];
    const waits: (number | null)[] = [];
    s.subscribeCalls((c) => calls.push(`${c.call.ticket}→${c.call.counter}`));
    s.subscribeWaits((w) => waits.push(w === null ? null : w.length));
    s.load(file, zone);
    s.hub()!.call('A1', 1);
    const old = s.hub()!;
    s.load({ ...file, counters: [...file.counters, { id: 2, services: ['A'] }] }, zone);
    s.hub()!.call('A2', 2);
    // The replaced hub is no longer heard.
    old.call('A3', 1);
    s.load(null, zone);
    expect(calls).toStrictEqual(['A1→1', 'A2→2']);
    expect(waits.at(-1)).toBeNull();
    expect(waits).toContain(1);
  });

  it('tells the displays there is no queue data when queue.json goes away', () => {
    const { s, boards } = slot();
    s.load(file, zone);
    s.load(null, zone);
    expect(s.hub()).toBeNull();
    expect(s.board()).toBeNull();
    expect(boards.at(-1)).toBeNull();
  });
});

describe('queue slot across a clock step', () => {
  const simulated: QueueFile = { ...file, feed: { kind: 'simulator', seed: 7 } };
  function stepped() {
    // Timers run on elapsed time; `step` moves only the wall clock.
    const time = new FakeTime('2026-12-01T10:17:00+08:00');
    const clock = { now: time.now, advance: (ms: number) => time.advance(ms), step: (ms: number) => time.jumpWall(ms) };
    const infos: string[] = [];
    const s = createQueueSlot({ clock, timers: time.timers, log: { info: (m) => void infos.push(m), warn: () => {} } });
    return { s, clock, infos };
  }
  const flush = () => new Promise((r) => setTimeout(r, 0));

  it('starts the simulated hall again at the new time when the clock steps back, so it does not stand still for an hour', async () => {
    const { s, clock, infos } = stepped();
    s.load(simulated, zone);
    clock.advance(5 * 60_000);
    clock.step(-3600_000); // 09:22
    s.clockStepped(-3600_000);
    clock.advance(10 * 60_000); // 09:32
    await flush();
    const newest = s.board()!.calls[0]!;
    expect(newest.at).toBeLessThanOrEqual(clock.now());
    expect(newest.at).toBeGreaterThan(clock.now() - 10 * 60_000);
    expect(infos).toContain('queue: the clock stepped back; the simulated hall starts again at the new time');
    await s.stop();
  });

  it('does not tell again the calls a new simulator hub replays (queue.json edited), only new ones', async () => {
    const { s, clock } = stepped();
    const told: string[] = [];
    s.subscribeCalls((c) => void (c.fresh && told.push(`${c.call.ticket}@${c.call.at}`)));
    const lively = { ...simulated, callMaxAgeSeconds: 600 };
    s.load(lively, zone);
    await flush();
    const atStart = told.length;
    expect(atStart).toBeGreaterThan(0);
    s.load({ ...lively, overdueMinutes: 30 }, zone);
    await flush();
    expect(told).toHaveLength(atStart);
    clock.advance(10 * 60_000);
    await flush();
    expect(told.length).toBeGreaterThan(atStart);
    expect(new Set(told).size).toBe(told.length);
    await s.stop();
  });

  it('keeps the hub on a step forward (the simulator catches up by itself) and for real feeds', async () => {
    const { s, clock } = stepped();
    s.load(simulated, zone);
    const hub = s.hub();
    clock.step(3600_000);
    s.clockStepped(3600_000);
    expect(s.hub()).toBe(hub);
    s.load(file, zone);
    const push = s.hub();
    s.clockStepped(-3600_000);
    expect(s.hub()).toBe(push);
    await s.stop();
  });
});
