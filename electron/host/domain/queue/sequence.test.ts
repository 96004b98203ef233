import { describe, expect, it } from 'vitest';
import { DEFAULT_QUEUE_CONFIG } from './config.js';
import type { QueueEvent } from './events.js';
import { minutes } from './feed.test-support.js';
import { applyEvent, createQueueState, MAX_BUFFERED_EVENTS, nowServing, recentCalls, tick, waiting, type QueueState } from './model.js';

const config = DEFAULT_QUEUE_CONFIG;
const T = minutes(0);

const issued = (seq: number, ticket: string, at = T): QueueEvent => ({ type: 'ticket.issued', seq, at, ticket, service: ticket.replace(/\d+$/, '') });
const called = (seq: number, ticket: string, counter: number, at = T): QueueEvent => ({ type: 'ticket.called', seq, at, ticket, counter });
const opened = (seq: number, counter: number): QueueEvent => ({ type: 'counter.opened', seq, at: T, counter });

function started(lastSeq: number): QueueState {
  return applyEvent(createQueueState(config), opened(lastSeq, 1), T).state;
}

describe('sequence', () => {
  it('takes any seq as a feed’s first event', () => {
    const { state, outcome } = applyEvent(createQueueState(config), issued(4711, 'A001'), T);
    expect(outcome.kind).toBe('applied');
    expect(state.lastSeq).toBe(4711);
  });

  it('holds an event that overtook its predecessor, then applies both in order', () => {
    const s = started(3);
    const early = applyEvent(s, called(5, 'A001', 1), T + 10);
    expect(early.outcome).toMatchObject({ kind: 'buffered', reason: 'seq 5 arrived before seq 4; held up to 500 ms for it', steps: [] });
    expect(early.state.buffer).toHaveLength(1);
    const late = applyEvent(early.state, issued(4, 'A001'), T + 20);
    expect(late.outcome.kind).toBe('applied');
    expect(late.outcome.steps.map((x) => [x.event.seq, x.kind])).toEqual([
      [4, 'applied'],
      [5, 'applied'],
    ]);
    expect(late.state.lastSeq).toBe(5);
    expect(late.state.buffer).toHaveLength(0);
    expect(nowServing(late.state)).toEqual([{ counter: 1, ticket: 'A001', service: 'A', priority: false }]);
    expect(late.outcome.resyncNeeded).toBe(false);
  });

  it('drops repeats and latecomers with a reason', () => {
    const s = applyEvent(started(3), issued(4, 'A001'), T).state;
    expect(applyEvent(s, issued(4, 'A001'), T).outcome).toMatchObject({ kind: 'duplicate', reason: 'seq 4 was already applied' });
    expect(applyEvent(s, issued(2, 'A009'), T).outcome).toMatchObject({
      kind: 'stale',
      reason: 'seq 2 is older than the last applied seq 4: too late: newer events were applied',
    });
    const held = applyEvent(s, issued(6, 'A002'), T).state;
    expect(applyEvent(held, issued(6, 'A002'), T).outcome).toMatchObject({ kind: 'duplicate', reason: 'seq 6 is already held for reordering' });
  });

  it('a rejected event still uses up its seq, so it leaves no gap', () => {
    const s = applyEvent(started(3), called(4, 'A001', 42), T);
    expect(s.outcome.kind).toBe('rejected');
    expect(applyEvent(s.state, issued(5, 'A002'), T).outcome.kind).toBe('applied');
  });

  it('gives up on a gap after the reorder window: resync needed, held events applied anyway', () => {
    let s = started(3);
    s = applyEvent(s, called(6, 'A001', 1), T).state;
    s = applyEvent(s, called(5, 'A002', 1), T + 100).state;
    expect(tick(s, T + 499).state).toBe(s);
    const { state, outcome } = tick(s, T + 500);
    expect(outcome.resyncNeeded).toBe(true);
    expect(outcome.steps.map((x) => [x.event.seq, x.kind, x.reason])).toEqual([
      [5, 'applied', 'A002 called at counter 1 (seq 4–4 missing, not filled within 500 ms; resync needed)'],
      [6, 'applied', 'A001 called at counter 1 (A002 taken as done)'],
    ]);
    expect(state.lastSeq).toBe(6);
    expect(state.resyncNeeded).toBe(true);
    expect(recentCalls(state).map((c) => c.ticket)).toEqual(['A001', 'A002']);
    // The missing event turning up later cannot be applied any more.
    expect(applyEvent(state, issued(4, 'A003'), T + 600).outcome.kind).toBe('stale');
  });

  it('also gives up when the next event arrives after the window', () => {
    let s = started(3);
    s = applyEvent(s, called(5, 'A001', 1), T).state;
    const { state, outcome } = applyEvent(s, issued(7, 'A002'), T + 800);
    expect(outcome).toMatchObject({ kind: 'applied', resyncNeeded: true });
    expect(outcome.steps.map((x) => x.event.seq)).toEqual([5, 7]);
    expect(state.buffer).toHaveLength(0);
  });

  it('a full reorder buffer asks for a resync at once', () => {
    let s = started(0);
    for (let seq = 2; seq <= MAX_BUFFERED_EVENTS + 1; seq++) s = applyEvent(s, issued(seq, `A${seq}`), T).state;
    expect(s.resyncNeeded).toBe(false);
    const { state, outcome } = applyEvent(s, issued(MAX_BUFFERED_EVENTS + 2, 'B1'), T);
    expect(outcome.resyncNeeded).toBe(true);
    expect(outcome.steps).toHaveLength(MAX_BUFFERED_EVENTS + 1);
    expect(waiting(state).map((w) => w.count)).toEqual([MAX_BUFFERED_EVENTS, 1, 0]);
  });
});

describe('snapshot', () => {
  /** A hall whose board shows calls at counters 1, 3 and 6, then lost events. */
  function hallWithCalls(): QueueState {
    let s = createQueueState(config);
    const trace: QueueEvent[] = [
      opened(1, 1),
      opened(2, 3),
      opened(3, 6),
      called(4, 'A001', 1, minutes(1)),
      called(5, 'A002', 3, minutes(2)),
      called(6, 'V001', 6, minutes(3)),
      called(7, 'A003', 1, minutes(4)),
      called(8, 'A004', 6, minutes(5)),
      called(9, 'B001', 3, minutes(6)),
    ];
    for (const e of trace) s = applyEvent(s, e, e.at).state;
    s = applyEvent(s, called(12, 'A005', 3, minutes(7)), minutes(7)).state;
    s = tick(s, minutes(8)).state;
    expect(s.resyncNeeded).toBe(true);
    return s;
  }

  const snap = (seq: number): QueueEvent => ({
    type: 'snapshot',
    seq,
    at: minutes(9),
    counters: [
      { counter: 1, open: true, serving: 'A003' },
      { counter: 3, open: true, serving: 'B001' },
      { counter: 6, open: true, serving: 'V001' },
      { counter: 2, open: true, serving: null },
    ],
    tickets: [
      { ticket: 'A003', service: 'A', state: 'called', issuedAt: minutes(0), calledAt: minutes(4), counter: 1 },
      { ticket: 'B001', service: 'B', state: 'called', issuedAt: minutes(0), calledAt: minutes(6), counter: 3 },
      { ticket: 'V001', service: 'V', state: 'called', issuedAt: minutes(0), calledAt: minutes(3), counter: 6 },
      { ticket: 'A004', service: 'A', state: 'noshow', issuedAt: minutes(0) },
      { ticket: 'A005', service: 'A', state: 'waiting', issuedAt: minutes(6) },
      { ticket: 'A002', service: 'A', state: 'served', issuedAt: minutes(0) },
      { ticket: 'A009', service: 'A', state: 'waiting', issuedAt: minutes(8) },
    ],
  });

  it('replaces the hall, serving exactly what it says, keeping only calls it confirms', () => {
    const { state, outcome } = applyEvent(hallWithCalls(), snap(13), minutes(9));
    expect(outcome).toMatchObject({ kind: 'applied', resyncNeeded: false });
    expect(outcome.reason).toBe('snapshot: 2 waiting, 3 called, 4 of 6 counters open, kept 5 of 7 recent calls');
    expect(state.lastSeq).toBe(13);
    expect(nowServing(state).map((r) => [r.counter, r.ticket])).toEqual([
      [1, 'A003'],
      [2, null],
      [3, 'B001'],
      [6, 'V001'],
    ]);
    // A005 is shown waiting (its call never happened), A004 went as a no-show; A002 was served and
    // A001 is not listed (snapshots may leave done tickets out), so their calls stand.
    expect(recentCalls(state).map((c) => `${c.ticket}@${c.counter}`)).toEqual(['B001@3', 'A003@1', 'V001@6', 'A002@3', 'A001@1']);
    expect(waiting(state)[0]).toMatchObject({ count: 2, oldest: { ticket: 'A005' } });
  });

  it('drops calls contradicted by a counter now serving the ticket elsewhere', () => {
    const moved = { ...(snap(13) as Extract<QueueEvent, { type: 'snapshot' }>) };
    moved.counters = [{ counter: 2, open: true, serving: 'A003' }];
    moved.tickets = [];
    const { state } = applyEvent(hallWithCalls(), moved, minutes(9));
    expect(recentCalls(state).map((c) => c.ticket)).not.toContain('A003');
    expect(state.tickets.get('A003')).toMatchObject({ status: 'called', counter: 2 });
    expect(recentCalls(state).map((c) => c.ticket)).toContain('A001');
  });

  it('applies held events that come after it and drops those it covers', () => {
    let s = started(10);
    s = applyEvent(s, called(12, 'A001', 1), T).state;
    s = applyEvent(s, called(14, 'A002', 1), T).state;
    const empty: QueueEvent = { type: 'snapshot', seq: 13, at: T, counters: [{ counter: 1, open: true, serving: null }], tickets: [] };
    const { state, outcome } = applyEvent(s, empty, T + 10);
    expect(outcome.steps.map((x) => x.event.seq)).toEqual([13, 14]);
    expect(state.lastSeq).toBe(14);
    expect(state.buffer).toHaveLength(0);
    expect(nowServing(state)).toEqual([{ counter: 1, ticket: 'A002', service: 'A', priority: false }]);
  });

  it('is taken as of our own last seq, but not when older', () => {
    const s = hallWithCalls();
    expect(applyEvent(s, snap(12), minutes(9)).outcome.kind).toBe('applied');
    expect(applyEvent(s, snap(11), minutes(9)).outcome).toMatchObject({ kind: 'stale', resyncNeeded: true });
  });

  it('ignores counters and services this hall does not have', () => {
    const odd: QueueEvent = {
      type: 'snapshot',
      seq: 1,
      at: T,
      counters: [{ counter: 77, open: true, serving: null }, { counter: 4, open: true, services: ['B', 'Q'], serving: null }],
      tickets: [{ ticket: 'Q001', service: 'Q', state: 'waiting', issuedAt: T }],
    };
    const { state, outcome } = applyEvent(createQueueState(config), odd, T);
    expect(outcome.reason).toBe(
      'snapshot: 0 waiting, 0 called, 1 of 6 counters open, kept 0 of 0 recent calls (1 ticket(s) of unknown services or counters ignored; unknown counter 77 ignored; counter 4: unknown services ignored)',
    );
    expect(state.counters.get(4)!.services).toEqual(['B']);
  });
});
