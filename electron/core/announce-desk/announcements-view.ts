/**
 * The PA queue as GET /api/announcements and the console show it. Types only, and from node-free
 * modules, so the console's browser build reads the same shapes the host sends.
 */
import type { Announcement } from '../announce/announcement.js';
import type { AnnouncementSnapshot } from '../announce/snapshot.js';
import type { Spoken } from './spoken.js';

export interface AnnouncementsView extends Omit<AnnouncementSnapshot, 'current' | 'pending'> {
  current: (ItemView & { startedAt: number | null; expectedEndAt: number; display: string | null }) | null;
  pending: ItemView[];
  displays: number;
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
