import path from 'node:path';
import { formatDiagnostic } from '../core/playlists/diagnostic.js';
import { loadPlaylists } from '../core/playlists/load.js';
import { compileSchedule } from '../core/schedule/compile.js';
import { describeEntry } from '../core/schedule/describe.js';
import { timeline } from '../core/schedule/timeline.js';
import { parseIsoDate, SECONDS_PER_DAY } from '../core/time/civil.js';
import { formatLocal } from '../core/time/local-format.js';
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
  const { config } = result;
  const schedule = compileSchedule(config.schedule, config.calendars);
  const zone = schedule.zone;
  let firstDay: number;
  if (options.date !== undefined) {
    const parsed = parseIsoDate(options.date);
    if (parsed === null) {
      out.stderr(`--date "${options.date}" is not a date: write YYYY-MM-DD, e.g. 2026-12-01`);
      return 2;
    }
    firstDay = parsed;
  } else firstDay = Math.floor(zone.wallAt(Math.floor(options.now / 1000)) / SECONDS_PER_DAY);
  if (!Number.isInteger(options.days) || options.days < 1 || options.days > 366) {
    out.stderr('--days must be a whole number from 1 to 366');
    return 2;
  }
  const from = zone.instantOf(firstDay * SECONDS_PER_DAY) * 1000;
  const to = zone.instantOf((firstDay + options.days) * SECONDS_PER_DAY) * 1000;
  const entries = new Map(config.schedule.entries.map((e) => [e.id, e]));
  out.stdout(`# timeline ${formatLocal(zone, from).date}${options.days > 1 ? ` +${options.days - 1} days` : ''} in ${zone.name}`);
  for (const change of timeline(schedule, from, to)) {
    const { date, time, offset } = formatLocal(zone, change.at);
    const programme = change.programme === null ? null : config.programmes[change.programme];
    const title = programme ? `${programme.title['zh-CN']}${programme.title.en ? ` / ${programme.title.en}` : ''}` : 'idle slide';
    const entry = change.entry === null ? null : entries.get(change.entry);
    const why = entry ? `entry "${entry.id}" (${describeEntry(entry)})` : 'default (no entry active)';
    out.stdout(`${date} ${time.padEnd(8)} ${offset}  ${(change.programme ?? '-').padEnd(12)} ${title}  ← ${why}`);
  }
  return 0;
}
