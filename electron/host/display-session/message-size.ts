/**
 * How big a message is, without writing it out: an IPC payload arrives as an object, and turning
 * it into JSON only to measure it is the round trip the session avoids. The count never exceeds
 * the length of a parsed message's JSON (so a frame that passed the socket's text limit passes
 * here too), and stops as soon as it passes the limit: a cyclic, shared or deeply nested object
 * costs at most `limit` steps.
 */
export function largerThan(value: unknown, limit: number): boolean {
  let budget = limit;
  const pending: object[] = [];
  // Charged when seen, not when visited, so the pending list too stays within the limit.
  const see = (v: unknown, keyChars: number): boolean => {
    budget -= keyChars + (typeof v === 'string' ? v.length : 1);
    if (typeof v === 'object' && v !== null) pending.push(v);
    return budget >= 0;
  };
  if (!see(value, 0)) return true;
  for (let v = pending.pop(); v !== undefined; v = pending.pop()) {
    if (Array.isArray(v)) {
      for (const child of v as unknown[]) if (!see(child, 0)) return true;
    } else {
      for (const key in v) if (Object.hasOwn(v, key) && !see((v as Record<string, unknown>)[key], key.length)) return true;
    }
  }
  return false;
}
