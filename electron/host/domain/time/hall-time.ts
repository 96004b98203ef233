/**
 * A time a person types ("2026-12-07T12:30", "2026-12-07 12:30:00+08:00") as an instant. Without
 * an offset it is the hall's wall clock, not the machine's: a player set up from a laptop in
 * another zone must preview the hall's 12:30, and the machine's zone is often plain UTC.
 */
import { parseClock, parseIsoDate, SECONDS_PER_DAY } from './civil.js';
import type { TimeZone } from './time-zone.js';

export interface TimeInput {
  /** The written date and time as a wall value (time-zone.ts): local seconds encoded as if UTC. */
  wall: number;
  /** Milliseconds written after the seconds. */
  ms: number;
  /** The written offset in seconds east of UTC ("Z" is 0); null when none was written. */
  offset: number | null;
}

const INPUT_RE = /^(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2}(?::\d{2})?)(?:\.(\d{1,3}))?(Z|[+-]\d{2}:?\d{2})?$/i;

/** Parses a date and time, strictly (no 2026-02-30, no 25:00); null when it is not one. */
export function parseTimeInput(text: string): TimeInput | null {
  const m = INPUT_RE.exec(text.trim());
  if (!m) return null;
  const days = parseIsoDate(m[1]!);
  const seconds = parseClock(m[2]!);
  if (days === null || seconds === null) return null;
  const offset = m[4] === undefined ? null : offsetSeconds(m[4]);
  if (offset === undefined) return null;
  return { wall: days * SECONDS_PER_DAY + seconds, ms: Number((m[3] ?? '0').padEnd(3, '0')), offset };
}

/** "Z", "+08:00", "-0530" → seconds east of UTC; undefined for an offset no zone has. */
function offsetSeconds(text: string): number | null | undefined {
  if (text.toUpperCase() === 'Z') return 0;
  const m = /^([+-])(\d{2}):?(\d{2})$/.exec(text)!;
  const hours = Number(m[2]);
  const minutes = Number(m[3]);
  if (hours > 18 || minutes > 59) return undefined;
  return (m[1] === '-' ? -1 : 1) * (hours * 3600 + minutes * 60);
}

/** Epoch milliseconds: the written offset, or else the first instant the hall's clock reads it (time-zone.ts's DST policy). */
export function instantOfInput(input: TimeInput, zone: TimeZone): number {
  const seconds = input.offset === null ? zone.instantOf(input.wall) : input.wall - input.offset;
  return seconds * 1000 + input.ms;
}
