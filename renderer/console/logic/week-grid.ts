/**
 * The schedule's week grid from the timeline's switches (GET /admin/api/timeline?date=MONDAY&days=7):
 * each switch lasts until the next one, split at midnight into one block per day column. Positions
 * are wall-clock minutes, as the timeline's local dates and times give them, so a DST day still
 * fills its column from 00:00 to 24:00.
 */
import type { TimelineRow } from '../api/types.js';
import { addDays, dayNumber } from './civil-date.js';

export const MINUTES_PER_DAY = 1440;

export interface WeekBlock {
  /** Minutes after the day's midnight, fractional for switches on seconds. */
  start: number;
  end: number;
  programme: string | null;
  title: string;
  entry: string | null;
  why: string;
  /** The switch time as the timeline printed it, for the block's label. */
  since: string;
  /** The block goes on from the previous day / into the next. */
  fromBefore: boolean;
  intoNext: boolean;
}

export interface WeekColumn {
  date: string;
  blocks: WeekBlock[];
}

/** "08:30" or "08:30:15" → minutes after midnight; NaN for anything else. */
export function clockMinutes(time: string): number {
  const match = /^(\d{2}):(\d{2})(?::(\d{2}))?$/.exec(time);
  if (!match) return Number.NaN;
  return Number(match[1]) * 60 + Number(match[2]) + Number(match[3] ?? 0) / 60;
}

export function weekGrid(rows: readonly TimelineRow[], firstDate: string, days = 7): WeekColumn[] {
  const first = dayNumber(firstDate);
  const columns: WeekColumn[] = Array.from({ length: days }, (_, i) => ({ date: addDays(firstDate, i), blocks: [] }));
  const total = days * MINUTES_PER_DAY;
  const position = (row: TimelineRow): number => (dayNumber(row.date) - first) * MINUTES_PER_DAY + clockMinutes(row.time);
  rows.forEach((row, i) => {
    const next = rows[i + 1];
    const start = Math.max(0, position(row));
    const end = Math.min(total, next ? position(next) : total);
    // A repeated hour (DST fall-back) can make the next switch read earlier than this one.
    if (!(end > start)) return;
    for (let day = Math.floor(start / MINUTES_PER_DAY); day * MINUTES_PER_DAY < end && day < days; day++) {
      const dayStart = day * MINUTES_PER_DAY;
      const from = Math.max(start, dayStart);
      const to = Math.min(end, dayStart + MINUTES_PER_DAY);
      if (to <= from) continue;
      columns[day]!.blocks.push({
        start: from - dayStart,
        end: to - dayStart,
        programme: row.programme,
        title: row.title,
        entry: row.entry,
        why: row.why,
        since: row.time,
        fromBefore: from > start,
        intoNext: to < end,
      });
    }
  });
  return columns;
}

/**
 * A colour slot (0–7) per programme, the same all week and every week: its place among the hall's
 * programmes (sorted ids), so up to eight programmes never share a colour; a hash for one not listed.
 */
export function colourSlot(programme: string | null, programmes: readonly string[] = []): number {
  if (programme === null) return 8;
  const place = programmes.indexOf(programme);
  if (place >= 0) return place % 8;
  let hash = 0;
  for (const ch of programme) hash = (hash * 31 + ch.charCodeAt(0)) >>> 0;
  return hash % 8;
}

/** "08:30" for a minute count; 1440 reads "24:00". */
export function minutesClock(minutes: number): string {
  const whole = Math.round(minutes);
  return `${String(Math.floor(whole / 60)).padStart(2, '0')}:${String(whole % 60).padStart(2, '0')}`;
}
