/**
 * An append-only JSON-lines log with one file per local day, each line forced to disk (fsync)
 * before the next, so a power cut loses at most the line being written. The proof-of-play and
 * announcement logs are both kept this way: halls are assessed (考核) on them.
 *
 * A full or failing disk never stops the player: a record that cannot be written is dropped and
 * counted under a `disk` condition in health, no half line is left behind (append-line.ts), and
 * writing resumes with the next record once there is space again. Nothing is created before the
 * first record, so a player starts on a disk that has no room for a new folder.
 */
import path from 'node:path';
import type { Health } from '../../domain/health/health.js';
import { diskStore } from '../../domain/health/disk-store.js';
import { formatLocal } from '../../domain/time/local-format.js';
import type { TimeZone } from '../../domain/time/time-zone.js';
import { closeQuietly, diskAppendIo, type AppendIo } from './append-io.js';
import { appendLine } from './append-line.js';

export interface DailyJsonl<T> {
  /** Appends `record` to the file of the local day of `at` (epoch ms); false when it was dropped. */
  write(record: T, at: number): boolean;
  close(): void;
}

export interface DailyJsonlOptions {
  /** The log's name in /api/status → health, e.g. 'proof-of-play'. */
  name?: string;
  health?: Health | null;
  io?: AppendIo;
}

/** `zone` is asked on every write: a hall that changes its time zone starts the right day's file. */
export function openDailyJsonl<T>(dir: string, zone: () => TimeZone, options: DailyJsonlOptions = {}): DailyJsonl<T> {
  const io = options.io ?? diskAppendIo;
  const store = diskStore(options.health, options.name ?? path.basename(dir), 'records');
  let day: string | null = null;
  let fd: number | null = null;

  const close = (): void => {
    if (fd === null) return;
    closeQuietly(io, fd);
    fd = null;
  };

  return {
    write(record, at) {
      const today = formatLocal(zone(), at).date;
      const line = `${JSON.stringify(record)}\n`;
      try {
        if (today !== day || fd === null) {
          close();
          io.mkdir(dir);
          fd = io.open(path.join(dir, `${today}.jsonl`));
          day = today;
        }
        appendLine(io, fd, line);
      } catch (error) {
        // Opened afresh next time: a file that failed once is looked at again before the next line.
        close();
        store.failed(error);
        return false;
      }
      store.wrote();
      return true;
    },
    close,
  };
}
