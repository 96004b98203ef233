/**
 * Occurrences of one entry as instant intervals [start, end) in epoch seconds, merged where they
 * overlap, for the local days in a range. Wall times go through Zone.instantOf, the one DST policy.
 */
import { SECONDS_PER_DAY } from '../time/civil.js';
import type { Zone } from '../time/zone.js';
import type { CompiledEntry } from './compile.js';

/** Calls `emit` with merged, ascending intervals that start on local days [fromDay, toDay]. */
export function forEachOccurrence(
  entry: CompiledEntry,
  zone: Zone,
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

  for (let day = fromDay; day <= toDay; day++) {
    if (!entry.startsOn(day)) continue;
    const midnight = day * SECONDS_PER_DAY;
    if (entry.kind === 'daypart') {
      const endDay = entry.to <= entry.from ? day + 1 : day;
      add(zone.instantOf(midnight + entry.from), zone.instantOf(endDay * SECONDS_PER_DAY + entry.to));
      continue;
    }
    if (!entry.cron.matchesDay(day)) continue;
    let previous = Number.NaN;
    for (const timeOfDay of entry.cron.timesOfDay) {
      const start = zone.instantOf(midnight + timeOfDay);
      // Several wall times in a spring-forward gap land on the same instant: one run.
      if (start === previous) continue;
      previous = start;
      let end: number;
      if (entry.duration !== null) end = start + entry.duration;
      else {
        const until = entry.until!;
        const endDay = until <= timeOfDay ? day + 1 : day;
        end = zone.instantOf(endDay * SECONDS_PER_DAY + until);
      }
      add(start, end);
    }
  }
  if (!Number.isNaN(openStart)) emit(openStart, openEnd);
}
