/**
 * One in-order event applied to the hall (everything but snapshots): the ticket and counter rules.
 * Every outcome carries a sentence for the log, because "why does the board show that" is the
 * question a hall manager asks first.
 */
import type { QueueEvent } from './events.js';
import { ticketPrefix } from './events.js';
import type { QueueCall } from './queue-call.js';
import {
  configuredServicesOf,
  isConfiguredService,
  pushRecentCall,
  type CounterState,
  type QueueDraft,
  type TicketState,
} from './queue-state.js';

export type TransitionKind = 'applied' | 'duplicate' | 'rejected';
export interface Transition {
  kind: TransitionKind;
  reason: string;
  /** The call this transition made (a call or recall applied), as the board lists it. */
  call?: QueueCall;
}

export type FeedEvent = Exclude<QueueEvent, { type: 'snapshot' }>;

export function applyTransition(d: QueueDraft, e: FeedEvent): Transition {
  switch (e.type) {
    case 'ticket.issued':
      return issue(d, e.ticket, e.service, e.at);
    case 'ticket.called':
      return call(d, e.ticket, e.counter, e.at, false);
    case 'ticket.recalled':
      return call(d, e.ticket, e.counter, e.at, true);
    case 'ticket.served':
      return finish(d, e.ticket, e.counter, 'served');
    case 'ticket.noshow':
      return finish(d, e.ticket, undefined, 'did not come (no-show)');
    case 'counter.opened':
      return open(d, e.counter, e.services);
    case 'counter.closed':
      return close(d, e.counter);
  }
}

function issue(d: QueueDraft, ticket: string, service: string, at: number): Transition {
  if (!isConfiguredService(d.config, service)) return rejected(`unknown service "${service}" (configured: ${serviceList(d)})`);
  const earlier = d.tickets.get(ticket);
  if (earlier?.status === 'waiting' && earlier.issuedAt === at) return { kind: 'duplicate', reason: `${ticket} was already issued at this time` };
  // Ticket numbers restart every day: a new issue is fresher news than an old ticket nobody closed.
  if (earlier) release(d, earlier);
  d.tickets.set(ticket, { ticket, service, status: 'waiting', issuedAt: at, calledAt: null, counter: null });
  return applied(`${ticket} issued${earlier ? ` (replaces an earlier ${ticket} still ${earlier.status})` : ''}`);
}

function call(d: QueueDraft, ticket: string, counterId: number, at: number, recall: boolean): Transition {
  const counter = d.counters.get(counterId);
  if (!counter) return rejected(`unknown counter ${counterId} (configured: ${counterList(d)})`);
  const known = d.tickets.get(ticket);
  const calledHere = known?.status === 'called' && known.counter === counterId;
  if (calledHere && recall) {
    const made: QueueCall = { ticket, counter: counterId, at, service: known.service, recall: true };
    pushRecentCall(d, made);
    return { ...applied(`${ticket} recalled at counter ${counterId}`), call: made };
  }
  if (calledHere) return { kind: 'duplicate', reason: `${ticket} is already called at counter ${counterId}; calling again takes a ticket.recalled` };

  const service = known?.service ?? ticketPrefix(ticket);
  // Many queue systems only report calls, so a call is enough to learn of a ticket, if we can
  // tell its service; anything else is a typo or a foreign hall's feed.
  if (!known && !isConfiguredService(d.config, service)) {
    return rejected(`${ticket} was never issued and its prefix "${service}" is no configured service (${serviceList(d)})`);
  }
  const notes: string[] = [];
  if (recall) notes.push('a recall of a ticket not called there, taken as a call');
  if (known?.status === 'called' && known.counter !== null) notes.push(`moved from counter ${known.counter}`);
  if (known) release(d, known);
  const previous = counter.serving !== null && counter.serving !== ticket ? d.tickets.get(counter.serving) : undefined;
  // Feeds that never send `served` only tell us a customer is done by calling the next one.
  if (previous?.status === 'called' && previous.counter === counterId) {
    d.tickets.delete(previous.ticket);
    notes.push(`${previous.ticket} taken as done`);
  }
  // Opening is a staffing fact only counter.opened or a snapshot states; a supervisor finishing a
  // customer at a closed desk must not make the board invite the queue there. A hall whose queue
  // system reports calls only says so (openCountersOnCall): there, a call is the only sign of staff.
  let opened: Partial<CounterState> = {};
  if (!counter.open && d.config.openCountersOnCall) {
    opened = { open: true, services: configuredServicesOf(d.config, counterId) };
    notes.push(`counter ${counterId} opened by this call`);
  } else if (!counter.open) notes.push(`counter ${counterId} is closed and stays closed`);
  d.tickets.set(ticket, { ticket, service, status: 'called', issuedAt: known?.issuedAt ?? null, calledAt: at, counter: counterId });
  setCounter(d, { ...d.counters.get(counterId)!, ...opened, serving: ticket });
  const made: QueueCall = { ticket, counter: counterId, at, service, recall };
  pushRecentCall(d, made);
  return { ...applied(`${ticket} ${recall ? 'recalled' : 'called'} at counter ${counterId}${notes.length ? ` (${notes.join('; ')})` : ''}`), call: made };
}

function finish(d: QueueDraft, ticket: string, counterId: number | undefined, what: string): Transition {
  if (counterId !== undefined && !d.counters.has(counterId)) return rejected(`unknown counter ${counterId} (configured: ${counterList(d)})`);
  const known = d.tickets.get(ticket);
  if (!known) return rejected(`${ticket} is not waiting or called (never issued, or already done)`);
  release(d, known);
  d.tickets.delete(ticket);
  const where = known.counter !== null ? ` at counter ${known.counter}` : ' without being called';
  const mismatch = counterId !== undefined && counterId !== known.counter ? ` (the feed says counter ${counterId})` : '';
  return applied(`${ticket} ${what}${where}${mismatch}`);
}

function open(d: QueueDraft, counterId: number, services: string[] | undefined): Transition {
  const counter = d.counters.get(counterId);
  if (!counter) return rejected(`unknown counter ${counterId} (configured: ${counterList(d)})`);
  const unknown = (services ?? []).filter((s) => !isConfiguredService(d.config, s));
  if (unknown.length) return rejected(`counter ${counterId} cannot open for unknown service ${unknown.join(', ')} (configured: ${serviceList(d)})`);
  const next = services ?? configuredServicesOf(d.config, counterId);
  if (counter.open && sameServices(counter.services, next)) return { kind: 'duplicate', reason: `counter ${counterId} is already open` };
  setCounter(d, { ...counter, open: true, services: next });
  return applied(`counter ${counterId} open for ${next.join(', ')}`);
}

function close(d: QueueDraft, counterId: number): Transition {
  const counter = d.counters.get(counterId);
  if (!counter) return rejected(`unknown counter ${counterId} (configured: ${counterList(d)})`);
  if (!counter.open) return { kind: 'duplicate', reason: `counter ${counterId} is already closed` };
  const last = counter.serving !== null ? d.tickets.get(counter.serving) : undefined;
  // Closing ends the last service even when the feed never said `served`.
  if (last?.status === 'called' && last.counter === counterId) d.tickets.delete(last.ticket);
  setCounter(d, { ...counter, open: false, serving: null });
  return applied(`counter ${counterId} closed${last ? ` (${last.ticket} taken as done)` : ''}`);
}

/** The counter that was serving this ticket (if any) stops; it may already have called another. */
function release(d: QueueDraft, t: TicketState): void {
  if (t.counter === null) return;
  const counter = d.counters.get(t.counter);
  if (counter?.serving === t.ticket) setCounter(d, { ...counter, serving: null });
}

function setCounter(d: QueueDraft, counter: CounterState): void {
  d.counters.set(counter.id, counter);
}

function sameServices(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((s) => b.includes(s));
}

function serviceList(d: QueueDraft): string {
  return d.config.services.map((s) => s.id).join(', ');
}

function counterList(d: QueueDraft): string {
  return [...d.counters.keys()].sort((a, b) => a - b).join(', ');
}

function applied(reason: string): Transition {
  return { kind: 'applied', reason };
}

function rejected(reason: string): Transition {
  return { kind: 'rejected', reason };
}
