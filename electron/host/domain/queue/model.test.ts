import { describe, expect, it } from 'vitest';
import { DEFAULT_QUEUE_CONFIG } from './config.js';
import type { QueueEvent } from './events.js';
import { feed, minutes } from './feed.test-support.js';
import { applyEvent, applyEvents, applyManual, createQueueState, nowServing, overdue, recentCalls, waiting, type Outcome, type QueueState } from './model.js';

const config = DEFAULT_QUEUE_CONFIG;

/** Applies events in order, each received at its own time; returns the state and the last outcome. */
function run(events: QueueEvent[], state: QueueState = createQueueState(config)): { state: QueueState; outcome: Outcome } {
  let outcome: Outcome | undefined;
  for (const event of events) ({ state, outcome } = applyEvent(state, event, event.at));
  return { state, outcome: outcome! };
}

/** A hall with counters 1, 3 and 6 open. */
function openHall() {
  const next = feed();
  const events = [1, 3, 6].map((counter) => next(minutes(0), { type: 'counter.opened', counter }));
  return { next, state: run(events).state };
}

describe('tickets', () => {
  it('issued tickets wait, oldest first per service', () => {
    const { next, state } = openHall();
    const { state: s } = run(
      [next(minutes(1), { type: 'ticket.issued', ticket: 'A001', service: 'A' }), next(minutes(2), { type: 'ticket.issued', ticket: 'A002', service: 'A' })],
      state,
    );
    expect(waiting(s)).toEqual([
      { service: 'A', count: 2, oldest: { ticket: 'A001', issuedAt: minutes(1) } },
      { service: 'B', count: 0, oldest: null },
      { service: 'V', count: 0, oldest: null },
    ]);
  });

  it('a call makes the counter serve the ticket and puts it on the board', () => {
    const { next, state } = openHall();
    const { state: s, outcome } = run(
      [next(minutes(1), { type: 'ticket.issued', ticket: 'A001', service: 'A' }), next(minutes(3), { type: 'ticket.called', ticket: 'A001', counter: 3 })],
      state,
    );
    expect(outcome).toMatchObject({ kind: 'applied', reason: 'A001 called at counter 3', resyncNeeded: false });
    expect(waiting(s)[0]!.count).toBe(0);
    expect(nowServing(s)).toEqual([
      { counter: 1, ticket: null, service: null, priority: false },
      { counter: 3, ticket: 'A001', service: 'A', priority: false },
      { counter: 6, ticket: null, service: null, priority: false },
    ]);
    expect(recentCalls(s)).toEqual([{ ticket: 'A001', counter: 3, at: minutes(3), service: 'A', recall: false }]);
    // The step hands the call over as it is made: the hub tells it from there.
    expect(outcome.steps.map((x) => x.call)).toEqual([{ ticket: 'A001', counter: 3, at: minutes(3), service: 'A', recall: false }]);
  });

  it('only a step that makes a call carries one: a duplicate call, an issue or a refused call do not', () => {
    const { next, state } = openHall();
    const { state: s } = run([next(minutes(1), { type: 'ticket.issued', ticket: 'A001', service: 'A' }), next(minutes(2), { type: 'ticket.called', ticket: 'A001', counter: 1 })], state);
    const events = [
      next(minutes(3), { type: 'ticket.called', ticket: 'A001', counter: 1 }),
      next(minutes(3), { type: 'ticket.issued', ticket: 'A002', service: 'A' }),
      next(minutes(3), { type: 'ticket.called', ticket: 'A002', counter: 99 }),
    ];
    const steps = applyEvents(s, events, minutes(3)).outcomes.flatMap((o) => o.steps);
    expect(steps.map((x) => [x.kind, x.call])).toEqual([
      ['duplicate', undefined],
      ['applied', undefined],
      ['rejected', undefined],
    ]);
  });

  it('a recall adds a board entry and changes no count', () => {
    const { next, state } = openHall();
    const { state: s, outcome } = run(
      [
        next(minutes(1), { type: 'ticket.issued', ticket: 'V001', service: 'V' }),
        next(minutes(2), { type: 'ticket.called', ticket: 'V001', counter: 6 }),
        next(minutes(3), { type: 'ticket.recalled', ticket: 'V001', counter: 6 }),
      ],
      state,
    );
    expect(outcome.reason).toBe('V001 recalled at counter 6');
    expect(outcome.steps[0]!.call).toEqual({ ticket: 'V001', counter: 6, at: minutes(3), service: 'V', recall: true });
    expect(recentCalls(s).map((c) => [c.ticket, c.recall])).toEqual([
      ['V001', true],
      ['V001', false],
    ]);
    expect(nowServing(s).find((r) => r.counter === 6)).toEqual({ counter: 6, ticket: 'V001', service: 'V', priority: true });
    expect(waiting(s).find((w) => w.service === 'V')!.count).toBe(0);
  });

  it('served and no-show tickets are done and free their counter', () => {
    const { next, state } = openHall();
    const { state: s } = run(
      [
        next(minutes(1), { type: 'ticket.issued', ticket: 'A001', service: 'A' }),
        next(minutes(1), { type: 'ticket.issued', ticket: 'A002', service: 'A' }),
        next(minutes(2), { type: 'ticket.called', ticket: 'A001', counter: 1 }),
        next(minutes(2), { type: 'ticket.called', ticket: 'A002', counter: 3 }),
        next(minutes(8), { type: 'ticket.served', ticket: 'A001', counter: 1 }),
      ],
      state,
    );
    expect(s.tickets.has('A001')).toBe(false);
    expect(nowServing(s).map((r) => r.ticket)).toEqual([null, 'A002', null]);
    const { state: after, outcome } = run([next(minutes(9), { type: 'ticket.noshow', ticket: 'A002' })], s);
    expect(outcome.reason).toBe('A002 did not come (no-show) at counter 3');
    expect(after.tickets.size).toBe(0);
    expect(nowServing(after).map((r) => r.ticket)).toEqual([null, null, null]);
  });

  it('a late `served` does not clear a counter that already called the next ticket', () => {
    const { next, state } = openHall();
    const { state: s } = run(
      [
        next(minutes(1), { type: 'ticket.called', ticket: 'A001', counter: 1 }),
        next(minutes(5), { type: 'ticket.called', ticket: 'A002', counter: 1 }),
        next(minutes(5), { type: 'ticket.served', ticket: 'A001', counter: 1 }),
      ],
      state,
    );
    expect(nowServing(s)[0]).toMatchObject({ counter: 1, ticket: 'A002' });
  });

  it('calling the next ticket at a counter finishes the previous one when the feed never says served', () => {
    const { next, state } = openHall();
    const { state: s, outcome } = run(
      [next(minutes(1), { type: 'ticket.called', ticket: 'B010', counter: 1 }), next(minutes(4), { type: 'ticket.called', ticket: 'B011', counter: 1 })],
      state,
    );
    expect(outcome.reason).toBe('B011 called at counter 1 (B010 taken as done)');
    expect([...s.tickets.keys()]).toEqual(['B011']);
  });

  it('accepts a call for a ticket never issued when its prefix is a configured service', () => {
    const { next, state } = openHall();
    const { state: s, outcome } = run([next(minutes(1), { type: 'ticket.called', ticket: 'B017', counter: 3 })], state);
    expect(outcome.kind).toBe('applied');
    expect(s.tickets.get('B017')).toEqual({ ticket: 'B017', service: 'B', status: 'called', issuedAt: null, calledAt: minutes(1), counter: 3 });
    const { outcome: foreign } = run([next(minutes(2), { type: 'ticket.called', ticket: 'Z017', counter: 3 })], s);
    expect(foreign).toMatchObject({ kind: 'rejected', reason: 'Z017 was never issued and its prefix "Z" is no configured service (A, B, V)' });
  });

  it('ignores a second call at the same counter and follows a ticket moved to another', () => {
    const { next, state } = openHall();
    const first = run([next(minutes(1), { type: 'ticket.issued', ticket: 'A001', service: 'A' }), next(minutes(2), { type: 'ticket.called', ticket: 'A001', counter: 1 })], state);
    const again = run([next(minutes(2), { type: 'ticket.called', ticket: 'A001', counter: 1 })], first.state);
    expect(again.outcome).toMatchObject({ kind: 'duplicate', reason: 'A001 is already called at counter 1; calling again takes a ticket.recalled' });
    expect(recentCalls(again.state)).toHaveLength(1);
    const moved = run([next(minutes(3), { type: 'ticket.called', ticket: 'A001', counter: 3 })], again.state);
    expect(moved.outcome).toMatchObject({ kind: 'applied', reason: 'A001 called at counter 3 (moved from counter 1)' });
    expect(nowServing(moved.state).map((r) => r.ticket)).toEqual([null, 'A001', null]);
    expect(recentCalls(moved.state).map((c) => c.counter)).toEqual([3, 1]);
  });

  it('a call at a closed counter reaches the board but opens nothing', () => {
    const { next, state } = openHall();
    const { state: s, outcome } = run([next(minutes(1), { type: 'ticket.called', ticket: 'A005', counter: 2 })], state);
    expect(outcome).toMatchObject({ kind: 'applied', reason: 'A005 called at counter 2 (counter 2 is closed and stays closed)' });
    expect(recentCalls(s)[0]).toMatchObject({ ticket: 'A005', counter: 2 });
    expect(nowServing(s).map((r) => r.counter)).toEqual([1, 3, 6]);
  });

  it('with openCountersOnCall, a call opens its closed counter for its configured services', () => {
    const next = feed();
    const callOnly = createQueueState({ ...config, openCountersOnCall: true });
    const { state: s, outcome } = run([next(minutes(1), { type: 'ticket.called', ticket: 'A005', counter: 5 })], callOnly);
    expect(outcome).toMatchObject({ kind: 'applied', reason: 'A005 called at counter 5 (counter 5 opened by this call)' });
    expect(nowServing(s)).toEqual([expect.objectContaining({ counter: 5, ticket: 'A005' })]);
    expect(s.counters.get(5)).toMatchObject({ open: true, services: ['A', 'B'] });
  });

  it('rejects unknown services and counters with the configured ones in the reason', () => {
    const { next, state } = openHall();
    const { state: s, outcome } = run([next(minutes(1), { type: 'ticket.issued', ticket: 'X001', service: 'X' })], state);
    expect(outcome).toMatchObject({ kind: 'rejected', reason: 'unknown service "X" (configured: A, B, V)' });
    expect(run([next(minutes(2), { type: 'ticket.called', ticket: 'A001', counter: 12 })], s).outcome).toMatchObject({
      kind: 'rejected',
      reason: 'unknown counter 12 (configured: 1, 2, 3, 4, 5, 6)',
    });
  });

  it('rejects the end of a ticket it does not hold', () => {
    const { next, state } = openHall();
    expect(run([next(minutes(1), { type: 'ticket.served', ticket: 'A001' })], state).outcome).toMatchObject({
      kind: 'rejected',
      reason: 'A001 is not waiting or called (never issued, or already done)',
    });
  });

  it('a re-issued number replaces the old ticket (numbering restarts daily)', () => {
    const { next, state } = openHall();
    const { state: s, outcome } = run(
      [next(minutes(1), { type: 'ticket.issued', ticket: 'A001', service: 'A' }), next(minutes(900), { type: 'ticket.issued', ticket: 'A001', service: 'A' })],
      state,
    );
    expect(outcome.reason).toBe('A001 issued (replaces an earlier A001 still waiting)');
    expect(waiting(s)[0]).toEqual({ service: 'A', count: 1, oldest: { ticket: 'A001', issuedAt: minutes(900) } });
  });

  it('keeps a bounded board of recent calls, newest first', () => {
    const { next, state } = openHall();
    const calls = Array.from({ length: 10 }, (_, i) => next(minutes(i), { type: 'ticket.called', ticket: `A${i + 1}`, counter: 1 }));
    const { state: s } = run(calls, state);
    expect(recentCalls(s).map((c) => c.ticket)).toEqual(['A10', 'A9', 'A8', 'A7', 'A6', 'A5', 'A4', 'A3']);
  });

  it('lists tickets waiting longer than a threshold, longest first', () => {
    const { next, state } = openHall();
    const { state: s } = run(
      [
        next(minutes(0), { type: 'ticket.issued', ticket: 'B001', service: 'B' }),
        next(minutes(10), { type: 'ticket.issued', ticket: 'A001', service: 'A' }),
        next(minutes(25), { type: 'ticket.issued', ticket: 'A002', service: 'A' }),
      ],
      state,
    );
    expect(overdue(s, minutes(40), 20 * 60_000)).toEqual([
      { ticket: 'B001', service: 'B', issuedAt: minutes(0), waitedMs: 40 * 60_000 },
      { ticket: 'A001', service: 'A', issuedAt: minutes(10), waitedMs: 30 * 60_000 },
    ]);
  });
});

describe('counters', () => {
  it('open with their configured services or the ones the event names, and only known ones', () => {
    const next = feed();
    const { state: s } = run([next(minutes(0), { type: 'counter.opened', counter: 5 }), next(minutes(0), { type: 'counter.opened', counter: 6, services: ['V'] })]);
    expect(s.counters.get(5)!.services).toEqual(['A', 'B']);
    expect(s.counters.get(6)!.services).toEqual(['V']);
    const again = run([next(minutes(1), { type: 'counter.opened', counter: 6, services: ['V'] })], s);
    expect(again.outcome).toMatchObject({ kind: 'duplicate', reason: 'counter 6 is already open' });
    expect(run([next(minutes(1), { type: 'counter.opened', counter: 4, services: ['Q'] })], again.state).outcome).toMatchObject({
      kind: 'rejected',
      reason: 'counter 4 cannot open for unknown service Q (configured: A, B, V)',
    });
  });

  it('close, ending the service in progress', () => {
    const { next, state } = openHall();
    const { state: s, outcome } = run([next(minutes(1), { type: 'ticket.called', ticket: 'A001', counter: 3 }), next(minutes(9), { type: 'counter.closed', counter: 3 })], state);
    expect(outcome.reason).toBe('counter 3 closed (A001 taken as done)');
    expect(s.tickets.size).toBe(0);
    expect(nowServing(s).map((r) => r.counter)).toEqual([1, 6]);
    expect(recentCalls(s)).toHaveLength(1);
  });
});

it('never changes the state it was given', () => {
  const { next, state } = openHall();
  const before = JSON.stringify([...state.counters.values()]);
  applyEvent(state, next(minutes(1), { type: 'ticket.called', ticket: 'A001', counter: 1 }), minutes(1));
  expect(JSON.stringify([...state.counters.values()])).toBe(before);
  expect(state.tickets.size).toBe(0);
  expect(state.recentCalls).toHaveLength(0);
});

describe('manual calls (POST /api/queue/call)', () => {
  it('reach the board at once and leave the feed numbering alone', () => {
    const { next, state } = openHall();
    const lastSeq = state.lastSeq;
    const manual = applyManual(state, { type: 'ticket.called', seq: 0, at: minutes(5), ticket: 'A023', counter: 3 });
    expect(manual.outcome.kind).toBe('applied');
    expect(manual.state.lastSeq).toBe(lastSeq);
    expect(recentCalls(manual.state)[0]).toMatchObject({ ticket: 'A023', counter: 3, recall: false });
    expect(nowServing(manual.state).find((r) => r.counter === 3)?.ticket).toBe('A023');
    // The feed's next event follows on, with no gap and no duplicate.
    const after = applyEvent(manual.state, next(minutes(6), { type: 'ticket.called', ticket: 'A024', counter: 1 }), minutes(6));
    expect(after.outcome.kind).toBe('applied');
    expect(after.state.buffer).toHaveLength(0);
  });

  it('are refused for a counter the hall does not have', () => {
    const { state } = openHall();
    const manual = applyManual(state, { type: 'ticket.called', seq: 0, at: minutes(5), ticket: 'A023', counter: 77 });
    expect(manual.outcome.kind).toBe('rejected');
    expect(manual.outcome.reason).toMatch(/77/);
  });
});

describe('applyEvents', () => {
  it('gives what applying the events one by one gives', () => {
    const next = feed();
    const events: QueueEvent[] = [
      next(minutes(0), { type: 'counter.opened', counter: 1 }),
      next(minutes(1), { type: 'ticket.issued', ticket: 'A001', service: 'A' }),
      next(minutes(2), { type: 'ticket.issued', ticket: 'A002', service: 'A' }),
      next(minutes(3), { type: 'ticket.called', ticket: 'A001', counter: 1 }),
    ];
    const shuffled = [events[0]!, events[2]!, events[1]!, events[3]!, events[3]!];
    const one = run(shuffled);
    const batch = applyEvents(createQueueState(config), shuffled, minutes(3));
    expect(batch.state.tickets).toEqual(one.state.tickets);
    expect(batch.state.recentCalls).toEqual(one.state.recentCalls);
    expect(batch.outcomes.map((o) => o.kind)).toEqual(['applied', 'buffered', 'applied', 'applied', 'duplicate']);
  });
});
