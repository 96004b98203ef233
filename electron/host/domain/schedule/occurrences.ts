/**
 * Occurrences of one entry as instant intervals [start, end) in epoch seconds, merged where they
 * overlap, for the local days in a range. Wall times go through TimeZone.instantOf, the one DST policy.
 */
import type { CompiledEntry } from './compile.js';
import type { DayTable } from './day-table.js';

/** Calls `emit` with merged, ascending intervals that start on local days [fromDay, toDay]. */
export function forEachOccurrence(
  entry: CompiledEntry,
  table: DayTable,
  fromDay: number,
  toDay: number,
  emit: (start: number, end: number) => void,
): void {
  let openStart = Number.NaN;
  let openEnd = Number.NaN;
  const add = (start: number, end: number): void => {
    if (end <= start) return; // e.g. a daypart lying wholly inside a spring-forward gap
    if (start <= openEnd) {
      if (end > openEnd) openEnd = end;
      return;
    }
    if (!Number.isNaN(openStart)) emit(openStart, openEnd);
    openStart = start;
    openEnd = end;
  };

  const allowed = table.startDays(entry.days);
  for (let day = fromDay; day <= toDay; day++) {
    if (allowed[day - table.first] !== 1) continue;
    const info = table.info(day);
    if (entry.kind === 'daypart') {
      const endDay = entry.to <= entry.from ? day + 1 : day;
      add(table.instantOf(day, entry.from), table.instantOf(endDay, entry.to));
      continue;
    }
    if (!entry.cron.matchesDay(info)) continue;
    for (const timeOfDay of entry.cron.timesOfDay) {
      // Several firings in a spring-forward gap share one instant but can end at different times
      // (an "until" between them ends some today, some tomorrow): add() keeps the longest.
      const start = table.instantOf(day, timeOfDay);
      let end: number;
      if (entry.duration !== null) end = start + entry.duration;
      else {
        const until = entry.until!;
        end = table.instantOf(day, until <= timeOfDay ? until + 86_400 : until);
      }
      add(start, end);
    }
  }
  if (!Number.isNaN(openStart)) emit(openStart, openEnd);
}
