/**
 * IANA time zones as seen by the schedule: wall-clock ↔ instant, with one DST policy.
 *
 * Instants and wall times are whole seconds. A "wall" value is the local date and time encoded as if
 * it were UTC (local midnight of 1970-01-01 = 0), so local day arithmetic stays plain integer maths.
 *
 * DST policy (documented in playlists/README.md): a wall-clock time maps to the first instant at which
 * the hall's clock reads that time or later. So a time inside the spring-forward gap happens when the
 * gap ends (02:30 on a New York spring-forward day → 03:00 EDT), and a time in the repeated fall-back
 * hour happens once, the first time the clock shows it (01:30 EDT, not 01:30 EST).
 */
import { civilFromDays, daysFromCivil, SECONDS_PER_DAY } from './civil.js';

export class UnknownTimeZoneError extends Error {
  constructor(readonly zone: string) {
    super(`unknown time zone "${zone}"`);
  }
}

interface YearTable {
  /** Instants at which a new offset starts, ascending; starts[0] is the year's first second. */
  starts: number[];
  offsets: number[];
  /** The first second of the next year. */
  end: number;
}

export class TimeZone {
  private readonly format: Intl.DateTimeFormat;
  private readonly tables = new Map<number, YearTable>();
  // The timeline asks for thousands of offsets in the same year in a row: skip the year lookup.
  private recent: YearTable | null = null;

  private constructor(readonly name: string) {
    this.format = new Intl.DateTimeFormat('en-US', {
      timeZone: name,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
  }

  private static readonly cache = new Map<string, TimeZone>();

  /** The zone named by an IANA identifier; throws UnknownTimeZoneError for names the runtime lacks. */
  static of(name: string): TimeZone {
    let zone = TimeZone.cache.get(name);
    if (!zone) {
      if (!isTimeZone(name)) throw new UnknownTimeZoneError(name);
      zone = new TimeZone(name);
      TimeZone.cache.set(name, zone);
    }
    return zone;
  }

  /** Seconds to add to UTC to get local time at instant `t`. */
  offsetAt(t: number): number {
    let table = this.recent;
    if (!table || t < table.starts[0]! || t >= table.end) {
      table = this.tableFor(yearOfInstant(t));
      this.recent = table;
    }
    const { starts, offsets } = table;
    if (starts.length === 1) return offsets[0]!;
    return offsets[Math.max(lastAtOrBefore(starts, t), 0)]!;
  }

  wallAt(t: number): number {
    return t + this.offsetAt(t);
  }

  /** The first instant at which the wall clock reads `wall` or later (see the policy above). */
  instantOf(wall: number): number {
    const before = this.offsetAt(wall - SECONDS_PER_DAY);
    const after = this.offsetAt(wall + SECONDS_PER_DAY);
    // No transition within a day either side (zones change at most once in two days): the only reading.
    if (before === after) return wall - before;
    const first = wall - before;
    if (this.offsetAt(first) === before) {
      const second = wall - after;
      // Fall-back: both readings exist; the earlier one wins.
      return this.offsetAt(second) === after ? Math.min(first, second) : first;
    }
    const second = wall - after;
    if (this.offsetAt(second) === after) return second;
    // Spring-forward gap: the wall clock jumps over `wall` at the transition, which is then the answer.
    return this.nextTransitionAfter(wall - after) ?? first;
  }

  /** The first instant after `t` at which the offset changes, within a year; null when none. */
  nextTransitionAfter(t: number): number | null {
    const year = yearOfInstant(t);
    for (const y of [year, year + 1]) {
      const { starts } = this.tableFor(y);
      for (let i = 1; i < starts.length; i++) if (starts[i]! > t) return starts[i]!;
    }
    return null;
  }

  private tableFor(year: number): YearTable {
    let table = this.tables.get(year);
    if (!table) {
      table = this.buildTable(year);
      this.tables.set(year, table);
    }
    return table;
  }

  /** Samples the offset daily across the year and bisects each change to the second. */
  private buildTable(year: number): YearTable {
    const begin = daysFromCivil(year, 1, 1) * SECONDS_PER_DAY;
    const end = daysFromCivil(year + 1, 1, 1) * SECONDS_PER_DAY;
    const starts = [begin];
    const offsets = [this.intlOffset(begin)];
    let prevT = begin;
    let prevOffset = offsets[0]!;
    for (let t = begin + SECONDS_PER_DAY; t <= end; t += SECONDS_PER_DAY) {
      const offset = this.intlOffset(Math.min(t, end - 1));
      if (offset !== prevOffset) {
        let lo = prevT;
        let hi = Math.min(t, end - 1);
        while (hi - lo > 1) {
          const mid = Math.floor((lo + hi) / 2);
          if (this.intlOffset(mid) === prevOffset) lo = mid;
          else hi = mid;
        }
        starts.push(hi);
        offsets.push(offset);
        prevOffset = offset;
      }
      prevT = t;
    }
    return { starts, offsets, end };
  }

  private intlOffset(t: number): number {
    const parts = this.format.formatToParts(new Date(t * 1000));
    const get = (type: Intl.DateTimeFormatPartTypes): number => Number(parts.find((p) => p.type === type)?.value);
    const wall =
      daysFromCivil(get('year'), get('month'), get('day')) * SECONDS_PER_DAY +
      get('hour') * 3600 +
      get('minute') * 60 +
      get('second');
    return wall - t;
  }
}

export function isTimeZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

function yearOfInstant(t: number): number {
  return civilFromDays(Math.floor(t / SECONDS_PER_DAY)).year;
}

/** Index of the last element ≤ x in an ascending array, or -1. */
function lastAtOrBefore(sorted: number[], x: number): number {
  let lo = 0;
  let hi = sorted.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid]! <= x) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}
