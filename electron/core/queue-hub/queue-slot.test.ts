import { describe, expect, it } from 'vitest';
import type { QueueBoardState } from '../../contract.js';
import type { QueueFile } from '../playlists/types.js';
import { Zone } from '../time/zone.js';
import { ManualClock } from './manual-clock.test-support.js';
import { createQueueSlot } from './queue-slot.js';

const file: QueueFile = {
  services: [{ id: 'A', name: { 'zh-CN': '综合业务' }, serviceMinutes: 5 }],
  counters: [{ id: 1, services: ['A'] }],
  feed: { kind: 'push' },
};
const zone = Zone.of('Asia/Shanghai');

function slot() {
  const infos: string[] = [];
  const s = createQueueSlot({ clock: new ManualClock(Date.parse('2026-12-01T10:00:00+08:00')), log: { info: (m) => void infos.push(m), warn: () => {} } });
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

  it('tells the displays there is no queue data when queue.json goes away', () => {
    const { s, boards } = slot();
    s.load(file, zone);
    s.load(null, zone);
    expect(s.hub()).toBeNull();
    expect(s.board()).toBeNull();
    expect(boards.at(-1)).toBeNull();
  });
});
