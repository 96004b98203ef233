/**
 * STATE/history/: every change the console made to a playlist file, one JSON file per change with
 * the text before and after, so any change can be read as a diff and undone. Ids sort by time
 * (`20261201T101700123Z-0001`); only the newest `max` entries are kept.
 */
import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { unlink } from 'node:fs/promises';
import path from 'node:path';
import { createTwoFilesPatch } from 'diff';
import type { Health } from '../../domain/health/health.js';
import { diskStore } from '../../domain/health/disk-store.js';
import { diskIo, writeFileAtomic, type WriteIo } from './atomic-file.js';

export const HISTORY_FOLDER = 'history';
export const MAX_HISTORY = 500;
const ID = /^\d{8}T\d{9}Z-\d{4}$/;

export interface HistoryEntry {
  id: string;
  /** Epoch ms. */
  at: number;
  path: string;
  action: 'save' | 'delete' | 'rollback';
  /** Versions (sha256 of the bytes); null: the file did not exist before, or does not after. */
  before: string | null;
  after: string | null;
  /** For a rollback: the entry it undid. */
  undoes?: string;
}

export interface HistoryRecord extends HistoryEntry {
  beforeText: string | null;
  afterText: string | null;
}

export interface History {
  /** Writes the entry (atomically; DiskFullError when the disk is full) and returns it with its id. */
  record(change: Omit<HistoryRecord, 'id' | 'at'>): Promise<HistoryRecord>;
  /** Takes back an entry whose change could not be made after all. */
  forget(id: string): Promise<void>;
  /** Newest first. */
  list(): HistoryEntry[];
  get(id: string): HistoryRecord | null;
}

export interface HistoryOptions {
  stateDir: string;
  now: () => number;
  max?: number;
  io?: WriteIo;
  /** Where a disk that refuses an entry is reported (`disk`, key 'history'); the console's save is refused with it. */
  health?: Health;
}

export function createHistory(options: HistoryOptions): History {
  const dir = path.join(options.stateDir, HISTORY_FOLDER);
  const max = options.max ?? MAX_HISTORY;
  // Entries without their texts, newest first: the list is answered from memory.
  let index: HistoryEntry[] | null = null;
  const disk = diskStore(options.health, 'history', 'console saves refused');

  const load = (): HistoryEntry[] => {
    if (index) return index;
    let names: string[];
    try {
      names = readdirSync(dir).filter((n) => n.endsWith('.json') && ID.test(n.slice(0, -'.json'.length)));
    } catch {
      names = [];
    }
    index = names
      .sort()
      .reverse()
      .map((name) => read(name.slice(0, -'.json'.length)))
      .filter((r): r is HistoryRecord => r !== null)
      .map(entryOf);
    return index;
  };

  const read = (id: string): HistoryRecord | null => {
    if (!ID.test(id)) return null;
    try {
      return JSON.parse(readFileSync(path.join(dir, `${id}.json`), 'utf8')) as HistoryRecord;
    } catch {
      return null;
    }
  };

  const nextId = (at: number): string => {
    const stamp = new Date(at).toISOString().replace(/[-:.]/g, '');
    const newest = load()[0]?.id;
    // Changes within one millisecond (or a clock set back) still sort in the order they were made.
    const base = newest && newest.slice(0, stamp.length) >= stamp ? newest.slice(0, stamp.length) : stamp;
    const seq = newest && newest.startsWith(base) ? Number(newest.slice(base.length + 1)) + 1 : 1;
    return `${base}-${String(seq).padStart(4, '0')}`;
  };

  return {
    async record(change) {
      const at = options.now();
      const record: HistoryRecord = { id: nextId(at), at, ...change };
      try {
        mkdirSync(dir, { recursive: true });
        await writeFileAtomic(path.join(dir, `${record.id}.json`), Buffer.from(`${JSON.stringify(record, null, 2)}\n`), options.io ?? diskIo);
      } catch (error) {
        disk.failed(error);
        throw error;
      }
      disk.wrote();
      const entries = load();
      entries.unshift(entryOf(record));
      for (const old of entries.splice(max)) await unlink(path.join(dir, `${old.id}.json`)).catch(() => undefined);
      return record;
    },
    async forget(id) {
      await unlink(path.join(dir, `${id}.json`)).catch(() => undefined);
      index = load().filter((e) => e.id !== id);
    },
    list: () => [...load()],
    get: read,
  };
}

/** A unified diff of an entry's change, as `git diff` prints it. */
export function historyDiff(record: HistoryRecord): string {
  return createTwoFilesPatch(
    record.before === null ? '/dev/null' : `a/${record.path}`,
    record.after === null ? '/dev/null' : `b/${record.path}`,
    record.beforeText ?? '',
    record.afterText ?? '',
    undefined,
    undefined,
    { context: 3 },
  );
}

/** The entry without its texts. */
export function entryOf(record: HistoryRecord): HistoryEntry {
  return {
    id: record.id,
    at: record.at,
    path: record.path,
    action: record.action,
    before: record.before,
    after: record.after,
    ...(record.undoes ? { undoes: record.undoes } : {}),
  };
}
