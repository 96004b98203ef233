/**
 * Log fields that hold an instant get the hall's local time beside them: `"next":1796614200000`
 * gains `"nextLocal":"2026-12-07 14:00:00 +08:00"`. The instant stays as it was (tools read it);
 * the local time is for the person on the phone with the hall, whose clock is the schedule's zone,
 * not the machine's (often UTC).
 *
 * An instant is a field named next, at, since, from, to, expected, now or …At, holding epoch
 * milliseconds or an ISO time in UTC.
 */
import type { Log } from '../../ports.js';
import { formatLocalStamp } from '../../domain/time/local-format.js';
import type { TimeZone } from '../../domain/time/time-zone.js';

const INSTANT_NAMES = new Set(['next', 'at', 'since', 'from', 'to', 'expected', 'now']);
// 2001 to 5138: epoch milliseconds, not seconds, counts or durations.
const EPOCH_MS = { min: 1e12, max: 1e14 };
const ISO_UTC = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?Z$/;

function instantOf(name: string, value: unknown): number | null {
  if (!INSTANT_NAMES.has(name) && !/[a-z]At$/.test(name)) return null;
  if (typeof value === 'number') return Number.isFinite(value) && value >= EPOCH_MS.min && value < EPOCH_MS.max ? value : null;
  if (typeof value === 'string' && ISO_UTC.test(value)) return Date.parse(value);
  return null;
}

/** `fields` with `NAMELocal` after each instant; the same object when there is none, or no zone yet. */
export function withLocalTimes(fields: Record<string, unknown>, zone: TimeZone | null): Record<string, unknown> {
  if (!zone) return fields;
  const merged: Record<string, unknown> = {};
  let added = false;
  for (const [name, value] of Object.entries(fields)) {
    merged[name] = value;
    const at = instantOf(name, value);
    if (at === null || `${name}Local` in fields) continue;
    merged[`${name}Local`] = formatLocalStamp(zone, at);
    added = true;
  }
  return added ? merged : fields;
}

/** A log that writes local times beside the instants in its fields, in the zone `zone()` names. */
export function localTimesLog(log: Log, zone: () => TimeZone | null): Log {
  return {
    info: (message, fields) => log.info(message, fields && withLocalTimes(fields, zone())),
    warn: (message, fields) => log.warn(message, fields && withLocalTimes(fields, zone())),
  };
}
