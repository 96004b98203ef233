/**
 * The player's own log, through pino: one logger for the host, the HTTP access log (fastify's
 * `loggerInstance`) and the kiosk, with levels (trace … fatal; `--log-level`). Each line goes
 *
 * - to the terminal: pretty, one readable line, when stdout is a TTY; JSON otherwise (journald, a
 *   pipe). Warnings and worse on stderr, the rest on stdout, so a service manager can tell them apart;
 * - to `STATE/logs/player.log` as JSON, rotated (rotating-log.ts) at 5 MiB × 20 files and 14 days.
 *
 * The file is the rotating log, not pino-roll: pino-roll writes through SonicBoom, and SonicBoom
 * on a full disk emits ENOSPC as an `error` event that, unhandled, ends the process (measured on a
 * full 64 KB tmpfs, Node 20); nor does it know of health. rotating-log.ts drops what a full disk refuses, counts it under
 * `health` → `disk` (`player-log`) and never leaves half a line, so `hallcast logs` reads every
 * line as JSON.
 */
import path from 'node:path';
import { pino, type Level, type Logger } from 'pino';
import type { Health } from '../../domain/health/health.js';
import type { Log } from '../../ports.js';
import { prettyLine } from './pretty-line.js';
import { openRotatingLog, type RotatingLog, type RotatingLogOptions } from './rotating-log.js';

export const LOG_LEVELS = ['trace', 'debug', 'info', 'warn', 'error', 'fatal', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

export function isLogLevel(value: string): value is LogLevel {
  return (LOG_LEVELS as readonly string[]).includes(value);
}

/** Where the player's JSON log lives under the state folder, and its bounds (README "Logs"). */
export const LOGS_FOLDER = 'logs';
export const PLAYER_LOG_FILE = 'player.log';
export const PLAYER_LOG_BOUNDS = { maxBytes: 5 * 1024 * 1024, files: 20, maxAgeMs: 14 * 24 * 60 * 60 * 1000 } as const;
/** The kiosk browser's stderr, beside it (electron/cli/kiosk.ts): 3 files of 1 MiB, 14 days. */
export const CHROMIUM_LOG_FILE = 'chromium.log';
export const CHROMIUM_LOG_BOUNDS = { maxBytes: 1024 * 1024, files: 3, maxAgeMs: PLAYER_LOG_BOUNDS.maxAgeMs } as const;
/** A JSON line longer than this is cut (and so unreadable): far more than any record we write. */
const MAX_LINE_CHARS = 64 * 1024;

export interface PlayerLogOptions {
  level: LogLevel;
  /** The state folder; null: no file (the terminal only). */
  stateDir: string | null;
  /** Pretty lines instead of JSON on the terminal (true when stdout is a TTY). */
  pretty: boolean;
  /** The player's health, asked at each failure of the file (the log starts before the host). */
  health?: () => Health | null;
  /** Terminal output; the process's stdout/stderr by default. */
  stdout?: (text: string) => void;
  stderr?: (text: string) => void;
  /** Tests: the rotating file's disk and clock. */
  file?: Pick<RotatingLogOptions, 'io' | 'now'>;
}

export interface PlayerLog {
  logger: Logger;
  /** The host's port (ports.ts) onto the same logger. */
  log: Log;
  /** The JSON file, or null without a state folder. */
  file: string | null;
  /**
   * Begins the file in `stateDir` from now on, for a shell that learns its state folder after its
   * log has started (the Electron shell, from its config); nothing when it has one already.
   */
  keepIn(stateDir: string): void;
  close(): void;
}

const WARN = 40;

export function openPlayerLog(options: PlayerLogOptions): PlayerLog {
  const stdout = options.stdout ?? ((text: string) => void process.stdout.write(text));
  const stderr = options.stderr ?? ((text: string) => void process.stderr.write(text));
  let file: string | null = null;
  let rotating: RotatingLog | null = null;
  const keepIn = (stateDir: string): void => {
    if (rotating) return;
    file = path.join(stateDir, LOGS_FOLDER, PLAYER_LOG_FILE);
    rotating = openRotatingLog(file, { ...PLAYER_LOG_BOUNDS, maxLineChars: MAX_LINE_CHARS, name: 'player-log', ...(options.health ? { health: options.health } : {}), ...options.file });
  };
  if (options.stateDir) keepIn(options.stateDir);
  const pretty = options.pretty ? prettyLine({ colors: true, date: false }) : null;
  let writing = false;
  const pending: string[] = [];
  // pino sets `lastLevel` on a destination that asks for its metadata: the line's level, unparsed.
  const destination = {
    [Symbol.for('pino.metadata')]: true,
    lastLevel: 0,
    write(line: string) {
      const toTerminal = this.lastLevel >= WARN ? stderr : stdout;
      toTerminal(pretty ? pretty(line) : line);
      if (!rotating) return;
      // A write that fails (or works again) changes a health condition, which is logged: that line
      // is written after this one, not inside it, so a full disk cannot recurse.
      pending.push(line);
      if (writing) return;
      writing = true;
      try {
        for (let next = pending.shift(); next !== undefined; next = pending.shift()) rotating?.write(next);
      } finally {
        writing = false;
        pending.length = 0;
      }
    },
  };
  const logger = pino({ level: options.level, base: { pid: process.pid } }, destination);
  return {
    logger,
    log: portOf(logger),
    get file() {
      return file;
    },
    keepIn,
    close: () => rotating?.close(),
  };
}

/** Field names pino writes itself: a record's own `level` (an emergency's) must not overwrite the line's. */
const RESERVED = new Set(['level', 'time', 'msg', 'pid', 'hostname']);

function fieldsOf(fields: Record<string, unknown> | undefined): Record<string, unknown> {
  if (!fields) return {};
  if (!Object.keys(fields).some((key) => RESERVED.has(key))) return fields;
  const renamed: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(fields)) renamed[RESERVED.has(key) ? `${key}_` : key] = value;
  return renamed;
}

/** The host's `Log` port, written through `logger` (its info and warn levels). */
export function portOf(logger: Logger): Log {
  return {
    info: (message, fields) => logger.info(fieldsOf(fields), message),
    warn: (message, fields) => logger.warn(fieldsOf(fields), message),
  };
}

/** A level's name for a line's numeric level (pino's 10…60). */
export function levelName(level: unknown): Level | 'unknown' {
  const names: Record<number, Level> = { 10: 'trace', 20: 'debug', 30: 'info', 40: 'warn', 50: 'error', 60: 'fatal' };
  return (typeof level === 'number' && names[level]) || 'unknown';
}
