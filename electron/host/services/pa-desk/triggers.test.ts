import { describe, expect, it } from 'vitest';
import type { CareRule, QueueFile } from '../../../contract/hall-config.js';
import type { CallEvent, QueueCall } from '../../domain/queue/queue-call.js';
import { feed } from '../../domain/queue/feed.test-support.js';
import { TimeZone } from '../../domain/time/time-zone.js';
import { FakeTime } from '../../fake-time.test-support.js';
import { createQueueSlot } from '../queue-hub/queue-slot.js';
import type { AnnounceIntent } from './announce-request.js';
import { CALLS_READ_PER_BATCH, callIntent, watchCalls } from './call-trigger.js';
import { dueCareRules, overloadedRules, type ServiceLoad } from './care-rules.js';

const callOf = (ticket: string, counter: number, at: number, extra: Partial<QueueCall> = {}): QueueCall => ({ ticket, counter, at, service: 'A', recall: false, ...extra });
const spoken = (intent: AnnounceIntent): string => (intent.what === 'call' ? `${intent.ticket}→${intent.counter}` : '?');

/** watchCalls on a hand-made stream of call events. */
function heard(settings: Parameters<typeof watchCalls>[0]['settings'] = () => null) {
  let listener: ((event: CallEvent) => void) | null = null;
  const said: [string, string][] = [];
  const unread: number[] = [];
  watchCalls({ subscribe: (l) => ((listener = l), () => undefined), settings, announce: (intent, key) => said.push([spoken(intent), key]), unread: (n) => unread.push(n) });
  return { tell: (event: CallEvent) => listener!(event), said, unread };
}

/** watchCalls on a real queue slot with a push feed, as the host wires it. */
const AT = Date.parse('2026-12-01T10:17:00+08:00');
function hall(extra: Partial<QueueFile> = {}) {
  const time = new FakeTime(AT);
  const slot = createQueueSlot({ clock: time, timers: time.timers, log: { info: () => {}, warn: () => {} } });
  const file: QueueFile = {
    services: [{ id: 'A', name: { 'zh-CN': '综合业务' }, serviceMinutes: 5 }],
    counters: [1, 2, 3].map((id) => ({ id, services: ['A'] })),
    feed: { kind: 'push' },
    ...extra,
  };
  slot.load(file, TimeZone.of('Asia/Shanghai'));
  const next = feed();
  const push = (...events: Parameters<typeof next>[1][]) => slot.hub()!.ingest(events.map((e) => next(AT, e)));
  const said: [string, string][] = [];
  const start = () => watchCalls({ subscribe: (l) => slot.subscribeCalls(l), settings: () => null, announce: (intent, key) => said.push([spoken(intent), key]) });
  return { slot, push, said, start };
}
const flush = () => new Promise((r) => setTimeout(r, 0));

describe('queue calls read out', () => {
  it('reads each fresh call as it is told, in order, never a late one', async () => {
    const { tell, said } = heard();
    tell({ call: callOf('A1', 1, 1), fresh: true });
    tell({ call: callOf('A2', 2, 2), fresh: false });
    tell({ call: callOf('A3', 1, 3), fresh: true });
    await flush();
    expect(said.map(([what]) => what)).toStrictEqual(['A1→1', 'A3→1']);
  });

  it('reads only the newest calls of a batch that could not all be heard before they expire, and says how many it left', async () => {
    const { tell, said, unread } = heard();
    for (let i = 1; i <= 40; i++) tell({ call: callOf(`A${i}`, 1, i), fresh: true });
    await flush();
    expect(said.map(([what]) => what)).toStrictEqual(Array.from({ length: CALLS_READ_PER_BATCH }, (_, i) => `A${40 - CALLS_READ_PER_BATCH + 1 + i}→1`));
    expect(unread).toStrictEqual([40 - CALLS_READ_PER_BATCH]);
    // The next batch is read on its own.
    tell({ call: callOf('B1', 2, 41), fresh: true });
    await flush();
    expect(said.at(-1)![0]).toBe('B1→2');
  });

  it('does not read the calls already up when it starts, reads each new one once, and keys recalls by ticket', async () => {
    const { push, said, start } = hall();
    push({ type: 'counter.opened', counter: 1 }, { type: 'ticket.called', ticket: 'A1', counter: 1 });
    await flush();
    start();
    push({ type: 'ticket.called', ticket: 'A2', counter: 2 });
    await flush();
    // A board published again (a new ticket) is no new call.
    push({ type: 'ticket.issued', ticket: 'A5', service: 'A' });
    await flush();
    push({ type: 'ticket.recalled', ticket: 'A2', counter: 3 });
    await flush();
    expect(said).toStrictEqual([
      ['A2→2', 'call:A2'],
      ['A2→3', 'call:A2'],
    ]);
  });

  it('reads every call of a batch, even those the board has no room for', async () => {
    // The board lists the newest `recentCalls` only; when calls were found by comparing boards, a
    // batch with more calls than that (a queue system posting what it held through a blip) lost
    // its oldest ones: here A1 was never read.
    const { push, said, start, slot } = hall({ recentCalls: 2 });
    start();
    push({ type: 'ticket.called', ticket: 'A1', counter: 1 }, { type: 'ticket.called', ticket: 'A2', counter: 2 }, { type: 'ticket.called', ticket: 'A3', counter: 3 });
    await flush();
    expect(slot.board()!.calls.map((c) => c.ticket)).toStrictEqual(['A3', 'A2']);
    expect(said.map(([what]) => what)).toStrictEqual(['A1→1', 'A2→2', 'A3→3']);
  });

  it('reads a manual call (POST /api/queue/call) and never one that arrives past callMaxAgeSeconds', async () => {
    const { slot, said, start } = hall({ callMaxAgeSeconds: 60 });
    start();
    slot.hub()!.ingest([{ type: 'ticket.called', seq: 1, at: AT - 5 * 60_000, ticket: 'A9', counter: 1 }]);
    slot.hub()!.call('A23', 2);
    await flush();
    expect(said.map(([what]) => what)).toStrictEqual(['A23→2']);
  });

  it('stays silent when the hall turns call announcements off', () => {
    const { tell, said } = heard(() => ({ calls: { enabled: false } }));
    tell({ call: callOf('A1', 1, 1), fresh: true });
    expect(said).toStrictEqual([]);
  });

  it('uses the hall\'s call settings', () => {
    expect(callIntent(callOf('B7', 4, 1), { calls: { repeat: 2, maxAgeSeconds: 20, languages: ['en'] }, chime: false })).toStrictEqual({
      what: 'call',
      ticket: 'B7',
      counter: 4,
      kind: 'call',
      repeat: 2,
      expiresInMs: 20_000,
      chime: false,
      languages: ['en'],
    });
  });
});

describe('care rules', () => {
  const rule: CareRule = { id: 'self-service', service: 'A', waitingAtLeast: 25, estimateMinutesAtLeast: 20, everyMinutes: 15, text: { 'zh-CN': '可使用自助终端' } };
  const load = (waiting: number, low: number | null): ServiceLoad[] => [{ service: 'A', waiting, minutes: low === null ? null : { low, high: low + 5 } }];

  it('holds when either threshold is reached, and says which', () => {
    expect(overloadedRules([rule], load(24, 19))).toStrictEqual([]);
    expect(overloadedRules([rule], load(25, 10))[0]!.reason).toBe('A: 25 waiting (≥ 25)');
    expect(overloadedRules([rule], load(30, 20))[0]!.reason).toBe('A: 30 waiting (≥ 25), estimate 20+ min (≥ 20)');
    expect(overloadedRules([{ ...rule, service: 'Z' }], load(99, 99))).toStrictEqual([]);
  });

  it('fires at most every everyMinutes', () => {
    const busy = load(40, 30);
    expect(dueCareRules([rule], busy, new Map(), 0)).toHaveLength(1);
    expect(dueCareRules([rule], busy, new Map([['self-service', 0]]), 14 * 60_000)).toHaveLength(0);
    expect(dueCareRules([rule], busy, new Map([['self-service', 0]]), 15 * 60_000)).toHaveLength(1);
  });

  it('reads the queue\'s own estimates, as the hub tells them', async () => {
    const { slot, push } = hall();
    const seen: (readonly ServiceLoad[] | null)[] = [];
    slot.subscribeWaits((w) => seen.push(w));
    push({ type: 'counter.opened', counter: 1 }, ...Array.from({ length: 25 }, (_, i) => ({ type: 'ticket.issued' as const, ticket: `A${i + 1}`, service: 'A' })));
    await flush();
    expect(overloadedRules([rule], seen.at(-1)!)[0]!.reason).toMatch(/^A: 25 waiting \(≥ 25\), estimate \d+\+ min \(≥ 20\)$/);
  });
});
