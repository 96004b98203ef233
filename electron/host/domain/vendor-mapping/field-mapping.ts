/**
 * Declarative mapping from a vendor's queue messages to our events: paths into the vendor JSON, a
 * table for its event type names, constants, and a few conversions (times, counter numbers). Pure;
 * every result goes through parseQueueEvent, so a mapping can never smuggle a bad event past it.
 * Documented for integrators with a worked example in README.md.
 */
import type { CompiledMapping } from './compiled-mapping.js';
import { parseQueueEvent, QUEUE_EVENT_TYPES, type QueueEvent } from '../queue/events.js';
import { MAX_EVENTS_PER_MESSAGE } from './limits.js';
import type { FieldMapping } from '../../../contract/feed-config.js';
import { checkMappingSettings } from './field-mapping-check.js';
import { mapVendorSnapshot } from './snapshot-mapping.js';
import { readVendorPath } from './vendor-path.js';
import { convertVendorTime } from './vendor-time.js';
import { compileTicketText, readTicket } from './ticket-text.js';
import {
  counterFromVendor,
  DEFAULT_COUNTER_PATTERN,
  describeVendorValue,
  numberFromVendor,
  servicesFromVendor,
  ticketLetters,
  withoutUndefined,
} from './vendor-value.js';

/** Our event fields a mapping can point at a vendor path. */
export const MAPPED_FIELDS = ['type', 'seq', 'at', 'ticket', 'counter', 'service', 'services'] as const;

/** A mapping checked once at start, so each message only pays for the mapping itself. */
export type CompiledMappingResult = { ok: true; mapping: CompiledMapping } | { ok: false; errors: string[] };

export function compileFieldMapping(mapping: FieldMapping): CompiledMappingResult {
  const errors = checkMappingSettings(mapping);
  if (errors.length > 0) return { ok: false, errors };
  return {
    ok: true,
    mapping: {
      fields: mapping,
      counterPattern: mapping.counterPattern === undefined ? DEFAULT_COUNTER_PATTERN : new RegExp(mapping.counterPattern),
      numbersOnArrival: mapping.seq === undefined,
      ticketText: compileTicketText(mapping),
      openCountersOnCall: mapping.openCountersOnCall ?? !sendsCounterOpened(mapping),
    },
  };
}

function sendsCounterOpened(mapping: FieldMapping): boolean {
  if (mapping.constants?.type === 'counter.opened') return true;
  if (mapping.types === undefined) return mapping.type !== undefined; // the vendor sends our type names, counter.opened among them
  return Object.values(mapping.types).some((ours) => ours === 'counter.opened' || ours === 'snapshot');
}

/** One problem of one message: `index` is the vendor event's place in the message's list, if any. */
export interface EventProblem {
  index: number | null;
  error: string;
}

export interface MappedMessage {
  events: QueueEvent[];
  problems: EventProblem[];
  /** Vendor events whose type the mapping ignores (`types: { "PING": null }`). */
  ignored: number;
}

/**
 * Our events from one parsed vendor message. Without a mapping the message must be our schema
 * already. Good events of a list are kept and bad ones reported: dropping one leaves a seq gap the
 * board recovers from with a snapshot, dropping the list loses more. Events numbered on arrival
 * carry seq 0 here; the feed stamps them once it knows which ones it delivers.
 */
export function mapMessage(message: unknown, mapping: CompiledMapping | undefined, receivedAt: number): MappedMessage {
  const list = vendorEventList(message, mapping);
  if (!list.ok) return { events: [], problems: [{ index: null, error: list.error }], ignored: 0 };
  if (list.items.length > MAX_EVENTS_PER_MESSAGE) {
    const error = `${list.items.length} events in one message, over the limit of ${MAX_EVENTS_PER_MESSAGE}: point the feed at recent events only`;
    return { events: [], problems: [{ index: null, error }], ignored: 0 };
  }
  const result: MappedMessage = { events: [], problems: [], ignored: 0 };
  list.items.forEach((item, i) => {
    const one = mapping ? mapVendorEvent(item, mapping, receivedAt) : parseQueueEvent(item);
    if ('ignored' in one) result.ignored += 1;
    else if (one.ok) result.events.push(one.event);
    else result.problems.push({ index: list.single ? null : i, error: one.error });
  });
  return result;
}

type VendorEventList = { ok: true; items: unknown[]; single: boolean } | { ok: false; error: string };

function vendorEventList(message: unknown, mapping: CompiledMapping | undefined): VendorEventList {
  const path = mapping?.fields.events;
  if (path === undefined) return Array.isArray(message) ? { ok: true, items: message, single: false } : { ok: true, items: [message], single: true };
  const items = readVendorPath(message, path);
  if (!Array.isArray(items)) return { ok: false, error: `mapping.events "${path}" is not a list in this message (found ${describeVendorValue(items)})` };
  return { ok: true, items, single: false };
}

type MappedEvent = { ok: true; event: QueueEvent } | { ok: false; error: string } | { ignored: true };

function mapVendorEvent(item: unknown, mapping: CompiledMapping, receivedAt: number): MappedEvent {
  const fields = mapping.fields;
  const type = eventType(item, fields);
  if (type.ignored) return { ignored: true };
  if (!type.ok) return type;
  if (type.value === 'snapshot') return mapVendorSnapshot(item, mapping, receivedAt);
  if (!(QUEUE_EVENT_TYPES as readonly unknown[]).includes(type.value)) {
    // Checked before any conversion: a wrong type explains every other complaint about the event.
    const parsed = parseQueueEvent({ type: type.value });
    return { ok: false, error: (parsed.ok ? '' : parsed.error) + fromVendor(fields, 'type') };
  }

  const constants = fields.constants ?? {};
  const read = (name: (typeof MAPPED_FIELDS)[number]): unknown => {
    const path = fields[name];
    const value = path === undefined ? undefined : readVendorPath(item, path);
    return value ?? (constants as Record<string, unknown>)[name];
  };
  const raw: Record<string, unknown> = { type: type.value, seq: mapping.numbersOnArrival ? 0 : numberFromVendor(read('seq')) };

  const at = fields.at === undefined ? { ok: true as const, value: receivedAt } : convertVendorTime(read('at'), fields.timeFormat, fields.timezone);
  if (!at.ok) return { ok: false, error: `${type.value}: "at" ${at.error}${fromVendor(fields, 'at')}` };
  raw.at = at.value;

  let ticket: unknown;
  if (type.value !== 'counter.opened' && type.value !== 'counter.closed') {
    const read = readTicket(item, fields.ticket, mapping.ticketText);
    // Before the first call of the day many systems show "----" where the ticket goes: nothing happened.
    if ('placeholder' in read) return { ignored: true };
    if (!read.ok) return { ok: false, error: `${type.value}: ${read.error}` };
    ticket = read.ticket;
  }
  raw.ticket = ticket;
  const counter = counterFromVendor(read('counter'), mapping.counterPattern);
  if (!counter.ok) return { ok: false, error: `${type.value}: "counter" ${counter.error}${fromVendor(fields, 'counter')}` };
  raw.counter = counter.value;
  raw.service = read('service') ?? ticketLetters(ticket);
  raw.services = servicesFromVendor(read('services'));

  const parsed = parseQueueEvent(withoutUndefined(raw));
  if (parsed.ok) return parsed;
  const field = /^[\w.]+: "(\w+)"/.exec(parsed.error)?.[1];
  return { ok: false, error: parsed.error + fromVendor(fields, field) };
}

type EventTypeResult = { ok: true; value: unknown; ignored?: false } | { ok: false; error: string; ignored?: false } | { ignored: true };

function eventType(item: unknown, fields: FieldMapping): EventTypeResult {
  const vendorType = fields.type === undefined ? undefined : readVendorPath(item, fields.type);
  if (vendorType === undefined || fields.types === undefined) return { ok: true, value: vendorType ?? fields.constants?.type };
  const key = typeof vendorType === 'string' || typeof vendorType === 'number' ? String(vendorType) : undefined;
  if (key === undefined || !Object.hasOwn(fields.types, key)) {
    const error = `vendor type ${describeVendorValue(vendorType)} (from "${fields.type}") is not in mapping.types: add it, or map it to null to ignore such messages`;
    return { ok: false, error };
  }
  const ours = fields.types[key];
  return ours === null || ours === undefined ? { ignored: true } : { ok: true, value: ours };
}

/** Names the vendor path behind a field the parser complained about: the hall fixes the mapping there. */
export function fromVendor(fields: FieldMapping, field: string | undefined): string {
  const path = field === undefined ? undefined : (fields as Record<string, unknown>)[field];
  return typeof path === 'string' ? ` (vendor field "${path}")` : '';
}
