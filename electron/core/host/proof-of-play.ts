/**
 * The proof-of-play log: one JSON line per playback event, a file per local day, each line forced
 * to disk (fsync) before the next, so a power cut loses at most the event being written. Halls use
 * it for assessment (考核): what was attempted, shown, ended or skipped, and how late a scheduled
 * programme actually started.
 */
import type { PlaybackReport } from '../../contract.js';
import type { Health } from '../health/health.js';
import { openDailyJsonl } from '../log/daily-jsonl.js';
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
  /** False when the disk refused it: dropped, counted under `disk` in health (see daily-jsonl.ts). */
  write(record: ProofOfPlayRecord): boolean;
  close(): void;
}

export function openProofOfPlayLog(dir: string, zone: () => Zone, health?: Health): ProofOfPlayLog {
  const log = openDailyJsonl<ProofOfPlayRecord>(dir, zone, { name: 'proof-of-play', health: health ?? null });
  return { write: (record) => log.write(record, record.logged), close: () => log.close() };
}
