/**
 * Reading single vendor values leniently where a mapping asks for it: vendors send numbers as
 * strings ("05", "1733019423") far more often than not, and a mapping exists to absorb such habits.
 */

const NUMERIC = /^\s*-?\d+(?:\.\d+)?\s*$/;

/** A number, or a numeric string as its number; anything else unchanged for the parser to reject. */
export function numberFromVendor(value: unknown): unknown {
  return typeof value === 'string' && NUMERIC.test(value) ? Number(value) : value;
}

/** A vendor value short enough for a log line, even when the vendor sends a novel. */
export function describeVendorValue(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (Array.isArray(value)) return 'a list';
  if (value === null) return 'null';
  if (typeof value === 'object') return 'an object';
  if (typeof value === 'string') return value.length > 40 ? `${JSON.stringify(value.slice(0, 32))}… (${value.length} characters)` : JSON.stringify(value);
  return String(value);
}

/** Counter numbers a vendor writes as text: "05" by default, or "窗口5" with a pattern like "(\\d+)". */
export const DEFAULT_COUNTER_PATTERN = /^\s*(\d+)\s*$/;

export type ConvertedValue = { ok: true; value: unknown } | { ok: false; error: string };

/** A counter from a string through the first group of `pattern`; other values pass to the parser. */
export function counterFromVendor(value: unknown, pattern: RegExp): ConvertedValue {
  if (typeof value !== 'string') return { ok: true, value };
  const group = pattern.exec(value)?.[1];
  if (group === undefined || !/^\d+$/.test(group)) {
    return { ok: false, error: `${describeVendorValue(value)} does not match mapping.counterPattern /${pattern.source}/ (its first group must be the counter's digits)` };
  }
  return { ok: true, value: Number(group) };
}

/** Vendors rarely send the service separately: it is the ticket's letters ("A023" → "A"). */
export function ticketLetters(ticket: unknown): string | undefined {
  const letters = typeof ticket === 'string' ? /^[A-Za-z]*/.exec(ticket)![0] : '';
  return letters === '' ? undefined : letters;
}

/** A counter's services as a list; vendors often send them as one string ("A,B", "A B", "A，B"). */
export function servicesFromVendor(value: unknown): unknown {
  return typeof value === 'string' ? value.split(/[\s,，]+/).filter((s) => s !== '') : value;
}

/** Drops fields a mapping found nothing for, so the parser reports them as missing, not as undefined. */
export function withoutUndefined(record: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(record).filter(([, value]) => value !== undefined));
}
