/**
 * `hallcast logs --since`: how far back to read, as a span back from now (`90s`, `10m`, `2h`,
 * `1d`) or a time (`2026-12-07T09:30`, this machine's zone, as the lines are printed;
 * `2026-12-07T09:30+08:00`; a date alone is its midnight).
 */
const UNIT_MS: Record<string, number> = { s: 1_000, m: 60_000, h: 3_600_000, d: 86_400_000 };
const ISO = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})?)?$/;

/** The instant (epoch ms) `value` names, or null when it is neither a span nor a time. */
export function parseSince(value: string, now: number): number | null {
  const span = /^(\d{1,6})([smhd])$/.exec(value.trim());
  if (span) return now - Number(span[1]) * UNIT_MS[span[2]!]!;
  const text = value.trim();
  if (!ISO.test(text)) return null;
  // A date alone would be UTC midnight to Date.parse; the person meant this machine's.
  const at = Date.parse(text.length === 10 ? `${text}T00:00` : text);
  return Number.isFinite(at) ? at : null;
}

export const SINCE_FIX = 'give a span back from now (30s, 10m, 2h, 1d) or a time, e.g. 2026-12-07T09:30 or 2026-12-07T09:30+08:00';
