/**
 * An append-only JSON-lines log with one file per local day, each line forced to disk (fsync)
 * before the next, so a power cut loses at most the line being written. The proof-of-play and
 * announcement logs are both kept this way: halls are assessed (考核) on them.
 */
import { closeSync, fsyncSync, mkdirSync, openSync, writeSync } from 'node:fs';
import path from 'node:path';
import { formatLocal } from '../time/local-format.js';
import type { Zone } from '../time/zone.js';

export interface DailyJsonl<T> {
  /** Appends `record` to the file of the local day of `at` (epoch ms). */
  write(record: T, at: number): void;
  close(): void;
}

/** `zone` is asked on every write: a hall that changes its time zone starts the right day's file. */
export function openDailyJsonl<T>(dir: string, zone: () => Zone): DailyJsonl<T> {
  mkdirSync(dir, { recursive: true });
  let day: string | null = null;
  let fd: number | null = null;
  return {
    write(record, at) {
      const today = formatLocal(zone(), at).date;
      if (today !== day || fd === null) {
        if (fd !== null) closeSync(fd);
        day = today;
        fd = openSync(path.join(dir, `${today}.jsonl`), 'a');
      }
      writeSync(fd, `${JSON.stringify(record)}\n`);
      fsyncSync(fd);
    },
    close() {
      if (fd !== null) closeSync(fd);
      fd = null;
    },
  };
}
