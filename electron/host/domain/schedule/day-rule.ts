/**
 * Which local days an entry may start on: its `days` tokens, validFrom/validTo and except dates,
 * judged against a calendar. Kept as data so a timeline can evaluate it for a whole window at once.
 */
import { parseIsoDate } from '../time/civil.js';
import type { DayToken, ScheduleEntry } from '../../../contract/hall-config.js';
import type { DayCalendar } from './calendar.js';

export interface DayRule {
  /** No day tokens: every day (within the dates). */
  any: boolean;
  /** Bit w set = weekday w (0 = Sunday) allowed. */
  weekdays: number;
  workday: boolean;
  restday: boolean;
  holiday: boolean;
  from: number | null;
  to: number | null;
  except: number[];
  calendar: DayCalendar;
}

const WEEKDAY_TOKENS: DayToken[] = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];

export function dayRule(entry: ScheduleEntry, calendar: DayCalendar): DayRule {
  const tokens = new Set(entry.days ?? []);
  return {
    any: tokens.size === 0,
    weekdays: WEEKDAY_TOKENS.reduce((mask, token, i) => (tokens.has(token) ? mask | (1 << i) : mask), 0),
    workday: tokens.has('workday'),
    restday: tokens.has('restday'),
    holiday: tokens.has('holiday'),
    from: entry.validFrom ? parseIsoDate(entry.validFrom) : null,
    to: entry.validTo ? parseIsoDate(entry.validTo) : null,
    except: (entry.except ?? []).map((d) => parseIsoDate(d)).filter((d): d is number => d !== null),
    calendar,
  };
}
