/**
 * The proof-of-play log: one JSON line per playback event, a file per local day, each line forced
 * to disk (fsync) before the next, so a power cut loses at most the event being written. Halls use
 * it for assessment (考核): what was attempted, shown, ended or skipped, and how late a scheduled
 * programme actually started.
 */
import { closeSync, fsyncSync, mkdirSync, openSync, writeSync } from 'node:fs';
import path from 'node:path';
import type { PlaybackReport } from '../../contract.js';
import { formatLocal } from '../time/local-format.js';
import type { Zone } from '../time/zone.js';

export interface ProofOfPlayRecord extends PlaybackReport {
  /** Host clock when the record was written. */
  logged: number;
  /** Which display sent it. */
  display: string;
  /** When the schedule switched to this programme (epoch ms); null if it was already playing at start. */
  scheduledAt: number | null;
  /** For the first frame after a switch: how long after the scheduled switch it appeared (ms). */
  lateMs?: number;
}

export interface ProofOfPlayLog {
  write(record: ProofOfPlayRecord): void;
  close(): void;
}

export function openProofOfPlayLog(dir: string, zone: () => Zone): ProofOfPlayLog {
  mkdirSync(dir, { recursive: true });
  let day: string | null = null;
  let fd: number | null = null;
  return {
    write(record) {
      const today = formatLocal(zone(), record.logged).date;
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
