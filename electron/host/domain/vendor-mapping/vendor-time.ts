/**
 * Vendor timestamps → what our event parser accepts (epoch ms, or ISO-8601 with an offset).
 * Chinese queue systems often send local wall time without a zone ("2026-12-01 10:17:03"); reading
 * that needs an offset the hall states, because guessing the player's own zone is how a board
 * ends up eight hours wrong on a machine set to UTC.
 */
import { type ConvertedValue, describeVendorValue, numberFromVendor } from './vendor-value.js';
import type { VendorTimeFormat } from '../../../contract/feed-config.js';

export const VENDOR_TIME_FORMATS: readonly VendorTimeFormat[] = ['epoch-ms', 'epoch-seconds', 'iso', 'local'];

const LOCAL_TIME = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})[ T](\d{1,2}):(\d{2})(?::(\d{2})(\.\d{1,9})?)?$/;
const OFFSET = /^(?:Z|[+-](?:[01]\d|2[0-3]):[0-5]\d)$/;

/** A fixed UTC offset ("+08:00", "Z"). China Standard Time is +08:00 all year, with no DST. */
export function isUtcOffset(text: unknown): text is string {
  return typeof text === 'string' && OFFSET.test(text);
}


/** `value` in a form parseQueueEvent reads; its own errors stay with it, ours name the mapping fix. */
export function convertVendorTime(value: unknown, format: VendorTimeFormat | undefined, offset: string | undefined): ConvertedValue {
  switch (format) {
    case undefined:
      if (typeof value === 'string' && LOCAL_TIME.test(value)) {
        return { ok: false, error: `is a local time without offset (${describeVendorValue(value)}): set mapping.timeFormat "local" and mapping.timezone "+08:00"` };
      }
      return { ok: true, value };
    case 'iso':
      return { ok: true, value };
    case 'epoch-ms':
      return { ok: true, value: numberFromVendor(value) };
    case 'epoch-seconds': {
      const seconds = numberFromVendor(value);
      if (typeof seconds !== 'number') return { ok: false, error: `must be epoch seconds (mapping.timeFormat is "epoch-seconds"), got ${describeVendorValue(value)}` };
      return { ok: true, value: Math.round(seconds * 1000) };
    }
    case 'local': {
      const m = typeof value === 'string' ? LOCAL_TIME.exec(value) : null;
      if (!m) return { ok: false, error: `must be a local time like "2026-12-01 10:17:03" (mapping.timeFormat is "local"), got ${describeVendorValue(value)}` };
      if (!isCalendarTime(m)) return { ok: false, error: `${describeVendorValue(value)} is not a real date and time` };
      const pad = (part: string | undefined): string => (part ?? '0').padStart(2, '0');
      return { ok: true, value: `${m[1]}-${pad(m[2])}-${pad(m[3])}T${pad(m[4])}:${m[5]}:${pad(m[6])}${m[7] ?? ''}${offset ?? ''}` };
    }
  }
}

/** Rejects 2026-02-30 and 25:00 here, where the message can still quote the vendor's own text. */
function isCalendarTime(m: RegExpExecArray): boolean {
  const [year, month, day, hour, minute, second] = [m[1], m[2], m[3], m[4], m[5], m[6] ?? '0'].map(Number) as [number, number, number, number, number, number];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCMonth() === month - 1 && date.getUTCDate() === day && hour < 24 && minute < 60 && second < 60;
}
