/**
 * A bounded text log kept as `NAME`, `NAME.1` … `NAME.(files-1)`: when `NAME` would grow past
 * `maxBytes` it is renamed to `NAME.1` (and so on down; the oldest is dropped) and a fresh one
 * begun, so the log never holds more than `maxBytes × files`. With `maxAgeMs` it is bounded in
 * time too: the current file is rotated once it was begun a day ago, and a rotated file whose
 * last line is older than `maxAgeMs` is deleted, so no line outlives `maxAgeMs` by more than a
 * day. For the player's own log (player-log.ts) and the kiosk browser's stderr, where the newest
 * lines matter most.
 *
 * Like the daily logs (daily-jsonl.ts), a full or failing disk never stops the player: what cannot
 * be written is dropped and counted under a `disk` condition in health, no half line is left
 * (append-line.ts), and writing resumes once there is space.
 */
import { renameSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import type { Health } from '../../domain/health/health.js';
import { diskStore, type DiskStore } from '../../domain/health/disk-store.js';
import { closeQuietly, diskAppendIo, type AppendIo } from './append-io.js';
import { appendLine } from './append-line.js';

export interface RotatingIo extends AppendIo {
  /** Renames `from` to `to`, replacing `to`; a missing `from` is no error. */
  rename(from: string, to: string): void;
  /** When `file` was last written (epoch ms); null when there is none. */
  modifiedAt(file: string): number | null;
  /** Deletes `file`; a missing one is no error. */
  remove(file: string): void;
}

export const diskRotatingIo: RotatingIo = {
  ...diskAppendIo,
  rename(from, to) {
    try {
      renameSync(from, to);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
      rmSync(to, { force: true });
    }
  },
  modifiedAt(file) {
    try {
      return statSync(file).mtimeMs;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
  },
  remove: (file) => rmSync(file, { force: true }),
};

export interface RotatingLog {
  /** Appends text as it comes (a process's output: lines may arrive in pieces); only whole lines are written. */
  write(text: string): void;
  /** Writes a last unfinished line, if any, and closes the file. */
  close(): void;
}

export interface RotatingLogOptions {
  /** Bytes per file (1 MiB). */
  maxBytes?: number;
  /** Files kept, the current one included (3). */
  files?: number;
  /** The log's name in /api/status → health; its file name by default. */
  name?: string;
  /** The player's health, asked at each failure (a kiosk's log starts before the player runs). */
  health?: () => Health | null;
  /** Lines older than this are deleted (within a day); absent: bounded by size only. */
  maxAgeMs?: number;
  /** A line longer than this is cut (4096: a process printing without newlines must not grow our memory). */
  maxLineChars?: number;
  now?: () => number;
  io?: RotatingIo;
}

const DAY_MS = 24 * 60 * 60 * 1000;

export function openRotatingLog(file: string, options: RotatingLogOptions = {}): RotatingLog {
  const io = options.io ?? diskRotatingIo;
  const maxBytes = options.maxBytes ?? 1024 * 1024;
  const files = Math.max(1, options.files ?? 3);
  const name = options.name ?? path.basename(file);
  const maxLineChars = options.maxLineChars ?? 4_096;
  const now = options.now ?? Date.now;
  const maxAgeMs = options.maxAgeMs ?? null;
  // When the current file was begun, as far as we know: its last write when we found it.
  let begunAt: number | null = null;
  let fd: number | null = null;
  let partial = '';
  let stores: { health: Health | null; store: DiskStore } | null = null;

  const store = (): DiskStore => {
    const health = options.health?.() ?? null;
    if (stores?.health !== health) stores = { health, store: diskStore(health, name, 'lines') };
    return stores.store;
  };

  const close = (): void => {
    if (fd === null) return;
    closeQuietly(io, fd);
    fd = null;
  };

  const rotate = (): void => {
    close();
    for (let n = files - 1; n >= 1; n--) io.rename(n === 1 ? file : `${file}.${n - 1}`, `${file}.${n}`);
    if (files === 1) io.rename(file, `${file}.old`);
  };

  /** Rotated files whose newest line is older than the age bound go. */
  const prune = (): void => {
    if (maxAgeMs === null) return;
    for (let n = 1; n < files; n++) {
      const at = io.modifiedAt(`${file}.${n}`);
      if (at !== null && now() - at > maxAgeMs) io.remove(`${file}.${n}`);
    }
  };

  // A quiet log would keep a file for months: past a day it is rotated, so pruning can reach it.
  const tooOld = (): boolean => maxAgeMs !== null && begunAt !== null && now() - begunAt > Math.min(DAY_MS, maxAgeMs);

  const append = (lines: string): void => {
    const bytes = Buffer.byteLength(lines);
    try {
      if (fd === null) {
        io.mkdir(path.dirname(file));
        begunAt = io.modifiedAt(file) ?? now();
        fd = io.open(file);
        prune();
      }
      if (io.size(fd) > 0 && (io.size(fd) + bytes > maxBytes || tooOld())) {
        rotate();
        fd = io.open(file);
        begunAt = now();
        prune();
      }
      appendLine(io, fd, lines);
    } catch (error) {
      // Opened afresh next time: a file that failed once is looked at again before the next lines.
      close();
      store().failed(error, lines.split('\n').length - 1);
      return;
    }
    store().wrote();
  };

  return {
    write(text) {
      const pieces = (partial + text).split('\n');
      partial = pieces.pop()!.slice(-maxLineChars);
      if (pieces.length) append(pieces.map((l) => `${l.slice(0, maxLineChars)}\n`).join(''));
    },
    close() {
      if (partial) append(`${partial}\n`);
      partial = '';
      close();
    },
  };
}
