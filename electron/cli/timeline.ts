import path from 'node:path';
import { formatDiagnostic } from '../contract/diagnostic.js';
import { loadPlaylists } from '../host/services/playlists/load.js';
import { dayTimeline, TimelineRequestError } from '../host/domain/schedule/day-timeline.js';
import type { Output } from './output.js';

export interface TimelineOptions {
  playlists: string;
  assets?: string;
  /** YYYY-MM-DD in the schedule's zone; default: today there. */
  date?: string;
  days: number;
  now: number;
}

/** `hallcast timeline`: each switch of the day(s) as local time, programme and the entry behind it. */
export function runTimeline(options: TimelineOptions, out: Output): number {
  const result = loadPlaylists(options.playlists, { assetsDir: options.assets ?? path.join(options.playlists, '..', 'assets'), now: options.now });
  if (!result.config) {
    for (const d of result.diagnostics) out.stderr(formatDiagnostic(d));
    out.stderr(`cannot print a timeline: fix the errors above (hallcast validate ${options.playlists})`);
    return 1;
  }
  let day;
  try {
    day = dayTimeline(result.config, options.date ?? null, options.days, options.now);
  } catch (error) {
    if (!(error instanceof TimelineRequestError)) throw error;
    out.stderr(`--${error.message}`);
    return 2;
  }
  out.stdout(`# timeline ${day.from}${day.days > 1 ? ` +${day.days - 1} days` : ''} in ${day.timezone}`);
  for (const row of day.rows) {
    out.stdout(`${row.date} ${row.time.padEnd(8)} ${row.offset}  ${(row.programme ?? '-').padEnd(12)} ${row.title}  ← ${row.why}`);
  }
  return 0;
}
