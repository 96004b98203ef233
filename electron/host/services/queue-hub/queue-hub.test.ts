import { describe, expect, it } from 'vitest';
import type { QueueBoardState } from '../../../contract/messages.js';
import type { QueueFile } from '../../../contract/hall-config.js';
import type { QueueEvent } from '../../domain/queue/events.js';
import type { CallEvent } from '../../domain/queue/queue-call.js';
import { TimeZone } from '../../domain/time/time-zone.js';
import { FakeTime } from '../../fake-time.test-support.js';
import { createQueueHub } from './queue-hub.js';
import { CALL_MOMENT_LEAD_MS } from '../../domain/call-moment/lead.js';

const TEN_SEVENTEEN = Date.parse('2026-12-01T10:17:00+08:00');
const services: QueueFile['services'] = [
  { id: 'A', name: { 'zh-CN': '综合业务', en: 'General business' }, serviceMinutes: 6 },
  { id: 'B', name: { 'zh-CN': '缴费充值', en: 'Payments' }, serviceMinutes: 2.5 },
  { id: 'V', name: { 'zh-CN': '爱心通道', en: 'Priority' }, priority: true, serviceMinutes: 7 },
];
const counters: QueueFile['counters'] = [
  { id: 1, services: ['A'] },
  { id: 2, services: ['A'] },
  { id: 4, services: ['B'] },
  { id: 6, services: ['A', 'V'] },
];
const silentLog = { info: () => {}, warn: () => {} };

function hub(feed: QueueFile['feed'], extra: Partial<QueueFile> = {}) {
  const clock = new FakeTime(TEN_SEVENTEEN);
  const warnings: string[] = [];
  const h = createQueueHub({ file: { services, counters, feed, ...extra }, zone: TimeZone.of('Asia/Shanghai'), clock, timers: clock.timers, log: { ...silentLog, warn: (m) => void warnings.push(m) } });
  const boards: QueueBoardState[] = [];
  h.subscribe((b) => boards.push(b));
  return { h, clock, boards, warnings };
}

const flush = () => new Promise((r) => setTimeout(r, 0));

describe('queue hub with the built-in simulator', () => {
  it('opens mid-morning on a living hall and keeps the board in step with the clock', async () => {
    const { h, clock, boards } = hub({ kind: 'simulator', seed: 7 });
    h.start();
    await flush();
    const first = h.board();
    expect(first.serving.length).toBeGreaterThan(0);
    expect(first.calls.length).toBeGreaterThan(0);
    expect(first.services.reduce((n, s) => n + s.waiting, 0)).toBeGreaterThan(0);
    // The replayed morning is history: only calls younger than callMaxAgeSeconds (120 s) may be
    // flashed or announced.
    expect(first.calls.some((c) => !c.fresh)).toBe(true);
    for (const c of first.calls) expect(c.fresh).toBe(TEN_SEVENTEEN - c.at <= 120_000);
    clock.advance(10 * 60_000);
    await flush();
    const later = h.board();
    expect(later.seq).toBeGreaterThan(first.seq);
    expect(later.calls.some((c) => c.fresh)).toBe(true);
    // A counter serves at most one ticket, a ticket is served at one counter at most.
    const tickets = later.serving.map((s) => s.ticket).filter(Boolean);
    expect(new Set(tickets).size).toBe(tickets.length);
    expect(boards.at(-1)).toEqual(later);
    await h.stop();
  });

  it('replays the same day for the same seed', async () => {
    const a = hub({ kind: 'simulator', seed: 3 });
    const b = hub({ kind: 'simulator', seed: 3 });
    a.h.start();
    b.h.start();
    a.clock.advance(120_000);
    b.clock.advance(120_000);
    await flush();
    expect({ ...a.h.board(), seq: 0 }).toEqual({ ...b.h.board(), seq: 0 });
  });
});

describe('queue hub with pushed events', () => {
  const at = TEN_SEVENTEEN;
  const events: QueueEvent[] = [
    { type: 'counter.opened', seq: 1, at, counter: 1 },
    { type: 'ticket.issued', seq: 2, at, ticket: 'A001', service: 'A' },
    { type: 'ticket.issued', seq: 3, at, ticket: 'A002', service: 'A' },
    { type: 'ticket.called', seq: 4, at, ticket: 'A001', counter: 1 },
  ];

  it('applies events in order and publishes one board per batch', async () => {
    const { h, boards } = hub({ kind: 'push' });
    h.start();
    await flush();
    const before = boards.length;
    const result = h.ingest(events);
    expect(result).toMatchObject({ applied: 4, duplicate: 0, rejected: [], resyncNeeded: false });
    await flush();
    expect(boards.length).toBe(before + 1);
    const board = h.board();
    expect(board.serving).toEqual([{ counter: 1, ticket: 'A001', priority: false }]);
    expect(board.calls[0]).toMatchObject({ ticket: 'A001', counter: 1, fresh: true });
    expect(board.services.find((s) => s.id === 'A')?.waiting).toBe(1);
  });

  it('holds an event that came early, and gives up after the reorder window', async () => {
    const { h, clock, warnings } = hub({ kind: 'push' }, { reorderWindowMs: 500 });
    h.start();
    h.ingest(events.slice(0, 2));
    expect(h.ingest([events[3]!])).toMatchObject({ buffered: 1 });
    expect(h.board().calls).toHaveLength(0);
    clock.advance(600);
    await flush();
    // The call is not lost while the missing event never comes; a snapshot is asked for.
    expect(h.board().calls[0]?.ticket).toBe('A001');
    expect(warnings.some((w) => w.includes('snapshot'))).toBe(true);
  });

  it('counts duplicates and refuses events for counters the hall does not have', () => {
    const { h } = hub({ kind: 'push' });
    h.start();
    h.ingest(events);
    const again = h.ingest([events[3]!, { type: 'ticket.called', seq: 5, at, ticket: 'A002', counter: 99 }]);
    expect(again.duplicate).toBe(1);
    expect(again.rejected).toEqual([{ seq: 5, reason: expect.stringContaining('99') }]);
  });

  it('lists a call that arrives long after it happened, but never as fresh', () => {
    const { h } = hub({ kind: 'push' }, { callMaxAgeSeconds: 60 });
    h.start();
    h.ingest([events[0]!, { type: 'ticket.called', seq: 2, at: at - 5 * 60_000, ticket: 'A009', counter: 1 }]);
    expect(h.board().calls[0]).toMatchObject({ ticket: 'A009', fresh: false });
  });

  it('tells each call the model applies, with the board that first shows it, fresh as the board marks it', async () => {
    const { h, boards } = hub({ kind: 'push' }, { callMaxAgeSeconds: 60 });
    const told: [CallEvent, number][] = [];
    h.subscribeCalls((c) => told.push([c, boards.length]));
    h.start();
    await flush();
    const before = boards.length;
    const moment = TEN_SEVENTEEN + CALL_MOMENT_LEAD_MS;
    h.ingest([
      ...events,
      { type: 'ticket.called', seq: 5, at: at - 5 * 60_000, ticket: 'A009', counter: 2 },
      { type: 'ticket.recalled', seq: 6, at: at + 1000, ticket: 'A001', counter: 1 },
      // Refused: no call is told for it.
      { type: 'ticket.called', seq: 7, at, ticket: 'A002', counter: 99 },
    ]);
    expect(told).toStrictEqual([]);
    await flush();
    expect(told).toStrictEqual([
      [{ call: { ticket: 'A001', counter: 1, service: 'A', at, recall: false }, fresh: true, flashAt: moment }, before + 1],
      [{ call: { ticket: 'A009', counter: 2, service: 'A', at: at - 5 * 60_000, recall: false }, fresh: false }, before + 1],
      [{ call: { ticket: 'A001', counter: 1, service: 'A', at: at + 1000, recall: true }, fresh: true, flashAt: moment }, before + 1],
    ]);
    // Fresh calls get their moment on the host's clock, a lead ahead; a late one gets none (it never flashes).
    expect(h.board().calls.map((c) => c.flashAt)).toStrictEqual([moment, undefined, moment]);
    expect(h.board().calls.map((c) => [c.ticket, c.recall, c.fresh])).toStrictEqual([
      ['A001', true, true],
      ['A009', false, false],
      ['A001', false, true],
    ]);
  });

  it('tells the wait estimates with each board, as the board shows them', async () => {
    const { h, boards } = hub({ kind: 'push' });
    const waits: unknown[] = [];
    h.subscribeWaits((w) => waits.push(w));
    h.start();
    h.ingest(events);
    await flush();
    expect(waits).toHaveLength(boards.length);
    const a = (waits.at(-1) as { service: string; waiting: number; minutes: unknown }[]).find((w) => w.service === 'A')!;
    const shown = h.board().services.find((s) => s.id === 'A')!;
    expect([a.waiting, a.minutes]).toStrictEqual([shown.waiting, shown.minutes]);
    expect(a.waiting).toBe(1);
  });
});

describe('manual calls', () => {
  it('show at once, newest first, whatever the feed', async () => {
    const { h, clock } = hub({ kind: 'simulator', seed: 1 });
    h.start();
    await flush();
    const told: CallEvent[] = [];
    h.subscribeCalls((c) => told.push(c));
    const result = h.call('A123', 2);
    expect(result.ok).toBe(true);
    expect(h.board().calls[0]).toMatchObject({ ticket: 'A123', counter: 2, fresh: true, recall: false });
    expect(told).toStrictEqual([{ call: { ticket: 'A123', counter: 2, service: 'A', at: h.now(), recall: false }, fresh: true, flashAt: clock.now() + CALL_MOMENT_LEAD_MS }]);
    await h.stop();
  });

  it('are refused for an unknown counter with the reason', () => {
    const { h } = hub({ kind: 'push' });
    h.start();
    const result = h.call('A123', 42);
    expect(result).toMatchObject({ ok: false, reason: 'call-refused' });
  });
});
