/**
 * When a downloaded update may be installed: only while the hall is closed. Installing restarts
 * the player, a dark screen and a silent PA for a customer waiting on a call. The opening hours
 * are the hall's configured window (HALLCAST_OPENING_HOURS, "08:30-21:00"), read on the hall's
 * clock (schedule.json's time zone), not the machine's.
 */
import { parseClock } from '../host/domain/time/civil.js';
import type { TimeZone } from '../host/domain/time/time-zone.js';

/** Seconds since local midnight; `closes` before `opens` is a day that ends after midnight. */
export interface OpeningHours {
  opens: number;
  closes: number;
}

export const DEFAULT_OPENING_HOURS = '08:00-21:00';

/** "HH:MM-HH:MM" → the window, or null. Equal ends are a hall that is never open. */
export function parseOpeningHours(text: string): OpeningHours | null {
  const [from, to, ...rest] = text.split('-');
  if (from === undefined || to === undefined || rest.length > 0) return null;
  const opens = parseClock(from.trim());
  const closes = parseClock(to.trim());
  return opens === null || closes === null ? null : { opens, closes };
}

/** True when the hall is closed at instant `atMs` (milliseconds) in `zone`: an update may install. */
export function mayInstallUpdate(atMs: number, hours: OpeningHours, zone: TimeZone): boolean {
  const secondOfDay = ((zone.wallAt(Math.floor(atMs / 1000)) % 86_400) + 86_400) % 86_400;
  const open = hours.opens <= hours.closes ? secondOfDay >= hours.opens && secondOfDay < hours.closes : secondOfDay >= hours.opens || secondOfDay < hours.closes;
  return !open;
}
