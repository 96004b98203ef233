/**
 * A snapshot replaces what we believe about the hall with what the feed's system knows, after we
 * missed events. Counters serve exactly what the snapshot says; recent calls survive only when the
 * snapshot agrees they happened, so a lost event can never leave a wrong call on the board.
 */
import { ticketPrefix, type QueueEvent, type SnapshotTicket } from './events.js';
import { configuredServicesOf, isConfiguredService, type CounterState, type QueueDraft, type TicketState } from './queue-state.js';
import type { QueueCall } from './queue-call.js';
import type { Transition } from './transitions.js';

type Snapshot = Extract<QueueEvent, { type: 'snapshot' }>;

export function applySnapshot(d: QueueDraft, e: Snapshot): Transition {
  const notes: string[] = [];
  const listed = new Map(e.tickets.map((t) => [t.ticket, t]));
  const tickets = new Map<string, TicketState>();
  let foreign = 0;
  for (const t of e.tickets) {
    if (t.state !== 'waiting' && t.state !== 'called') continue;
    if (!isConfiguredService(d.config, t.service) || (t.state === 'called' && !d.counters.has(t.counter!))) {
      foreign++;
      continue;
    }
    tickets.set(t.ticket, fromSnapshot(t));
  }
  if (foreign) notes.push(`${foreign} ticket(s) of unknown services or counters ignored`);

  const counters = new Map<number, CounterState>();
  for (const id of d.counters.keys()) {
    counters.set(id, { id, open: false, services: configuredServicesOf(d.config, id), serving: null });
  }
  for (const c of e.counters) {
    if (!counters.has(c.counter)) {
      notes.push(`unknown counter ${c.counter} ignored`);
      continue;
    }
    const listedServices = c.services ?? configuredServicesOf(d.config, c.counter);
    const services = listedServices.filter((s) => isConfiguredService(d.config, s));
    if (services.length < listedServices.length) notes.push(`counter ${c.counter}: unknown services ignored`);
    counters.set(c.counter, { id: c.counter, open: c.open, services, serving: c.serving });
    // The counter list is the authority on who serves what; make the ticket agree with it.
    const serving = c.serving === null ? undefined : tickets.get(c.serving);
    if (c.serving !== null && (serving?.status !== 'called' || serving.counter !== c.counter)) {
      const service = listed.get(c.serving)?.service ?? serving?.service ?? ticketPrefix(c.serving);
      tickets.set(c.serving, { ticket: c.serving, service, status: 'called', issuedAt: serving?.issuedAt ?? null, calledAt: serving?.calledAt ?? null, counter: c.counter });
    }
  }

  const callsBefore = d.recentCalls.length;
  const kept = d.recentCalls.filter((call) => stillTrue(call, listed.get(call.ticket), counters));
  d.tickets = tickets;
  d.counters = counters;
  d.recentCalls = kept;
  d.resyncNeeded = false;
  const waiting = [...tickets.values()].filter((t) => t.status === 'waiting').length;
  const open = [...counters.values()].filter((c) => c.open).length;
  const summary = `snapshot: ${waiting} waiting, ${tickets.size - waiting} called, ${open} of ${counters.size} counters open, kept ${kept.length} of ${callsBefore} recent calls`;
  return { kind: 'applied', reason: notes.length ? `${summary} (${notes.join('; ')})` : summary };
}

/**
 * A call stays on the board if the snapshot shows that ticket called at that counter, or served.
 * A ticket the snapshot does not list counts as served, because snapshots may leave done tickets
 * out; one it shows waiting, gone as a no-show, or called elsewhere proves the call stale.
 */
function stillTrue(call: QueueCall, listed: SnapshotTicket | undefined, counters: ReadonlyMap<number, CounterState>): boolean {
  if (counters.get(call.counter)?.serving === call.ticket) return true;
  const servingElsewhere = [...counters.values()].some((c) => c.serving === call.ticket);
  if (!listed) return !servingElsewhere;
  if (listed.state === 'served') return true;
  return listed.state === 'called' && listed.counter === call.counter && !servingElsewhere;
}

function fromSnapshot(t: SnapshotTicket): TicketState {
  return {
    ticket: t.ticket,
    service: t.service,
    status: t.state === 'called' ? 'called' : 'waiting',
    issuedAt: t.issuedAt,
    calledAt: t.calledAt ?? null,
    counter: t.state === 'called' ? (t.counter ?? null) : null,
  };
}
