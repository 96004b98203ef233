/**
 * Where `serve --at` starts its clock. A time written without an offset is the hall's: the zone
 * the schedule names (schedule.json → timezone), read here before the player loads the folder.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'jsonc-parser';
import { instantOfInput, parseTimeInput } from '../host/domain/time/hall-time.js';
import { formatLocal } from '../host/domain/time/local-format.js';
import { isTimeZone, TimeZone } from '../host/domain/time/time-zone.js';
import { UsageError } from './cli-errors.js';

/** The instant `at` names, and how the log shows it: "2026-12-07 12:30:00 +08:00 (Asia/Shanghai)". */
export function previewStart(at: string, playlistsDir: string): { at: number; shown: string } {
  const input = parseTimeInput(at);
  if (!input) throw new UsageError(`--at ${JSON.stringify(at)}: give a date and time, e.g. 2026-12-01T10:17`);
  const zone = hallZone(playlistsDir);
  if (!zone && input.offset === null) {
    throw new UsageError(`--at ${JSON.stringify(at)}: the hall's time zone is unknown (no timezone in ${path.join(playlistsDir, 'schedule.json')}): write an offset, e.g. ${at}+08:00`);
  }
  const shownZone = zone ?? TimeZone.of('UTC');
  const instant = instantOfInput(input, shownZone);
  const local = formatLocal(shownZone, instant);
  return { at: instant, shown: `${local.date} ${local.time.padEnd(8, ':00')} ${local.offset} (${shownZone.name}${input.offset === null ? ", the hall's time" : ''})` };
}

/** The schedule's zone, or null when schedule.json cannot say (the player then reports why). */
function hallZone(playlistsDir: string): TimeZone | null {
  try {
    const schedule = parse(readFileSync(path.join(playlistsDir, 'schedule.json'), 'utf8')) as { timezone?: unknown } | undefined;
    return typeof schedule?.timezone === 'string' && isTimeZone(schedule.timezone) ? TimeZone.of(schedule.timezone) : null;
  } catch {
    return null;
  }
}
