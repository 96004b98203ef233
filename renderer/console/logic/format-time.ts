/** Instants (epoch ms) on the hall's wall clock, for status and history. */

function parts(at: number, timeZone: string | null, options: Intl.DateTimeFormatOptions): string {
  try {
    return new Intl.DateTimeFormat('en-CA', { ...options, hourCycle: 'h23', timeZone: timeZone ?? undefined }).format(at);
  } catch {
    // An unknown zone name: the device's own clock is the best we have.
    return new Intl.DateTimeFormat('en-CA', { ...options, hourCycle: 'h23' }).format(at);
  }
}

/** "14:05:09" */
export function clockTime(at: number, timeZone: string | null): string {
  return parts(at, timeZone, { hour: '2-digit', minute: '2-digit', second: '2-digit' });
}

/** "2026-12-01 14:05" */
export function dateTime(at: number, timeZone: string | null): string {
  return parts(at, timeZone, { year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' }).replace(',', '');
}

/** History entries may carry epoch ms or an ISO string. */
export function instant(value: number | string): number {
  return typeof value === 'number' ? value : Date.parse(value);
}
