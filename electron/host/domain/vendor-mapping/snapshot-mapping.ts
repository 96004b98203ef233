/**
 * The vendor's full queue state → our `snapshot` event: the answer of `snapshotUrl`, a poll in
 * snapshot mode, or a state message inside the stream (`types: { "STATE": "snapshot" }`). Pure.
 * Paths inside counters and tickets default to our own field names, so a vendor whose state is
 * close to ours needs only the list paths.
 */
import { parseQueueEvent, type QueueEvent } from '../queue/events.js';
import { MAX_EVENTS_PER_MESSAGE } from './limits.js';
import type { SnapshotCounterPaths, SnapshotMapping, SnapshotTicketPaths } from '../../../contract/feed-config.js';
import type { CompiledMapping } from './compiled-mapping.js';
import { readVendorPath } from './vendor-path.js';
import { convertVendorTime } from './vendor-time.js';
import { isPlaceholder, ticketValue } from './ticket-text.js';
import {
  counterFromVendor,
  describeVendorValue,
  numberFromVendor,
  servicesFromVendor,
  ticketLetters,
  withoutUndefined,
} from './vendor-value.js';

export type SnapshotEvent = Extract<QueueEvent, { type: 'snapshot' }>;

export type MappedSnapshot = { ok: true; event: SnapshotEvent } | { ok: false; error: string };

/** A snapshot from a parsed response: mapped by `mapping.snapshot`, or already our snapshot event. */
export function mapSnapshot(raw: unknown, mapping: CompiledMapping | undefined, receivedAt: number): MappedSnapshot {
  if (mapping?.fields.snapshot !== undefined) return mapVendorSnapshot(raw, mapping, receivedAt);
  const parsed = parseQueueEvent(raw);
  if (!parsed.ok) return parsed;
  if (parsed.event.type !== 'snapshot') return { ok: false, error: `expected a snapshot event, got ${parsed.event.type} (or set mapping.snapshot)` };
  return { ok: true, event: parsed.event };
}

class SnapshotMappingError extends Error {}

/** Our snapshot from a vendor state object; seq 0 when the feed numbers on arrival (it stamps it). */
export function mapVendorSnapshot(raw: unknown, mapping: CompiledMapping, receivedAt: number): MappedSnapshot {
  const paths = mapping.fields.snapshot ?? {};
  const reader = new VendorStateReader(mapping);
  try {
    const at = paths.at === undefined ? receivedAt : reader.time(readVendorPath(raw, paths.at), 'at');
    const counters = reader.list(raw, paths.counters, 'counters').map((item, i) => reader.counter(item, paths.counter ?? {}, `counters[${i}]`));
    const tickets = reader
      .list(raw, paths.tickets, 'tickets')
      .map((item, i) => reader.ticket(item, paths, at, `tickets[${i}]`))
      .filter((ticket): ticket is Record<string, unknown> => ticket !== null);
    const seq = mapping.numbersOnArrival ? 0 : numberFromVendor(readVendorPath(raw, paths.seq ?? 'seq'));
    const parsed = parseQueueEvent(withoutUndefined({ type: 'snapshot', seq, at, counters, tickets }));
    if (!parsed.ok) return parsed;
    return { ok: true, event: parsed.event as SnapshotEvent };
  } catch (error) {
    if (error instanceof SnapshotMappingError) return { ok: false, error: `snapshot: ${error.message}` };
    throw error;
  }
}

/** Reads counters and tickets of one vendor state, throwing SnapshotMappingError with the item's place. */
class VendorStateReader {
  constructor(private readonly mapping: CompiledMapping) {}

  list(raw: unknown, path: string | undefined, name: string): unknown[] {
    if (path === undefined) return [];
    const found = readVendorPath(raw, path);
    // A one-window display view answers its window as an object, not a list of one.
    const items = name === 'counters' && typeof found === 'object' && found !== null && !Array.isArray(found) ? [found] : found;
    if (!Array.isArray(items)) throw new SnapshotMappingError(`mapping.snapshot.${name} "${path}" is not a list in this state (found ${describeVendorValue(items)})`);
    if (items.length > MAX_EVENTS_PER_MESSAGE) throw new SnapshotMappingError(`${items.length} ${name}, over the limit of ${MAX_EVENTS_PER_MESSAGE}`);
    return items;
  }

  time(value: unknown, where: string): unknown {
    const converted = convertVendorTime(value, this.mapping.fields.timeFormat, this.mapping.fields.timezone);
    if (!converted.ok) throw new SnapshotMappingError(`"${where}" ${converted.error}`);
    return converted.value;
  }

  counterNumber(value: unknown, where: string): unknown {
    if (value === null || value === '') return undefined;
    const converted = counterFromVendor(value, this.mapping.counterPattern);
    if (!converted.ok) throw new SnapshotMappingError(`"${where}" ${converted.error}`);
    return converted.value;
  }

  counter(item: unknown, paths: SnapshotCounterPaths, where: string): Record<string, unknown> {
    const read = (field: keyof SnapshotCounterPaths): unknown => readVendorPath(item, paths[field] ?? field);
    const serving = read('serving');
    return withoutUndefined({
      counter: this.counterNumber(read('counter'), `${where}.counter`),
      open: openFlag(read('open')),
      serving: serving === undefined ? null : ticketValue(serving, this.mapping.ticketText),
      services: servicesFromVendor(read('services')),
    });
  }

  /** Null for a placeholder row ("----" before the first ticket of the day). */
  ticket(item: unknown, snapshot: SnapshotMapping, at: unknown, where: string): Record<string, unknown> | null {
    const paths = snapshot.ticket ?? {};
    const read = (field: keyof SnapshotTicketPaths): unknown => readVendorPath(item, paths[field] ?? field);
    const vendorTicket = read('ticket');
    if (isPlaceholder(vendorTicket, this.mapping.ticketText)) return null;
    const ticket = ticketValue(vendorTicket, this.mapping.ticketText);
    const issuedAt = read('issuedAt');
    const calledAt = read('calledAt');
    return withoutUndefined({
      ticket,
      service: read('service') ?? ticketLetters(ticket),
      state: this.state(read('state'), snapshot, paths.state ?? 'state'),
      issuedAt: issuedAt === undefined ? at : this.time(issuedAt, `${where}.issuedAt`),
      calledAt: calledAt === undefined || calledAt === null ? undefined : this.time(calledAt, `${where}.calledAt`),
      counter: this.counterNumber(read('counter'), `${where}.counter`),
    });
  }

  private state(value: unknown, snapshot: SnapshotMapping, path: string): unknown {
    if (value === undefined) return 'waiting';
    if (snapshot.states === undefined) return value;
    const key = typeof value === 'string' || typeof value === 'number' ? String(value) : undefined;
    if (key !== undefined && Object.hasOwn(snapshot.states, key)) return snapshot.states[key];
    throw new SnapshotMappingError(`vendor ticket state ${describeVendorValue(value)} (from "${path}") is not in mapping.snapshot.states: add it`);
  }
}

const OPEN: ReadonlyMap<unknown, boolean> = new Map<unknown, boolean>([
  [true, true],
  [1, true],
  ['1', true],
  ['true', true],
  [false, false],
  [0, false],
  ['0', false],
  ['false', false],
]);

/** Nothing there means open: a vendor that lists only staffed counters has no flag at all. */
function openFlag(value: unknown): unknown {
  if (value === undefined) return true;
  return OPEN.get(value) ?? value;
}
