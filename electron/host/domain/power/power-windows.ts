/**
 * Whether a hall's screens are on at an instant, and when that next changes: the power windows of
 * displays.json judged on the hall's local days, with the schedule's day tokens and calendar, so a
 * holiday or a 调休 Saturday (a working day) counts exactly as it does for the schedule.
 *
 * Pure: the zone and calendar are handed in, instants are epoch ms. A window starts on its local
 * day and lasts under 24 h (`to` ≤ `from` ends the next day), so the windows of day d all start
 * within day d: walking the days in order walks the windows in order of their start.
 */
import type { DayToken, PowerWindow } from '../../../contract/hall-config.js';
import { parseClock, SECONDS_PER_DAY, weekdayOfDays } from '../time/civil.js';
import type { TimeZone } from '../time/time-zone.js';
import type { DayCalendar } from '../schedule/calendar.js';

export interface PowerAt {
  on: boolean;
  /** The next instant (epoch ms) the screens turn the other way; null: not within the horizon. */
  next: number | null;
}

/** How far ahead a change is looked for: past the longest closure (Spring Festival, 8–9 days) with a wide margin. */
export const POWER_HORIZON_DAYS = 400;

const WEEKDAY_TOKENS: DayToken[] = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];

/** May a window with these day tokens open on local day `days`? Same meaning as a schedule entry's `days`. */
export function windowDay(tokens: DayToken[] | undefined, calendar: DayCalendar, days: number): boolean {
  if (!tokens || tokens.length === 0) return true;
  if (tokens.includes(WEEKDAY_TOKENS[weekdayOfDays(days)]!)) return true;
  if (tokens.includes('holiday') && calendar.isHoliday(days)) return true;
  const workday = calendar.isWorkday(days);
  return (tokens.includes('workday') && workday) || (tokens.includes('restday') && !workday);
}

interface Span {
  start: number;
  end: number;
}

interface Parsed {
  days: DayToken[] | undefined;
  from: number;
  to: number;
}

/** Windows the validator would reject (a bad time, from = to) are left out rather than guessed at. */
function parse(windows: PowerWindow[]): Parsed[] {
  const parsed: Parsed[] = [];
  for (const w of windows) {
    const from = parseClock(w.from);
    const to = parseClock(w.to);
    if (from === null || to === null || from >= SECONDS_PER_DAY || from === to) continue;
    parsed.push({ days: w.days, from, to: to > from ? to : to + SECONDS_PER_DAY });
  }
  return parsed;
}

export function powerAt(windows: PowerWindow[], calendar: DayCalendar, zone: TimeZone, at: number): PowerAt {
  const parsed = parse(windows);
  const instant = (days: number, seconds: number): number => zone.instantOf(days * SECONDS_PER_DAY + seconds) * 1000;
  const spansOf = (days: number): Span[] =>
    parsed
      .filter((w) => windowDay(w.days, calendar, days))
      .map((w) => ({ start: instant(days, w.from), end: instant(days, w.to) }))
      // A window inside a DST gap has no instants at all.
      .filter((s) => s.end > s.start)
      .sort((a, b) => a.start - b.start);
  const today = Math.floor(zone.wallAt(Math.floor(at / 1000)) / SECONDS_PER_DAY);
  // Only yesterday's and today's windows can hold `at`: each starts on its day and lasts under 24 h.
  const on = [...spansOf(today - 1), ...spansOf(today)].some((s) => s.start <= at && at < s.end);
  if (!on) {
    for (let d = today - 1; d <= today + POWER_HORIZON_DAYS; d++) {
      const start = spansOf(d).find((s) => s.start > at)?.start;
      if (start !== undefined) return { on, next: start };
    }
    return { on, next: null };
  }
  // On: the screens stay on until the windows that overlap or touch one another run out.
  let until = at;
  for (let d = today - 1; d <= today + POWER_HORIZON_DAYS; d++) {
    if (instant(d, 0) > until) return { on, next: until };
    for (const s of spansOf(d)) if (s.start <= until && s.end > until) until = s.end;
  }
  return { on, next: null };
}
