/**
 * Quiet hours in the hall's local time. Windows are [from, to); `from` later than `to` crosses
 * midnight ("22:00"–"07:00"). Local time comes from an injected `localMinuteOfDay`, so the zone
 * and any DST rule stay outside the core.
 */
import { parseClock } from '../time/civil.js';

export interface QuietWindow {
  from: string;
  to: string;
}

export interface QuietHours {
  readonly windows: readonly { from: number; to: number; label: string }[];
  readonly localMinuteOfDay: (ms: number) => number;
}

const MINUTE = 60_000;
const MINUTES_PER_DAY = 1440;

function minuteOf(text: string, field: string): number {
  const seconds = parseClock(text);
  if (seconds === null || seconds % 60 !== 0) throw new Error(`quietHours: "${field}" must be "HH:MM" (00:00–24:00), got ${JSON.stringify(text)}`);
  return seconds / 60;
}

/** Throws on a bad window: a config error should stop start-up, not silence the hall. */
export function parseQuietHours(windows: readonly QuietWindow[], localMinuteOfDay: ((ms: number) => number) | undefined): QuietHours | null {
  if (windows.length === 0) return null;
  if (!localMinuteOfDay) throw new Error('quietHours needs "localMinuteOfDay" to know the hall\'s local time');
  const parsed = windows.map((w) => {
    const from = minuteOf(w.from, 'from') % MINUTES_PER_DAY;
    const to = minuteOf(w.to, 'to') % MINUTES_PER_DAY;
    // Equal ends could mean "never" or "all day"; refuse rather than guess.
    if (from === to) throw new Error(`quietHours: ${w.from}–${w.to} is empty or all day; give distinct times`);
    return { from, to, label: `${w.from}–${w.to}` };
  });
  return { windows: parsed, localMinuteOfDay };
}

/** The label of the window covering `ms`, or null outside quiet hours. */
export function quietWindowAt(quiet: QuietHours | null, ms: number): string | null {
  if (!quiet) return null;
  const m = quiet.localMinuteOfDay(ms);
  const hit = quiet.windows.find((w) => (w.from < w.to ? m >= w.from && m < w.to : m >= w.from || m < w.to));
  return hit ? hit.label : null;
}

/**
 * The first minute boundary after `ms` outside every window, or null if quiet all day. Stepping
 * minute by minute through the injected clock handles overlapping windows and a DST jump alike.
 */
export function quietEndsAfter(quiet: QuietHours | null, ms: number): number | null {
  if (!quiet || quietWindowAt(quiet, ms) === null) return null;
  const minuteStart = ms - (((ms % MINUTE) + MINUTE) % MINUTE);
  for (let k = 1; k <= MINUTES_PER_DAY + 60; k++) {
    const t = minuteStart + k * MINUTE;
    if (quietWindowAt(quiet, t) === null) return t;
  }
  return null;
}
