/**
 * Checks a hall's mapping once, when the feed is created: a typo in a config file should stop the
 * feed with a sentence naming the setting, not surface later as every message failing.
 */
import { QUEUE_EVENT_TYPES } from '../queue/events.js';
import type { FieldMapping } from '../../../contract/feed-config.js';
import { isVendorPath } from './vendor-path.js';
import { isUtcOffset, VENDOR_TIME_FORMATS } from './vendor-time.js';
import { describeVendorValue } from './vendor-value.js';
import { parseTicketFormat, rewritePatternProblem } from './ticket-text.js';

const PATH_SETTINGS = ['events', 'type', 'seq', 'at', 'ticket', 'counter', 'service', 'services'];
const MAPPING_SETTINGS = [...PATH_SETTINGS, 'types', 'constants', 'timeFormat', 'timezone', 'counterPattern', 'snapshot', 'ticketParts', 'ticketFormat', 'ticketRewrite', 'placeholders', 'openCountersOnCall'];
const CONSTANTS = ['type', 'counter', 'service', 'services'];
const SNAPSHOT_SETTINGS = ['seq', 'at', 'counters', 'counter', 'tickets', 'ticket', 'states'];
const SNAPSHOT_COUNTER_PATHS = ['counter', 'open', 'serving', 'services'];
const SNAPSHOT_TICKET_PATHS = ['ticket', 'service', 'state', 'issuedAt', 'calledAt', 'counter'];
const SNAPSHOT_STATES = ['waiting', 'called', 'served', 'noshow'];

/** Every problem of the mapping, each naming the setting and what it should be; empty when fine. */
export function checkMappingSettings(mapping: FieldMapping): string[] {
  const m = mapping as unknown as Record<string, unknown>;
  if (!isRecord(m)) return [`mapping must be an object, got ${describeVendorValue(m)}`];
  const errors = [...unknownSettings(m, MAPPING_SETTINGS, 'mapping'), ...paths(m, PATH_SETTINGS, 'mapping')];

  const types = m.types;
  if (types !== undefined) {
    if (!isRecord(types)) errors.push(`mapping.types must be an object like { "CALL": "ticket.called" }, got ${describeVendorValue(types)}`);
    else {
      for (const [vendor, ours] of Object.entries(types)) {
        if (ours !== null && !(QUEUE_EVENT_TYPES as readonly unknown[]).includes(ours)) {
          errors.push(`mapping.types["${vendor}"] must be one of ${QUEUE_EVENT_TYPES.join(', ')} or null, got ${describeVendorValue(ours)}`);
        } else if (ours === 'snapshot' && m.snapshot === undefined) {
          errors.push(`mapping.types["${vendor}"] is "snapshot": add mapping.snapshot to say where its counters and tickets are`);
        }
      }
    }
  }

  const constants = m.constants;
  if (constants !== undefined && !isRecord(constants)) errors.push(`mapping.constants must be an object, got ${describeVendorValue(constants)}`);
  const constantType = isRecord(constants) ? constants.type : undefined;
  if (isRecord(constants)) {
    errors.push(...unknownSettings(constants, CONSTANTS, 'mapping.constants'));
    if (constantType !== undefined && !(QUEUE_EVENT_TYPES as readonly unknown[]).includes(constantType)) {
      errors.push(`mapping.constants.type must be one of ${QUEUE_EVENT_TYPES.join(', ')}, got ${describeVendorValue(constantType)}`);
    }
  }
  if (m.type === undefined && constantType === undefined) errors.push('mapping needs "type" (the path of the vendor\'s event type) or constants.type');

  if (m.timeFormat !== undefined && !(VENDOR_TIME_FORMATS as readonly unknown[]).includes(m.timeFormat)) {
    errors.push(`mapping.timeFormat must be one of ${VENDOR_TIME_FORMATS.join(', ')}, got ${describeVendorValue(m.timeFormat)}`);
  }
  if (m.timezone !== undefined && !isUtcOffset(m.timezone)) {
    errors.push(`mapping.timezone must be a UTC offset like "+08:00" (China Standard Time is +08:00 all year), got ${describeVendorValue(m.timezone)}`);
  }
  if (m.timeFormat === 'local' && m.timezone === undefined) {
    errors.push('mapping.timeFormat "local" needs mapping.timezone, the offset of those local times ("+08:00" in China)');
  }
  errors.push(...counterPatternProblems(m.counterPattern), ...ticketTextProblems(m));
  if (m.openCountersOnCall !== undefined && typeof m.openCountersOnCall !== 'boolean') {
    errors.push(`mapping.openCountersOnCall must be true or false, got ${describeVendorValue(m.openCountersOnCall)}`);
  }
  if (m.snapshot !== undefined) errors.push(...snapshotProblems(m.snapshot, m.seq !== undefined));
  return errors;
}

function counterPatternProblems(pattern: unknown): string[] {
  if (pattern === undefined) return [];
  if (typeof pattern !== 'string') return [`mapping.counterPattern must be a regular expression as a string, got ${describeVendorValue(pattern)}`];
  let groups: number;
  try {
    // A regular expression's group count: the number of captures of an empty-alternative match.
    groups = new RegExp(`${pattern}|`).exec('')!.length - 1;
  } catch (error) {
    return [`mapping.counterPattern is not a valid regular expression: ${(error as Error).message}`];
  }
  return groups < 1 ? [`mapping.counterPattern needs a group around the counter's digits, like "(\\\\d+)", got ${describeVendorValue(pattern)}`] : [];
}

function ticketTextProblems(m: Record<string, unknown>): string[] {
  const errors: string[] = [];
  const parts = m.ticketParts;
  if (parts !== undefined) {
    if (!isRecord(parts) || Object.keys(parts).length === 0) errors.push(`mapping.ticketParts must be an object of part name → vendor path, like { "prefix": "letter", "number": "no" }, got ${describeVendorValue(parts)}`);
    else errors.push(...paths(parts, Object.keys(parts), 'mapping.ticketParts'));
  }
  if (m.ticketFormat !== undefined) {
    const format = typeof m.ticketFormat === 'string' ? parseTicketFormat(m.ticketFormat) : undefined;
    if (format === undefined) errors.push(`mapping.ticketFormat must be text like "{prefix}{number:03}", got ${describeVendorValue(m.ticketFormat)}`);
    else if (!format.ok) errors.push(`mapping.ticketFormat ${format.error}`);
    else if (!isRecord(parts)) errors.push('mapping.ticketFormat needs mapping.ticketParts: the vendor paths of the parts it names');
    else {
      for (const piece of format.pieces) {
        if ('part' in piece && !Object.hasOwn(parts, piece.part)) errors.push(`mapping.ticketFormat names {${piece.part}}, which is not in mapping.ticketParts (known: ${Object.keys(parts).join(', ')})`);
      }
    }
    if (m.ticket !== undefined) errors.push('mapping.ticket and mapping.ticketFormat both say where the ticket is: keep one');
  } else if (parts !== undefined) errors.push('mapping.ticketParts needs mapping.ticketFormat, which says how the parts make a ticket ("{prefix}{number:03}")');
  const rewrite = m.ticketRewrite;
  if (rewrite !== undefined) {
    if (!isRecord(rewrite)) errors.push(`mapping.ticketRewrite must be { "pattern": …, "replacement": … }, got ${describeVendorValue(rewrite)}`);
    else {
      errors.push(...unknownSettings(rewrite, ['pattern', 'replacement'], 'mapping.ticketRewrite'));
      if (typeof rewrite.pattern !== 'string') errors.push(`mapping.ticketRewrite.pattern must be a regular expression as text, got ${describeVendorValue(rewrite.pattern)}`);
      else {
        const problem = rewritePatternProblem(rewrite.pattern);
        if (problem !== undefined) errors.push(`mapping.ticketRewrite.pattern ${problem}`);
      }
      const replacement = typeof rewrite.replacement === 'string' ? parseTicketFormat(rewrite.replacement) : undefined;
      if (replacement === undefined) errors.push(`mapping.ticketRewrite.replacement must be text like "{1}{2:03}" (groups of the pattern), got ${describeVendorValue(rewrite.replacement)}`);
      else if (!replacement.ok) errors.push(`mapping.ticketRewrite.replacement ${replacement.error}`);
    }
  }
  const placeholders = m.placeholders;
  if (placeholders !== undefined && (!Array.isArray(placeholders) || placeholders.some((p) => typeof p !== 'string'))) {
    errors.push(`mapping.placeholders must be a list of texts like ["----", "暂无"], got ${describeVendorValue(placeholders)}`);
  }
  return errors;
}

function snapshotProblems(snapshot: unknown, eventsHaveSeq: boolean): string[] {
  if (!isRecord(snapshot)) return [`mapping.snapshot must be an object, got ${describeVendorValue(snapshot)}`];
  const errors = [...unknownSettings(snapshot, SNAPSHOT_SETTINGS, 'mapping.snapshot'), ...paths(snapshot, ['seq', 'at', 'counters', 'tickets'], 'mapping.snapshot')];
  for (const [name, known] of [
    ['counter', SNAPSHOT_COUNTER_PATHS],
    ['ticket', SNAPSHOT_TICKET_PATHS],
  ] as const) {
    const inner = snapshot[name];
    if (inner === undefined) continue;
    if (!isRecord(inner)) errors.push(`mapping.snapshot.${name} must be an object of paths, got ${describeVendorValue(inner)}`);
    else errors.push(...unknownSettings(inner, known, `mapping.snapshot.${name}`), ...paths(inner, known, `mapping.snapshot.${name}`));
  }
  const states = snapshot.states;
  if (states !== undefined) {
    if (!isRecord(states)) errors.push(`mapping.snapshot.states must be an object like { "0": "waiting" }, got ${describeVendorValue(states)}`);
    else {
      for (const [vendor, ours] of Object.entries(states)) {
        if (!SNAPSHOT_STATES.includes(ours as string)) errors.push(`mapping.snapshot.states["${vendor}"] must be one of ${SNAPSHOT_STATES.join(', ')}, got ${describeVendorValue(ours)}`);
      }
    }
  }
  // Seqs from two sources cannot be compared: the board would drop live events or keep stale ones.
  if (eventsHaveSeq && snapshot.seq === undefined) {
    errors.push('mapping.snapshot.seq is needed when mapping.seq is set: the board uses it to tell which events the snapshot already reflects');
  }
  if (!eventsHaveSeq && snapshot.seq !== undefined) {
    errors.push('mapping.snapshot.seq needs mapping.seq too: without a vendor serial number on events, the player numbers events and snapshots itself');
  }
  return errors;
}

function unknownSettings(record: Record<string, unknown>, known: readonly string[], where: string): string[] {
  return Object.keys(record)
    .filter((key) => !known.includes(key))
    .map((key) => `${where}.${key} is not a setting (known: ${known.join(', ')})`);
}

function paths(record: Record<string, unknown>, names: readonly string[], where: string): string[] {
  return names
    .filter((name) => record[name] !== undefined && !isVendorPath(record[name]))
    .map((name) => `${where}.${name} must be a dotted path like "data.items", got ${describeVendorValue(record[name])}`);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
