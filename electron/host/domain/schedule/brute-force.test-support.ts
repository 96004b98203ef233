/**
 * A deliberately naive reference for the schedule core, used by the property tests only.
 *
 * It re-implements the documented semantics (playlists/README.md, "Schedule" and "Daylight-saving
 * time") without sharing any code with occurrences.ts / time-zone.ts / cron.ts:
 *
 * - The hall's wall clock is read with Intl.DateTimeFormat for every minute of the scanned range.
 * - "A wall-clock time maps to the first instant at which the clock reads that time or later":
 *   scanning minute by minute and tracking the largest wall time seen so far, the wall minutes
 *   newly reached at instant t are (max wall before t, wall(t)]; each of them maps to t. A repeated
 *   (fall-back) hour reaches nothing new, a skipped (spring-forward) hour is reached all at once.
 * - Occurrences are laid out per local day, marked minute by minute, and the winner of every
 *   minute is the active entry with the highest priority, then the one listed first.
 *
 * Limits (the generated configs stay inside them): 5-field crons without L / # / names beyond what
 * cron-parser expands into plain value sets, whole-minute times and durations, zones whose offset
 * only changes at whole or half hours.
 */
import { CronExpressionParser } from 'cron-parser';
import type { CalendarsFile, DayToken, ScheduleEntry, ScheduleFile } from '../../../contract/hall-config.js';

export interface BruteSwitch {
  at: number;
  entry: string | null;
  programme: string | null;
}

const MINUTE_MS = 60_000;
const HALF_HOUR_MS = 30 * MINUTE_MS;
const DAY_MIN = 1440;

// ---------------------------------------------------------------------------------------------
// Wall clock: minutes since 1970-01-01T00:00 of the local civil calendar ("wall minutes").

const formatters = new Map<string, Intl.DateTimeFormat>();
/** zone → (half-hour index since epoch → offset in minutes). */
const offsetCache = new Map<string, Map<number, number>>();

function formatterFor(zone: string): Intl.DateTimeFormat {
  let f = formatters.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(zone, f);
  }
  return f;
}

function offsetMinutes(zone: string, halfHour: number): number {
  let cache = offsetCache.get(zone);
  if (!cache) {
    cache = new Map();
    offsetCache.set(zone, cache);
  }
  let offset = cache.get(halfHour);
  if (offset === undefined) {
    const instant = halfHour * HALF_HOUR_MS;
    const parts: Record<string, number> = {};
    for (const part of formatterFor(zone).formatToParts(new Date(instant))) {
      if (part.type !== 'literal') parts[part.type] = Number(part.value);
    }
    const wallMs = Date.UTC(parts.year!, parts.month! - 1, parts.day!, parts.hour!, parts.minute!, parts.second!);
    offset = Math.round((wallMs - instant) / MINUTE_MS);
    cache.set(halfHour, offset);
  }
  return offset;
}

/** Wall minutes of a whole-minute instant. */
export function wallMinutesAt(zone: string, instantMs: number): number {
  return instantMs / MINUTE_MS + offsetMinutes(zone, Math.floor(instantMs / HALF_HOUR_MS));
}

// ---------------------------------------------------------------------------------------------
// Civil helpers (days since 1970-01-01).

function isoDate(day: number): string {
  return new Date(day * 86_400_000).toISOString().slice(0, 10);
}
/** 0 = Sunday … 6 = Saturday. */
function weekday(day: number): number {
  return (((day + 4) % 7) + 7) % 7;
}
function clockMinutes(text: string): number {
  const m = /^(\d\d):(\d\d)$/.exec(text);
  if (!m) throw new Error(`brute force: bad time ${text}`);
  return Number(m[1]) * 60 + Number(m[2]);
}
function durationMinutes(text: string): number {
  const m = /^P(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?)?$/.exec(text);
  if (!m || text === 'P' || text.endsWith('T')) throw new Error(`brute force: unsupported duration ${text}`);
  return Number(m[1] ?? 0) * DAY_MIN + Number(m[2] ?? 0) * 60 + Number(m[3] ?? 0);
}

const WEEKDAY_TOKENS: DayToken[] = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];

function dayFilter(entry: ScheduleEntry, schedule: ScheduleFile, calendars: CalendarsFile): (day: number) => boolean {
  const calendarName = entry.calendar ?? schedule.calendar;
  const definition = calendarName === undefined ? {} : calendars.calendars[calendarName];
  if (!definition) throw new Error(`brute force: unknown calendar ${calendarName}`);
  if (definition.preset) throw new Error('brute force: calendar presets are not supported');
  const holidays = new Set(definition.holidays ?? []);
  const workdays = new Set(definition.workdays ?? []);
  const tokens = entry.days ?? [];
  const except = new Set(entry.except ?? []);
  return (day) => {
    const date = isoDate(day);
    if (entry.validFrom !== undefined && date < entry.validFrom) return false;
    if (entry.validTo !== undefined && date > entry.validTo) return false;
    if (except.has(date)) return false;
    if (tokens.length === 0) return true;
    const wd = weekday(day);
    const isHoliday = holidays.has(date);
    const isWorkday = (wd >= 1 && wd <= 5 && !isHoliday) || workdays.has(date);
    return tokens.some((token) => {
      switch (token) {
        case 'workday':
          return isWorkday;
        case 'restday':
          return !isWorkday;
        case 'holiday':
          return isHoliday;
        default:
          return WEEKDAY_TOKENS[wd] === token;
      }
    });
  };
}

interface CronSets {
  minutes: number[];
  hours: number[];
  dom: Set<number>;
  months: Set<number>;
  dow: Set<number>;
  domRestricted: boolean;
  dowRestricted: boolean;
}

function cronSets(expr: string): CronSets {
  if (expr.trim().split(/\s+/).length !== 5) throw new Error(`brute force: only 5-field crons (${expr})`);
  const f = CronExpressionParser.parse(expr).fields;
  const numbers = (values: readonly (number | string)[]): number[] =>
    values.map((v) => {
      if (typeof v !== 'number') throw new Error(`brute force: unsupported cron value ${v} in ${expr}`);
      return v;
    });
  return {
    minutes: numbers(f.minute.values),
    hours: numbers(f.hour.values),
    dom: new Set(numbers(f.dayOfMonth.values)),
    months: new Set(numbers(f.month.values)),
    dow: new Set(numbers(f.dayOfWeek.values).map((d) => d % 7)),
    domRestricted: !f.dayOfMonth.isWildcard,
    dowRestricted: !f.dayOfWeek.isWildcard,
  };
}

function cronDayMatches(sets: CronSets, day: number): boolean {
  const date = new Date(day * 86_400_000);
  if (!sets.months.has(date.getUTCMonth() + 1)) return false;
  const domOk = sets.dom.has(date.getUTCDate());
  const dowOk = sets.dow.has(weekday(day));
  if (sets.domRestricted && sets.dowRestricted) return domOk || dowOk;
  if (sets.domRestricted) return domOk;
  if (sets.dowRestricted) return dowOk;
  return true;
}

/** Longest possible occurrence, minutes: a daypart or `until` lasts at most a day plus a DST hour. */
function maxSpanMinutes(entry: ScheduleEntry): number {
  if (entry.cron !== undefined && entry.duration !== undefined) return durationMinutes(entry.duration);
  return DAY_MIN + 60;
}

// ---------------------------------------------------------------------------------------------

export interface BruteForceResult {
  switches: BruteSwitch[];
}

/**
 * Every change of the winning entry in [fromMs, toMs), found by scanning every minute. The first
 * element is the state at fromMs (which must be a whole minute).
 */
export function bruteForceSwitches(
  schedule: ScheduleFile,
  calendars: CalendarsFile,
  fromMs: number,
  toMs: number,
): BruteSwitch[] {
  if (fromMs % MINUTE_MS !== 0 || toMs % MINUTE_MS !== 0) throw new Error('brute force: whole minutes only');
  if (toMs <= fromMs) return [];
  const zone = schedule.timezone;
  const entries = schedule.entries;

  const lookbackMin = Math.max(0, ...entries.map(maxSpanMinutes)) + 2 * DAY_MIN;
  const scanStart = fromMs - lookbackMin * MINUTE_MS;
  // Far enough past `to` that every end of an occurrence starting before `to` is reached or moot.
  const scanEnd = toMs + 3 * DAY_MIN * MINUTE_MS;
  const count = (scanEnd - scanStart) / MINUTE_MS;

  // 1. Minute scan of the wall clock: first instant at which each wall minute is reached.
  const wallBase = wallMinutesAt(zone, scanStart);
  const wallTop = wallMinutesAt(zone, scanEnd) + 180;
  const firstInstant = new Float64Array(wallTop - wallBase + 1).fill(Number.NaN);
  let maxWall = wallBase - 1;
  for (let i = 0; i < count; i++) {
    const t = scanStart + i * MINUTE_MS;
    const wall = wallMinutesAt(zone, t);
    if (wall > maxWall) {
      // Newly reached: (maxWall, wall]; everything in it first happens at t.
      for (let w = maxWall + 1; w <= wall; w++) firstInstant[w - wallBase] = t;
      maxWall = wall;
    }
  }
  /** Minute index (from scanStart) at which a wall minute is first reached, clamped to the scan. */
  const indexOfWall = (wall: number): number => {
    if (wall < wallBase) return 0;
    const t = firstInstant[wall - wallBase];
    if (t === undefined || Number.isNaN(t)) return count;
    return (t - scanStart) / MINUTE_MS;
  };

  // 2. Occurrences, per entry, per local start day, marked minute by minute.
  const firstDay = Math.floor(wallBase / DAY_MIN);
  const lastDay = Math.floor(wallMinutesAt(zone, toMs) / DAY_MIN) + 1;
  const active = entries.map((entry) => {
    const marks = new Uint8Array(count);
    const startsOn = dayFilter(entry, schedule, calendars);
    const mark = (startIndex: number, endIndex: number): void => {
      const a = Math.max(0, startIndex);
      const b = Math.min(count, endIndex);
      if (b > a) marks.fill(1, a, b);
    };
    if (entry.daypart) {
      const from = clockMinutes(entry.daypart.from);
      const to = clockMinutes(entry.daypart.to); // "24:00" = 1440 = next day 00:00
      for (let day = firstDay; day <= lastDay; day++) {
        if (!startsOn(day)) continue;
        const startWall = day * DAY_MIN + from;
        const endWall = day * DAY_MIN + to + (to <= from ? DAY_MIN : 0);
        mark(indexOfWall(startWall), indexOfWall(endWall));
      }
    } else if (entry.cron !== undefined) {
      const sets = cronSets(entry.cron);
      const duration = entry.duration === undefined ? null : durationMinutes(entry.duration);
      const until = entry.until === undefined ? null : clockMinutes(entry.until);
      if (duration === null && until === null) throw new Error(`brute force: ${entry.id} has no end`);
      for (let day = firstDay; day <= lastDay; day++) {
        if (!startsOn(day) || !cronDayMatches(sets, day)) continue;
        for (const hour of sets.hours) {
          for (const minute of sets.minutes) {
            const timeOfDay = hour * 60 + minute;
            const startIndex = indexOfWall(day * DAY_MIN + timeOfDay);
            let endIndex: number;
            if (duration !== null) {
              endIndex = startIndex + duration;
            } else {
              const u = until!;
              endIndex = indexOfWall(day * DAY_MIN + u + (u > timeOfDay ? 0 : DAY_MIN));
            }
            mark(startIndex, endIndex);
          }
        }
      }
    } else {
      throw new Error(`brute force: ${entry.id} has neither cron nor daypart`);
    }
    return marks;
  });

  // 3. Winner of every minute in [from, to).
  const ranked = entries
    .map((entry, order) => ({ entry, order, marks: active[order]! }))
    .sort((a, b) => (b.entry.priority ?? 0) - (a.entry.priority ?? 0) || a.order - b.order);
  const switches: BruteSwitch[] = [];
  let current: string | null | undefined = undefined;
  const fromIndex = (fromMs - scanStart) / MINUTE_MS;
  const toIndex = (toMs - scanStart) / MINUTE_MS;
  for (let i = fromIndex; i < toIndex; i++) {
    let winner: ScheduleEntry | null = null;
    for (const r of ranked) {
      if (r.marks[i]) {
        winner = r.entry;
        break;
      }
    }
    const id = winner ? winner.id : null;
    if (id !== current) {
      current = id;
      switches.push({
        at: scanStart + i * MINUTE_MS,
        entry: id,
        programme: winner ? winner.programme : (schedule.default ?? null),
      });
    }
  }
  return switches;
}

/** The state at `at` and the next switch after it, read off a switch list. */
export function stateAt(switches: BruteSwitch[], at: number): { current: BruteSwitch; next: BruteSwitch | null } {
  let index = 0;
  while (index + 1 < switches.length && switches[index + 1]!.at <= at) index++;
  return { current: switches[index]!, next: switches[index + 1] ?? null };
}
