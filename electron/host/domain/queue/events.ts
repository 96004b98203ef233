/**
 * The one queue event schema every feed speaks (the built-in simulator, a vendor's queue system
 * through an adapter), and its parser from untrusted JSON. Documented for integrators in README.md
 * and as JSON Schema in queue-event.schema.json; a test keeps the parser and the schema in step.
 */
import { parseIsoInstant } from './iso-instant.js';
import type { QueueEvent, QueueEventType, SnapshotCounter, SnapshotTicket, SnapshotTicketState } from '../../../contract/queue-event.js';

// The event types live in the contract (node-free, shared); the queue code imports them from here.
export type { QueueEvent, QueueEventType, SnapshotCounter, SnapshotTicket, SnapshotTicketState };

export const QUEUE_EVENT_TYPES: readonly QueueEventType[] = [
  'ticket.issued',
  'ticket.called',
  'ticket.recalled',
  'ticket.served',
  'ticket.noshow',
  'counter.opened',
  'counter.closed',
  'snapshot',
];

const TICKET_ID = /^[A-Z]{1,3}\d{1,4}$/;
const SERVICE_ID = /^[A-Z]{1,3}$/;
const SNAPSHOT_STATES: readonly SnapshotTicketState[] = ['waiting', 'called', 'served', 'noshow'];
/** A real hall has tens of waiting tickets; this only stops a runaway feed from eating memory. */
const MAX_SNAPSHOT_ITEMS = 10_000;

/** The service a well-formed ticket id belongs to: its letters ("A023" → "A"). */
export function ticketPrefix(ticket: string): string {
  return /^[A-Z]*/.exec(ticket)![0];
}

export type ParsedEvent = { ok: true; event: QueueEvent } | { ok: false; error: string };

export function parseQueueEvent(raw: unknown): ParsedEvent {
  if (!isRecord(raw)) return { ok: false, error: `event must be a JSON object, got ${describe(raw)}` };
  const type = raw.type;
  if (typeof type !== 'string' || !(QUEUE_EVENT_TYPES as readonly string[]).includes(type)) {
    return { ok: false, error: `event: "type" must be one of ${QUEUE_EVENT_TYPES.join(', ')}, got ${describe(type)}` };
  }
  try {
    return { ok: true, event: readEvent(type as QueueEventType, new Fields(raw, '')) };
  } catch (error) {
    if (error instanceof FieldError) return { ok: false, error: `${type}: ${error.message}` };
    throw error;
  }
}

/**
 * One event or an array of them. Good events of a batch are kept and bad ones reported by index:
 * dropping one bad event leaves a seq gap the model can recover from, dropping the batch loses more.
 */
export function parseQueueEvents(raw: unknown, limit: number): { events: QueueEvent[]; errors: string[] } {
  if (!Array.isArray(raw)) {
    const one = parseQueueEvent(raw);
    return one.ok ? { events: [one.event], errors: [] } : { events: [], errors: [one.error] };
  }
  if (raw.length > limit) {
    return { events: [], errors: [`batch of ${raw.length} events is over the limit of ${limit}: send at most ${limit} per batch`] };
  }
  const events: QueueEvent[] = [];
  const errors: string[] = [];
  raw.forEach((item, index) => {
    const one = parseQueueEvent(item);
    if (one.ok) events.push(one.event);
    else errors.push(`[${index}] ${one.error}`);
  });
  return { events, errors };
}

function readEvent(type: QueueEventType, f: Fields): QueueEvent {
  const seq = f.seq('seq');
  const at = f.instant('at');
  switch (type) {
    case 'ticket.issued': {
      const ticket = f.ticket('ticket');
      return { type, seq, at, ticket, service: f.serviceOf('service', ticket) };
    }
    case 'ticket.called':
    case 'ticket.recalled':
      return { type, seq, at, ticket: f.ticket('ticket'), counter: f.counter('counter') };
    case 'ticket.served': {
      const counter = f.optional('counter', () => f.counter('counter'));
      return { type, seq, at, ticket: f.ticket('ticket'), ...(counter === undefined ? {} : { counter }) };
    }
    case 'ticket.noshow':
      return { type, seq, at, ticket: f.ticket('ticket') };
    case 'counter.opened': {
      const services = f.optional('services', () => f.services('services'));
      return { type, seq, at, counter: f.counter('counter'), ...(services === undefined ? {} : { services }) };
    }
    case 'counter.closed':
      return { type, seq, at, counter: f.counter('counter') };
    case 'snapshot':
      return { type, seq, at, counters: f.list('counters', readSnapshotCounter), tickets: f.list('tickets', readSnapshotTicket) };
  }
}

function readSnapshotCounter(f: Fields): SnapshotCounter {
  const open = f.boolean('open');
  const services = f.optional('services', () => f.services('services'));
  const serving = f.has('serving') && f.raw('serving') !== null ? f.ticket('serving') : null;
  return { counter: f.counter('counter'), open, ...(services === undefined ? {} : { services }), serving };
}

function readSnapshotTicket(f: Fields): SnapshotTicket {
  const ticket = f.ticket('ticket');
  const service = f.serviceOf('service', ticket);
  const state = f.oneOf('state', SNAPSHOT_STATES);
  const issuedAt = f.instant('issuedAt');
  const calledAt = f.optional('calledAt', () => f.instant('calledAt'));
  const counter = state === 'called' ? f.counter('counter') : f.optional('counter', () => f.counter('counter'));
  return { ticket, service, state, issuedAt, ...(calledAt === undefined ? {} : { calledAt }), ...(counter === undefined ? {} : { counter }) };
}

class FieldError extends Error {}

/** Reads the fields of one JSON object; `path` prefixes names inside a snapshot ("tickets[2]."). */
class Fields {
  constructor(
    private readonly record: Record<string, unknown>,
    private readonly path: string,
  ) {}

  has(name: string): boolean {
    return this.record[name] !== undefined;
  }

  raw(name: string): unknown {
    return this.record[name];
  }

  optional<T>(name: string, read: () => T): T | undefined {
    return this.has(name) ? read() : undefined;
  }

  seq(name: string): number {
    return this.check(name, 'a non-negative integer', (v) => (Number.isSafeInteger(v) && (v as number) >= 0 ? (v as number) : undefined));
  }

  instant(name: string): number {
    return this.check(name, 'epoch milliseconds or an ISO-8601 time with offset ("2026-12-01T09:00:00+08:00")', (v) => {
      const ms = typeof v === 'string' ? parseIsoInstant(v) : v;
      return Number.isSafeInteger(ms) && (ms as number) >= 0 ? (ms as number) : undefined;
    });
  }

  counter(name: string): number {
    return this.check(name, 'an integer 1–999', (v) => (Number.isInteger(v) && (v as number) >= 1 && (v as number) <= 999 ? (v as number) : undefined));
  }

  ticket(name: string): string {
    return this.check(name, 'a ticket id: 1–3 letters then 1–4 digits ("A023")', (v) => {
      const id = typeof v === 'string' ? v.toUpperCase() : undefined;
      return id !== undefined && TICKET_ID.test(id) ? id : undefined;
    });
  }

  service(name: string): string {
    return this.check(name, 'a service id of 1–3 letters ("A")', (v) => {
      const id = typeof v === 'string' ? v.toUpperCase() : undefined;
      return id !== undefined && SERVICE_ID.test(id) ? id : undefined;
    });
  }

  /** The service of a ticket, which must be the ticket's letters: the board tells services apart by them. */
  serviceOf(name: string, ticket: string): string {
    const service = this.service(name);
    const prefix = ticketPrefix(ticket);
    if (service !== prefix) throw new FieldError(`"${this.path}${name}" must be the ticket's letters ("${prefix}" for "${ticket}"), got "${service}"`);
    return service;
  }

  services(name: string): string[] {
    const ids = this.check(name, 'a non-empty array of service ids (["A", "V"])', (v) =>
      Array.isArray(v) && v.length > 0 && v.length <= 26 && v.every((s) => typeof s === 'string' && SERVICE_ID.test(s.toUpperCase()))
        ? (v as string[]).map((s) => s.toUpperCase())
        : undefined,
    );
    return [...new Set(ids)];
  }

  boolean(name: string): boolean {
    return this.check(name, 'true or false', (v) => (typeof v === 'boolean' ? v : undefined));
  }

  oneOf<T extends string>(name: string, allowed: readonly T[]): T {
    return this.check(name, `one of ${allowed.join(', ')}`, (v) => (allowed.includes(v as T) ? (v as T) : undefined));
  }

  list<T>(name: string, read: (f: Fields) => T): T[] {
    const items = this.check(name, `an array of at most ${MAX_SNAPSHOT_ITEMS} objects`, (v) =>
      Array.isArray(v) && v.length <= MAX_SNAPSHOT_ITEMS ? (v as unknown[]) : undefined,
    );
    return items.map((item, i) => {
      const path = `${this.path}${name}[${i}]`;
      if (!isRecord(item)) throw new FieldError(`"${path}" must be an object, got ${describe(item)}`);
      return read(new Fields(item, `${path}.`));
    });
  }

  private check<T>(name: string, expected: string, accept: (value: unknown) => T | undefined): T {
    const value = this.record[name];
    const field = `"${this.path}${name}"`;
    if (value === undefined) throw new FieldError(`${field} is required: ${expected}`);
    const accepted = accept(value);
    if (accepted === undefined) throw new FieldError(`${field} must be ${expected}, got ${describe(value)}${hint(value)}`);
    return accepted;
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The offending value, short enough for a log line even when a feed sends a novel. */
function describe(value: unknown): string {
  if (Array.isArray(value)) return 'an array';
  if (value === null) return 'null';
  if (typeof value === 'object') return 'an object';
  if (typeof value === 'string') return value.length > 24 ? `${JSON.stringify(value.slice(0, 20))}… (${value.length} characters)` : JSON.stringify(value);
  return String(value);
}

function hint(value: unknown): string {
  if (typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value))) return ' (a string: send it as a JSON number)';
  return '';
}
