/**
 * The PA queue as GET /api/announcements and the console show it. Types only, and from node-free
 * modules, so the console's browser build reads the same shapes the host sends.
 */
import type { Announcement } from '../host/domain/announcements/announcement.js';
import type { AnnouncementSnapshot } from '../host/domain/announcements/snapshot.js';
import type { Spoken } from '../host/services/pa-desk/spoken.js';
import type { RosterEntry } from '../host/services/pa-desk/display-roster.js';
import type { PaReach } from '../host/services/pa-desk/pa-reach.js';

export interface AnnouncementsView extends Omit<AnnouncementSnapshot, 'current' | 'pending'> {
  current: (ItemView & { startedAt: number | null; expectedEndAt: number; display: string | null }) | null;
  pending: ItemView[];
  /** Displays that joined the PA (said hello); `roster` has each one's audio and who speaks. */
  displays: number;
  /** The display that would speak now, or null: none has reported its audio output ready. */
  speaker: string | null;
  /** Whether the PA can be heard, since when, why not, and what POST /api/announce refuses now. */
  reach: PaReach;
  roster: RosterEntry[];
}

export interface ItemView {
  id: string;
  kind: Announcement['kind'];
  priority: number;
  requestedAt: number;
  expiresAt: number | null;
  repeat: number;
  key: string | null;
  merged: number;
  held: boolean;
  lines: Spoken['lines'];
  durationMs: number;
}
