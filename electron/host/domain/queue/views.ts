/** What the board and the floor staff read off the hall state; pure, cheap enough to run per frame. */
import type { QueueCall } from './queue-call.js';
import type { QueueState, TicketState } from './queue-state.js';

export interface ServingRow {
  counter: number;
  ticket: string | null;
  service: string | null;
  /** The ticket is of a priority service: the board marks it. */
  priority: boolean;
}

export interface WaitingRow {
  service: string;
  count: number;
  oldest: { ticket: string; issuedAt: number } | null;
}

export interface OverdueTicket {
  ticket: string;
  service: string;
  issuedAt: number;
  waitedMs: number;
}

/** Open counters by number, each with the ticket it serves or null. */
export function nowServing(state: QueueState): ServingRow[] {
  return [...state.counters.values()]
    .filter((c) => c.open)
    .sort((a, b) => a.id - b.id)
    .map((c) => {
      const service = c.serving === null ? null : (state.tickets.get(c.serving)?.service ?? null);
      const priority = service !== null && state.config.services.some((s) => s.id === service && s.priority === true);
      return { counter: c.id, ticket: c.serving, service, priority };
    });
}

export function recentCalls(state: QueueState): readonly QueueCall[] {
  return state.recentCalls;
}

/** Per configured service, in configuration order. */
export function waiting(state: QueueState): WaitingRow[] {
  const queued = waitingTickets(state);
  return state.config.services.map(({ id }) => {
    const mine = queued.filter((t) => t.service === id);
    const first = mine[0];
    return { service: id, count: mine.length, oldest: first ? { ticket: first.ticket, issuedAt: first.issuedAt } : null };
  });
}

/** Tickets waiting longer than the threshold, longest first: who floor staff should look after. */
export function overdue(state: QueueState, now: number, thresholdMs: number): OverdueTicket[] {
  return waitingTickets(state)
    .filter((t) => now - t.issuedAt > thresholdMs)
    .map((t) => ({ ticket: t.ticket, service: t.service, issuedAt: t.issuedAt, waitedMs: now - t.issuedAt }));
}

type WaitingTicket = TicketState & { issuedAt: number };

/** Oldest first; a waiting ticket always has an issue time (an issue event or a snapshot gave it). */
function waitingTickets(state: QueueState): WaitingTicket[] {
  return [...state.tickets.values()]
    .filter((t): t is WaitingTicket => t.status === 'waiting' && t.issuedAt !== null)
    .sort((a, b) => a.issuedAt - b.issuedAt || a.ticket.localeCompare(b.ticket));
}
