/**
 * What plays when: a sweep over every entry's occurrences. Pure: the caller passes the instant.
 *
 * Where entries overlap, the highest priority wins, then the entry listed first. When no entry is
 * active the schedule's default programme plays (or the idle slide when there is none).
 */
import { SECONDS_PER_DAY } from '../time/civil.js';
import type { CompiledEntry, CompiledSchedule } from './compile.js';
import { DayTable } from './day-table.js';
import { EventList } from './event-list.js';
import { forEachOccurrence } from './occurrences.js';

export interface Switch {
  /** Epoch milliseconds. */
  at: number;
  /** null: the idle slide. */
  programme: string | null;
  /** The winning entry's id; null when the default plays. */
  entry: string | null;
}

export interface Resolution extends Switch {
  /** When the current entry (or the default) took over; null if before the look-back window. */
  since: number | null;
  /** Entries also active now that lost on priority or order. */
  overridden: string[];
  /** The next change, or null when nothing changes within the next 400 days. */
  next: Switch | null;
}

const MAX_ENTRIES = 2 ** 30;

interface SweepResult {
  switches: Switch[];
  activeAtProbe: number[];
}

function sweep(schedule: CompiledSchedule, fromS: number, toS: number, probeS: number | null): SweepResult {
  const { zone, entries } = schedule;
  if (entries.length > MAX_ENTRIES) throw new Error(`a schedule holds at most ${MAX_ENTRIES} entries`);
  const lookbackDays = Math.ceil(schedule.maxSpan / SECONDS_PER_DAY) + 1;
  const fromDay = Math.floor(zone.wallAt(fromS) / SECONDS_PER_DAY) - lookbackDays;
  const toDay = Math.floor(zone.wallAt(toS) / SECONDS_PER_DAY) + 1;

  // Most entries start about once a day: a start and an end each.
  const events = new EventList(entries.length * (toDay - fromDay + 1) * 2);
  const table = new DayTable(zone, fromDay, toDay + 1);
  entries.forEach((entry, rank) => {
    forEachOccurrence(entry, table, fromDay, toDay, (start, end) => {
      if (end <= fromS || start >= toS) return;
      events.push(Math.max(start - fromS, 0), rank * 2 + 1);
      if (end < toS) events.push(end - fromS, rank * 2);
    });
  });
  const { times, codes } = events.sorted();
  const count = times.length;

  const active = new Int32Array(entries.length);
  const heap = new MinHeap();
  const switches: Switch[] = [];
  const activeAtProbe: number[] = [];
  let current = -2; // nothing emitted yet; -1 = default
  let i = 0;
  const emit = (rel: number): void => {
    while (heap.size > 0 && active[heap.peek()] === 0) heap.pop();
    const winner = heap.size > 0 ? heap.peek() : -1;
    if (winner !== current) {
      current = winner;
      switches.push(switchTo(schedule, winner === -1 ? null : entries[winner]!, (fromS + rel) * 1000));
    }
  };
  const probeRel = probeS === null ? -1 : probeS - fromS;
  let probed = probeS === null;
  if (count === 0 || times[0]! > 0) emit(0);
  while (i < count) {
    const rel = times[i]!;
    if (!probed && rel > probeRel) {
      probed = true;
      active.forEach((n, rank) => n > 0 && activeAtProbe.push(rank));
    }
    while (i < count && times[i] === rel) {
      const code = codes[i]!;
      const rank = code >> 1;
      const before = active[rank]!;
      active[rank] = code & 1 ? before + 1 : before - 1;
      if (before === 0 && code & 1) heap.push(rank);
      i++;
    }
    emit(rel);
  }
  if (!probed) active.forEach((n, rank) => n > 0 && activeAtProbe.push(rank));
  return { switches, activeAtProbe };
}

function switchTo(schedule: CompiledSchedule, entry: CompiledEntry | null, at: number): Switch {
  return entry
    ? { at, programme: entry.programme, entry: entry.id }
    : { at, programme: schedule.defaultProgramme, entry: null };
}

/** Every change of the winning entry in [from, to), epoch ms; the first element is the state at `from`. */
export function timeline(schedule: CompiledSchedule, from: number, to: number): Switch[] {
  const fromS = Math.floor(from / 1000);
  const toS = Math.ceil(to / 1000);
  if (toS <= fromS) return [];
  const switches = sweep(schedule, fromS, toS, null).switches;
  switches[0] = { ...switches[0]!, at: from };
  return switches;
}

const HORIZONS_DAYS = [2, 35, 400];

/** What plays at `at` (epoch ms), which entry won, since when, and the next change. */
export function resolve(schedule: CompiledSchedule, at: number): Resolution {
  const atS = Math.floor(at / 1000);
  const lookBack = schedule.maxSpan + SECONDS_PER_DAY;
  for (const [index, days] of HORIZONS_DAYS.entries()) {
    const { switches, activeAtProbe } = sweep(schedule, atS - lookBack, atS + days * SECONDS_PER_DAY, atS);
    const currentIndex = lastIndexAtOrBefore(switches, atS * 1000);
    const current = switches[currentIndex]!;
    const next = switches[currentIndex + 1] ?? null;
    if (next || index === HORIZONS_DAYS.length - 1) {
      return {
        ...current,
        at,
        since: currentIndex === 0 ? null : current.at,
        overridden: activeAtProbe
          .map((rank) => schedule.entries[rank]!.id)
          .filter((id) => id !== current.entry),
        next,
      };
    }
  }
  throw new Error('unreachable');
}

function lastIndexAtOrBefore(switches: Switch[], at: number): number {
  let index = 0;
  for (let i = 0; i < switches.length && switches[i]!.at <= at; i++) index = i;
  return index;
}

/** Binary min-heap of entry ranks; stale ranks are dropped lazily by the sweep. */
class MinHeap {
  private items: number[] = [];
  get size(): number {
    return this.items.length;
  }
  peek(): number {
    return this.items[0]!;
  }
  push(value: number): void {
    const items = this.items;
    items.push(value);
    let i = items.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (items[parent]! <= value) break;
      items[i] = items[parent]!;
      i = parent;
    }
    items[i] = value;
  }
  pop(): number {
    const items = this.items;
    const top = items[0]!;
    const last = items.pop()!;
    if (items.length > 0) {
      let i = 0;
      for (;;) {
        const left = 2 * i + 1;
        if (left >= items.length) break;
        const right = left + 1;
        const child = right < items.length && items[right]! < items[left]! ? right : left;
        if (items[child]! >= last) break;
        items[i] = items[child]!;
        i = child;
      }
      items[i] = last;
    }
    return top;
  }
}
