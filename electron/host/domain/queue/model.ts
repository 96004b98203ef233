/**
 * The queue reducer: feed events in, hall state out, in strict seq order. Feeds reorder, repeat and
 * drop events (a reconnecting WebSocket, a vendor retrying a POST), so order is restored here, for
 * a short window only: a board that waits long for a lost event shows nothing new at all.
 */
import type { QueueConfig } from './config.js';
import type { QueueEvent } from './events.js';
import type { QueueCall } from './queue-call.js';
import { draftOf, type QueueDraft, type QueueState } from './queue-state.js';
import { applySnapshot } from './snapshot.js';
import { applyTransition, type Transition, type TransitionKind } from './transitions.js';

export { createQueueState } from './queue-state.js';
export type { BufferedEvent, CounterState, QueueState, TicketState } from './queue-state.js';
export type { QueueCall } from './queue-call.js';
export { nowServing, overdue, recentCalls, waiting } from './views.js';

/** Enough for minutes of a busy hall's events; beyond this a snapshot is cheaper than waiting. */
export const MAX_BUFFERED_EVENTS = 1000;

export type OutcomeKind = 'applied' | 'duplicate' | 'stale' | 'buffered' | 'rejected';

/** One event that reached the hall state (applied, or looked at and refused), in the order it did. */
export interface Step {
  event: QueueEvent;
  kind: TransitionKind;
  reason: string;
  /** The call this step made, when it applied a call or recall: the hub tells it as it happens. */
  call?: QueueCall;
}

export interface Outcome {
  /** What became of the event passed in. */
  kind: OutcomeKind;
  reason: string;
  resyncNeeded: boolean;
  /** Every event processed by this call, including buffered ones it released: feed the applied ones to the estimator. */
  steps: Step[];
}

export function applyEvent(state: QueueState, event: QueueEvent, now: number): { state: QueueState; outcome: Outcome } {
  const d = draftOf(state);
  const steps: Step[] = [];
  const verdict = admit(d, event, now, steps);
  expire(d, now, steps);
  const own = steps.find((s) => s.event === event);
  const outcome = { kind: own?.kind ?? verdict.kind, reason: own?.reason ?? verdict.reason, resyncNeeded: d.resyncNeeded, steps };
  return { state: d, outcome };
}

/**
 * Many events at once (a pushed batch, a catch-up): the same as applying them one by one, on one
 * copy of the state — copying the hall per event made 10,000 events take seconds.
 */
export function applyEvents(state: QueueState, events: readonly QueueEvent[], now: number): { state: QueueState; outcomes: Outcome[] } {
  const d = draftOf(state);
  const outcomes: Outcome[] = [];
  for (const event of events) {
    const steps: Step[] = [];
    const verdict = admit(d, event, now, steps);
    expire(d, now, steps);
    const own = steps.find((s) => s.event === event);
    outcomes.push({ kind: own?.kind ?? verdict.kind, reason: own?.reason ?? verdict.reason, resyncNeeded: d.resyncNeeded, steps });
  }
  return { state: d, outcomes };
}

/**
 * An event from outside the feed's numbering (a manual call through `POST /api/queue/call`):
 * applied at once, leaving the feed's seq untouched so its next event still follows on. Its `seq`
 * is ignored. A later snapshot from the feed overrides it, as it should: the feed is the truth.
 */
export function applyManual(state: QueueState, event: Exclude<QueueEvent, { type: 'snapshot' }>): { state: QueueState; outcome: Outcome } {
  const d = draftOf(state);
  const result = applyTransition(d, event);
  const steps: Step[] = [stepOf(event, result, '')];
  return { state: d, outcome: { kind: result.kind, reason: result.reason, resyncNeeded: d.resyncNeeded, steps } };
}

/** Gives up on a gap older than the reorder window; call it from a timer so a quiet feed cannot stall the board. */
export function tick(state: QueueState, now: number): { state: QueueState; outcome: { resyncNeeded: boolean; steps: Step[] } } {
  if (!gapExpired(state.config, state, now)) return { state, outcome: { resyncNeeded: state.resyncNeeded, steps: [] } };
  const d = draftOf(state);
  const steps: Step[] = [];
  expire(d, now, steps);
  return { state: d, outcome: { resyncNeeded: d.resyncNeeded, steps } };
}

function admit(d: QueueDraft, event: QueueEvent, now: number, steps: Step[]): { kind: OutcomeKind; reason: string } {
  const last = d.lastSeq;
  // The first event of a feed has nothing to be out of order with; a snapshot as of our own last
  // seq is the feed answering a resync request without news.
  if (last === null || event.seq === last + 1 || (event.type === 'snapshot' && event.seq >= last)) {
    run(d, event, steps, '');
    release(d, steps);
    return { kind: 'applied', reason: '' };
  }
  if (event.seq === last) return { kind: 'duplicate', reason: `seq ${event.seq} was already applied` };
  if (event.seq < last) {
    const why = event.type === 'snapshot' ? 'a snapshot older than events already applied' : 'too late: newer events were applied';
    return { kind: 'stale', reason: `seq ${event.seq} is older than the last applied seq ${last}: ${why}` };
  }
  if (d.buffer.some((b) => b.event.seq === event.seq)) return { kind: 'duplicate', reason: `seq ${event.seq} is already held for reordering` };
  const at = d.buffer.findIndex((b) => b.event.seq > event.seq);
  d.buffer.splice(at === -1 ? d.buffer.length : at, 0, { event, receivedAt: now });
  if (d.buffer.length > MAX_BUFFERED_EVENTS) {
    d.resyncNeeded = true;
    flush(d, steps, `reorder buffer over ${MAX_BUFFERED_EVENTS} events`);
  }
  return { kind: 'buffered', reason: `seq ${event.seq} arrived before seq ${last + 1}; held up to ${d.config.reorderWindowMs} ms for it` };
}

/** Applies buffered events that now follow on without a gap; a snapshot makes older ones moot. */
function release(d: QueueDraft, steps: Step[]): void {
  d.buffer = d.buffer.filter((b) => b.event.seq > d.lastSeq!);
  while (d.buffer[0] && d.buffer[0].event.seq === d.lastSeq! + 1) run(d, d.buffer.shift()!.event, steps, '');
}

function expire(d: QueueDraft, now: number, steps: Step[]): void {
  if (!gapExpired(d.config, d, now)) return;
  d.resyncNeeded = true;
  flush(d, steps, `not filled within ${d.config.reorderWindowMs} ms`);
}

/**
 * Applies everything held, in seq order, across the gaps: new calls must reach the board while
 * we wait for the snapshot that repairs whatever the missing events would have changed.
 */
function flush(d: QueueDraft, steps: Step[], why: string): void {
  const held = d.buffer;
  d.buffer = [];
  for (const { event } of held) {
    const gap = event.seq > d.lastSeq! + 1 ? ` (seq ${d.lastSeq! + 1}–${event.seq - 1} missing, ${why}; resync needed)` : '';
    run(d, event, steps, gap);
  }
}

function run(d: QueueDraft, event: QueueEvent, steps: Step[], note: string): void {
  const result = event.type === 'snapshot' ? applySnapshot(d, event) : applyTransition(d, event);
  d.lastSeq = event.seq;
  steps.push(stepOf(event, result, note));
}

function stepOf(event: QueueEvent, result: Transition, note: string): Step {
  return { event, kind: result.kind, reason: result.reason + note, ...(result.call ? { call: result.call } : {}) };
}

function gapExpired(config: QueueConfig, s: Pick<QueueState, 'buffer'>, now: number): boolean {
  if (s.buffer.length === 0) return false;
  const oldest = Math.min(...s.buffer.map((b) => b.receivedAt));
  return now - oldest >= config.reorderWindowMs;
}
