/**
 * The announcement log: what was asked, what was said, what was dropped and why, one JSON line per
 * event in STATE/announcements/YYYY-MM-DD.jsonl (fsync'd, like the proof-of-play log).
 */
import type { AnnouncementKind, DuckPlan } from '../../../contract/messages.js';
import type { Lang } from '../../../contract/hall-config.js';

/** Where a request came from: the API (PA, console, CLI), the queue board, a timed entry, a care rule, an emergency takeover's reading. */
export type AnnouncementSource = 'api' | 'queue' | 'timed' | 'care' | 'emergency';

export type AnnouncementLogRecord =
  | { event: 'requested'; at: number; id: string; kind: AnnouncementKind; source: AnnouncementSource; key: string | null; repeat: number; expiresAt: number | null; lines: { lang: Lang; text: string }[] }
  | { event: 'merged'; at: number; id: string; into: string; merged: number }
  | { event: 'started'; at: number; id: string; display: string }
  | { event: 'ducked'; at: number; id: string; display: string; duck: DuckPlan }
  | { event: 'ended'; at: number; id: string; failure: string | null }
  | { event: 'stop'; at: number; id: string; reason: string }
  | { event: 'dropped'; at: number; id: string; reason: string }
  | { event: 'rejected'; at: number; id: string; reason: string };
