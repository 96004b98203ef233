/**
 * The proof-of-play log: one JSON line per playback event, a file per local day, each line forced
 * to disk (fsync) before the next, so a power cut loses at most the event being written. Halls use
 * it for assessment (考核): what was attempted, shown, ended or skipped, and how late a scheduled
 * programme actually started; and one line per queue call (`event: 'call-moment'`,
 * domain/call-moment/paint-tally.ts): which displays flashed it, and how far apart.
 */
import type { PlaybackReport } from '../../../contract/messages.js';
import type { Health } from '../../domain/health/health.js';
import type { CallMomentRecord } from '../../domain/call-moment/paint-tally.js';
import { openDailyJsonl } from './daily-jsonl.js';
import type { SwitchReason } from '../schedule-runner/schedule-runner.js';
import type { TimeZone } from '../../domain/time/time-zone.js';

export interface ProofOfPlayRecord extends PlaybackReport {
  /** Host clock when the record was written. */
  logged: number;
  /** Which display sent it. */
  display: string;
  /** When this programme's slot began (epoch ms); null for a report of another programme than the current one. */
  scheduledAt: number | null;
  /** For the first frame after a switch at a slot's boundary: how long after the boundary it appeared (ms). */
  lateMs?: number;
  /**
   * For the first frame of a programme the player came into mid-slot instead: why (the player
   * started, the schedule was edited, the clock stepped) and how far into the slot (ms). Not lateness:
   * nothing was scheduled to appear at that moment, so an assessment (考核) must not count it.
   */
  joined?: Joined;
  joinedMs?: number;
}

export type Joined = 'player-start' | 'schedule-edit' | 'clock-step';

const JOINED: Partial<Record<SwitchReason, Joined>> = { start: 'player-start', config: 'schedule-edit', 'clock-jump': 'clock-step' };

/**
 * What the first frame after a switch says about timing. Only a switch at a boundary the running
 * player met (on time, or noticed late by the heartbeat) has a lateness; a player started at 08:53
 * into a slot that began at 08:30 did not show it 23 minutes late.
 */
export function switchTiming(reason: SwitchReason, sinceSlotMs: number): Pick<ProofOfPlayRecord, 'lateMs' | 'joined' | 'joinedMs'> {
  const joined = JOINED[reason];
  return joined ? { joined, joinedMs: sinceSlotMs } : { lateMs: sinceSlotMs };
}

export interface ProofOfPlayLog {
  /** False when the disk refused it: dropped, counted under `disk` in health (see daily-jsonl.ts). */
  write(record: ProofOfPlayRecord | CallMomentRecord): boolean;
  close(): void;
}

export function openProofOfPlayLog(dir: string, zone: () => TimeZone, health?: Health): ProofOfPlayLog {
  const log = openDailyJsonl<ProofOfPlayRecord | CallMomentRecord>(dir, zone, { name: 'proof-of-play', health: health ?? null });
  return { write: (record) => log.write(record, record.logged), close: () => log.close() };
}
