/**
 * The shape of a hall's day for the simulator: how busy each local minute is, and who is at which
 * counter. Local minutes (0..1439) keep it free of time zones; the simulator is told how to get one.
 */
import type { QueueConfig } from './config.js';

export interface OpeningHours {
  /** Local "HH:MM". */
  open: string;
  close: string;
}

export interface StaffedSpell {
  counter: number;
  from: string;
  to: string;
}

export interface StaffingPlan {
  /** Counters closed for a lunch break; staggered so the hall never loses two at once. */
  breaks: StaffedSpell[];
  /** Counters staffed only for the peak. */
  extra: StaffedSpell[];
}

export const DEFAULT_OPENING_HOURS: OpeningHours = { open: '08:30', close: '20:00' };

export const DEFAULT_STAFFING: StaffingPlan = {
  breaks: [
    { counter: 2, from: '11:30', to: '12:30' },
    { counter: 3, from: '12:30', to: '13:30' },
  ],
  extra: [{ counter: 5, from: '11:00', to: '14:00' }],
};

/** Halls stop handing out tickets a little before closing so the queue is empty at the door. */
export const LAST_TICKET_MINUTES_BEFORE_CLOSE = 30;

/**
 * Arrival rate relative to a busy late morning (1.0), linear between these local times: a slow
 * start, the lunchtime peak when office workers come in their break (the manual's "40 people
 * ahead"), a quiet afternoon and a smaller bump after work.
 */
const DAY_SHAPE: readonly [string, number][] = [
  ['08:30', 0.35],
  ['09:30', 0.7],
  ['10:30', 1.0],
  ['11:15', 1.2],
  ['11:45', 1.6],
  ['13:15', 1.6],
  ['13:45', 1.1],
  ['14:30', 0.75],
  ['16:30', 0.7],
  ['17:30', 0.95],
  ['18:30', 0.9],
  ['19:30', 0.5],
  ['20:00', 0.4],
];
const SHAPE_POINTS = DAY_SHAPE.map(([time, level]) => [clockMinutes(time), level] as const);

/** "08:30" → 510. */
export function clockMinutes(text: string): number {
  const m = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(text);
  if (!m) throw new Error(`expected a local time "HH:MM", got "${text}"`);
  return Number(m[1]) * 60 + Number(m[2]);
}

export function isOpenAt(hours: OpeningHours, minute: number): boolean {
  return minute >= clockMinutes(hours.open) && minute < clockMinutes(hours.close);
}

/** Arrival level at a local minute, 0 when the ticket machine is off. */
export function arrivalLevel(hours: OpeningHours, minute: number): number {
  if (!isOpenAt(hours, minute) || minute >= clockMinutes(hours.close) - LAST_TICKET_MINUTES_BEFORE_CLOSE) return 0;
  const after = SHAPE_POINTS.findIndex(([at]) => at > minute);
  if (after === 0) return SHAPE_POINTS[0]![1];
  if (after === -1) return SHAPE_POINTS[SHAPE_POINTS.length - 1]![1];
  const [t0, v0] = SHAPE_POINTS[after - 1]!;
  const [t1, v1] = SHAPE_POINTS[after]!;
  return v0 + ((v1 - v0) * (minute - t0)) / (t1 - t0);
}

/** The configured counters a hall staffs at a local minute: all of them while open, minus breaks, extra ones only in their spell. */
export function staffedCounters(config: QueueConfig, hours: OpeningHours, plan: StaffingPlan, minute: number): Set<number> {
  if (!isOpenAt(hours, minute)) return new Set();
  const within = (s: StaffedSpell): boolean => minute >= clockMinutes(s.from) && minute < clockMinutes(s.to);
  const staffed = new Set<number>();
  for (const { id } of config.counters) {
    const extra = plan.extra.filter((s) => s.counter === id);
    if (extra.length > 0 && !extra.some(within)) continue;
    if (plan.breaks.some((s) => s.counter === id && within(s))) continue;
    staffed.add(id);
  }
  return staffed;
}
