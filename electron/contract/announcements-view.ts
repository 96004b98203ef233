/**
 * The PA queue as GET /api/announcements and the console show it. Types only, and from node-free
 * modules, so the console's browser build reads the same shapes the host sends.
 */
import type { Announcement } from './announcement.js';
import type { Lang } from './hall-config.js';
import type { AnnouncementKind, AudioOutput } from './messages.js';

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

/** The PA queue's own view (electron/host/domain/announcements/snapshot.ts takes it). */
export interface QueuedView extends Announcement {
  /** The rank it is ordered by now (a care notice past its wait ranks above calls). */
  priority: number;
  merged: number;
  /** A care notice waiting for quiet hours to end. */
  held: boolean;
}

export interface AnnouncementSnapshot {
  at: number;
  current: (QueuedView & { startedAt: number | null; expectedEndAt: number }) | null;
  pending: QueuedView[];
  recent: RecentEntry[];
}

/** What just happened to an announcement, newest first in `recent`. */
export interface RecentEntry {
  id: string;
  kind: AnnouncementKind;
  key: string | null;
  outcome: 'played' | 'failed' | 'dropped' | 'rejected';
  reason: string | null;
  at: number;
}

/** What an announcement says, as the display plays it (electron/host/services/pa-desk/spoken.ts composes it). */
export interface Clip {
  /** Same-origin URL the display fetches. */
  url: string;
  durationMs: number;
}

export interface Spoken {
  clips: Clip[];
  /** Leading clips that may sound while the programme ducks: the chime. */
  leadIn: number;
  lines: { lang: Lang; text: string }[];
}

/** A display the PA can reach (electron/host/services/pa-desk/display-roster.ts keeps them). */
export interface RosterEntry {
  display: string;
  audio: AudioOutput;
  /** false while the display is not heartbeating (lost); it cannot speak then. */
  alive: boolean;
  speaker: boolean;
  /** Its PA role where displays.json names the speaker and standbys; absent: none. */
  role?: 'speaker' | 'standby';
  /** Its displays.json id, when it holds one. */
  name?: string;
}

/** Whether the hall's PA can be heard (electron/host/services/pa-desk/pa-reach.ts works it out). */
export interface PaReach {
  /** A display with working audio is connected and heartbeating: it speaks what is requested now. */
  canSpeak: boolean;
  /** The display that speaks, or null. */
  display: string | null;
  /** Epoch ms: since when this display speaks, or since when none has (the player's start at the latest). */
  since: number;
  /** Why nobody can speak (for people), or null. */
  reason: string | null;
  /** What POST /api/announce refuses now: nothing, emergencies only (in the grace), or everything. */
  refuses: 'nothing' | 'emergencies' | 'everything';
  /** Epoch ms at which the grace ends and every request is refused; null while a display speaks. */
  graceUntil: number | null;
}
