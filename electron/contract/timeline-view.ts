/**
 * A day's (or days') switches as the hall reads them, as `hallcast timeline` prints them and
 * GET /api/timeline answers: local time, programme, and the entry that caused each
 * (electron/host/domain/schedule/day-timeline.ts works them out).
 */
export interface TimelineRow {
  at: number;
  date: string;
  time: string;
  offset: string;
  programme: string | null;
  title: string;
  entry: string | null;
  why: string;
}

export interface DayTimeline {
  timezone: string;
  from: string;
  days: number;
  rows: TimelineRow[];
}
