import { describe, expect, it } from 'vitest';
import { DEFAULT_QUEUE_CONFIG } from './config.js';
import type { QueueEvent } from './events.js';
import { shanghaiMinuteOfDay } from './feed.test-support.js';
import { hallLoad } from './hall-load.js';
import { applyEvent, createQueueState, nowServing, waiting, type QueueState } from './model.js';
import { advance, createSimulator, snapshot, type Simulator } from './simulator.js';

const config = DEFAULT_QUEUE_CONFIG;
/** Midnight in Shanghai, 2026-12-01. */
const MIDNIGHT = Date.UTC(2026, 10, 30, 16, 0);
const HOUR = 3_600_000;
const localTime = (hhmm: string): number => MIDNIGHT + (Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3))) * 60_000;

function simulator(seed: number, startMs = MIDNIGHT): Simulator {
  return createSimulator({ config, seed, localMinuteOfDay: shanghaiMinuteOfDay, startMs });
}

function day(seed: number): QueueEvent[] {
  return advance(simulator(seed), MIDNIGHT + 24 * HOUR);
}

const between = (events: QueueEvent[], from: string, to: string) => events.filter((e) => e.at >= localTime(from) && e.at < localTime(to));

describe('simulator', () => {
  const events = day(7);

  it('is deterministic: the same seed gives the same day, another seed another', () => {
    expect(day(7)).toEqual(events);
    expect(day(8)).not.toEqual(events);
  });

  it('gives the same events however time is sliced', () => {
    const sim = simulator(7);
    const sliced: QueueEvent[] = [];
    for (let t = MIDNIGHT; t < MIDNIGHT + 24 * HOUR; t += 7 * 60_000 + 13) {
      const chunk = advance(sim, t);
      for (const e of chunk) expect(e.at).toBeLessThanOrEqual(t);
      if (chunk[0]) expect(chunk[0].at).toBeGreaterThan(t - 7 * 60_000 - 13);
      sliced.push(...chunk);
    }
    sliced.push(...advance(sim, MIDNIGHT + 24 * HOUR));
    expect(sliced).toEqual(events);
  });

  it('numbers events one by one, in time order', () => {
    events.forEach((e, i) => {
      expect(e.seq).toBe(i + 1);
      if (i > 0) expect(e.at).toBeGreaterThanOrEqual(events[i - 1]!.at);
    });
  });

  it('has a day shape: a slow start, a lunchtime peak, hundreds of tickets', () => {
    const issued = events.filter((e) => e.type === 'ticket.issued');
    const perHour = (from: string, to: string, hours: number) => between(issued, from, to).length / hours;
    expect(issued.length).toBeGreaterThan(400);
    expect(perHour('11:30', '13:30', 2)).toBeGreaterThan(2 * perHour('08:30', '09:30', 1));
    expect(perHour('11:30', '13:30', 2)).toBeGreaterThan(perHour('14:30', '16:30', 2));
    expect(perHour('17:00', '18:30', 1.5)).toBeGreaterThan(perHour('15:00', '16:30', 1.5));
    const services = new Set(issued.map((e) => (e as { service: string }).service));
    expect([...services].sort()).toEqual(['A', 'B', 'V']);
  });

  it('does nothing outside opening hours but close counters', () => {
    expect(between(events, '00:00', '08:30')).toEqual([]);
    const late = between(events, '20:00', '24:00');
    expect(late.filter((e) => e.type === 'ticket.issued' || e.type === 'counter.opened')).toEqual([]);
    expect(events.filter((e) => e.type === 'ticket.issued').every((e) => e.at < localTime('19:30'))).toBe(true);
  });

  it('opens counters at opening, staggers lunch breaks, adds a counter at the peak', () => {
    const counterEvents = (counter: number) =>
      events.filter((e) => (e.type === 'counter.opened' || e.type === 'counter.closed') && e.counter === counter).map((e) => e.type.slice(8));
    const opening = between(events, '08:30', '08:31').filter((e) => e.type === 'counter.opened');
    expect(opening.map((e) => (e as { counter: number }).counter)).toEqual([1, 2, 3, 4, 6]);
    expect(counterEvents(2)).toEqual(['opened', 'closed', 'opened', 'closed']);
    expect(counterEvents(5)).toEqual(['opened', 'closed']);
    expect(between(events, '10:59', '11:01').some((e) => e.type === 'counter.opened' && e.counter === 5)).toBe(true);
  });

  it('recalls a customer who does not come, then marks a no-show', () => {
    const noshows = events.filter((e) => e.type === 'ticket.noshow');
    expect(noshows.length).toBeGreaterThan(0);
    for (const n of noshows) {
      const recall = events.find((e) => e.type === 'ticket.recalled' && e.ticket === (n as { ticket: string }).ticket);
      expect(n.at - recall!.at).toBe(30_000);
    }
  });

  it('feeds the model a consistent hall: every event applies, one ticket per counter, counts match the simulation', () => {
    const sim = simulator(11);
    let state: QueueState = createQueueState(config);
    for (let t = MIDNIGHT; t <= MIDNIGHT + 24 * HOUR; t += 60_000) {
      for (const e of advance(sim, t)) {
        const { state: next, outcome } = applyEvent(state, e, e.at);
        expect(outcome.kind, outcome.reason).toBe('applied');
        state = next;
      }
      const serving = [...state.counters.values()].map((c) => c.serving).filter((x) => x !== null);
      expect(new Set(serving).size).toBe(serving.length);
      for (const ticket of state.tickets.values()) {
        if (ticket.status === 'called') expect(state.counters.get(ticket.counter!)!.serving).toBe(ticket.ticket);
      }
      const counts = waiting(state);
      expect(counts.every((w) => w.count >= 0)).toBe(true);
      expect(counts.reduce((n, w) => n + w.count, 0)).toBe(sim.waiting.length);
    }
    expect(state.tickets.size).toBe(0);
    expect(nowServing(state)).toEqual([]);
  });

  it('takes a snapshot that rebuilds the same hall from nothing', () => {
    const sim = simulator(3);
    let state: QueueState = createQueueState(config);
    for (const until of ['10:00', '12:45', '13:30', '19:59']) {
      for (const e of advance(sim, localTime(until))) state = applyEvent(state, e, e.at).state;
      const snap = snapshot(sim);
      expect(snap.seq).toBe(state.lastSeq);
      const rebuilt = applyEvent(createQueueState(config), snap, snap.at).state;
      expect(waiting(rebuilt)).toEqual(waiting(state));
      expect(nowServing(rebuilt)).toEqual(nowServing(state));
      expect(hallLoad(rebuilt)).toEqual(hallLoad(state));
      // And the feed's own model takes it as of its last seq.
      expect(applyEvent(state, snap, snap.at).outcome.kind).toBe('applied');
    }
  });

  it('starting in the middle of the day opens the hall at once', () => {
    const first = advance(simulator(5, localTime('12:00')), localTime('12:10'));
    expect(first[0]).toMatchObject({ type: 'counter.opened', seq: 1, at: localTime('12:01') });
    expect(first.filter((e) => e.type === 'ticket.issued')[0]).toMatchObject({ ticket: expect.stringMatching(/^[ABV]001$/) });
  });
});
