/**
 * Dates in playlist files: the schema checks the YYYY-MM-DD shape, these checks that the day exists
 * and that a validity range is not backwards. Shared by schedule entries, ticker notices, calendars
 * and timed announcements, so every file words the same mistake the same way.
 */
import { parseIsoDate } from '../time/civil.js';
import type { Diagnostic } from '../../../contract/diagnostic.js';
import type { JsonPath, JsonSource } from './source.js';

/** Days since 1970-01-01, or null (a malformed date is left to the schema's message). */
export function checkDate(source: JsonSource, at: JsonPath, date: string, out: Diagnostic[]): number | null {
  const days = parseIsoDate(date);
  if (days === null && /^\d{4}-\d{2}-\d{2}$/.test(date)) {
    out.push(source.at(at, 'error', `"${date}" is not a real date: check the month and day`));
  }
  return days;
}

/** `validFrom` / `validTo` of the object at `at`. */
export function checkDateRange(source: JsonSource, at: JsonPath, from: string | undefined, to: string | undefined, out: Diagnostic[]): void {
  const start = from === undefined ? null : checkDate(source, [...at, 'validFrom'], from, out);
  const end = to === undefined ? null : checkDate(source, [...at, 'validTo'], to, out);
  if (start !== null && end !== null && end < start) {
    out.push(source.at([...at, 'validTo'], 'error', `validTo ${to} is before validFrom ${from}, so it never applies: swap or fix the dates`));
  }
}
