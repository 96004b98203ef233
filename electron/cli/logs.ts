/**
 * `hallcast logs [--since 10m] [--follow] [--chromium]`: the player's JSON log from the state
 * folder (STATE/logs/player.log and its rotated copies), one readable line each — local time,
 * level, message, the record's fields — or, with --chromium, the kiosk browser's stderr as it was
 * written. --follow keeps printing what is written after, across rotations, until Ctrl-C.
 */
import path from 'node:path';
import { CHROMIUM_LOG_FILE, isLogLevel, LOGS_FOLDER, PLAYER_LOG_FILE } from '../host/services/log/player-log.js';
import { followLines, logFiles, modifiedAt, readLines } from '../host/services/log/log-reader.js';
import { prettyLine } from '../host/services/log/pretty-line.js';
import type { Output } from './output.js';
import { parseSince } from './log-since.js';

export interface LogsOptions {
  stateDir: string;
  since: string | undefined;
  follow: boolean;
  chromium: boolean;
  /** Only lines at this level or worse. */
  level: string | undefined;
  /** The JSON lines as they are. */
  json: boolean;
  colors: boolean;
  now: number;
  /** Resolves when a follow should end (SIGINT); absent: never. */
  stopped?: Promise<void>;
}

const LEVEL_NUMBERS: Record<string, number> = { trace: 10, debug: 20, info: 30, warn: 40, error: 50, fatal: 60, silent: Infinity };

export async function runLogs(options: LogsOptions, out: Output): Promise<number> {
  const file = path.join(options.stateDir, LOGS_FOLDER, options.chromium ? CHROMIUM_LOG_FILE : PLAYER_LOG_FILE);
  const since = options.since === undefined ? null : parseSince(options.since, options.now);
  const least = options.level && isLogLevel(options.level) ? LEVEL_NUMBERS[options.level]! : 0;
  const pretty = prettyLine({ colors: options.colors, date: true });
  const files = logFiles(file);
  if (files.length === 0 && !options.follow) {
    out.stderr(`hallcast logs: no log at ${file} yet (${options.chromium ? 'the kiosk writes it once its browser starts' : 'the player writes it once it runs with this --state'})`);
    return 1;
  }
  if (files.length === 0) out.stderr(`hallcast logs: no log at ${file} yet; waiting for it (Ctrl-C ends)`);
  const print = options.chromium ? chromiumLine(out) : playerLine(out, { since, least, json: options.json, pretty });
  // The browser's lines carry no year: --since keeps the files written since then.
  const readable = options.chromium && since !== null ? files.filter((f) => (modifiedAt(f) ?? 0) >= since) : files;
  if (!options.follow) {
    readLines(readable, print);
    return 0;
  }
  const follower = followLines(file, print, { every: 250 });
  await (options.stopped ?? new Promise<void>(() => undefined));
  follower.stop();
  return 0;
}

function chromiumLine(out: Output): (text: string) => void {
  return (text) => out.stdout(text);
}

function playerLine(out: Output, filter: { since: number | null; least: number; json: boolean; pretty: (json: string) => string }): (text: string) => void {
  return (text) => {
    if (text.trim() === '') return;
    let record: { time?: unknown; level?: unknown };
    try {
      record = JSON.parse(text) as typeof record;
    } catch {
      // Not ours (a line another tool appended): shown as it is, never dropped.
      out.stdout(text);
      return;
    }
    if (filter.since !== null && typeof record.time === 'number' && record.time < filter.since) return;
    if (typeof record.level === 'number' && record.level < filter.least) return;
    out.stdout(filter.json ? text : filter.pretty(text).replace(/\n$/, ''));
  };
}
