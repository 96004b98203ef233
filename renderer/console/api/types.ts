/**
 * The shapes of the console's routes (electron/host/services/console/README.md). What the host already types
 * — status, PA queue, timeline, health, diagnostics — is imported from electron/contract/, so both
 * sides read one definition; the console's own routes (session, files, history, media) are typed here.
 */
import type { Diagnostic } from '../../../electron/contract/diagnostic.js';
import type { DayTimeline as Timeline, TimelineRow } from '../../../electron/contract/timeline-view.js';
import type { Alert, DisplayInfo, HostStatus, QueueStatus } from '../../../electron/contract/status-view.js';
import type { AnnouncementsView, ItemView } from '../../../electron/contract/announcements-view.js';
import type { HealthClass, HealthView } from '../../../electron/contract/health-view.js';

export type { Alert, Diagnostic, DisplayInfo, HealthClass, HealthView, QueueStatus, Timeline, TimelineRow };

export type { Lang, Localized } from '../../../electron/contract/hall-config.js';
export type { ScreensView } from '../../../electron/contract/screen-view.js';

export interface Session {
  signedIn: boolean;
  /** false: no console password set yet (`hallcast admin-password`). */
  passwordSet?: boolean;
  csrf?: string;
  expiresAt?: number;
}

export interface LoginAnswer {
  csrf: string;
  expiresAt: number;
}

export interface FileInfo {
  path: string;
  version: string;
  kind: string;
}

export interface FileAnswer<T = unknown> {
  path: string;
  version: string;
  content: T;
}

export interface SaveAnswer {
  version: string;
  applied: boolean;
}

export interface HistoryEntry {
  id: string;
  at: number | string;
  path: string;
  action: 'save' | 'delete' | 'rollback';
  before: string | null;
  after: string | null;
}

export interface HistoryDetail extends HistoryEntry {
  diff: string;
}

export interface MediaItem {
  path: string;
  kind: 'video' | 'image' | 'audio';
  bytes: number;
  sha256: string;
  name: string;
  durationSeconds: number | null;
  width: number | null;
  height: number | null;
  usedBy: string[];
}

export interface MediaList {
  media: MediaItem[];
  unused: string[];
}

/** One waiting or playing announcement, as the host shows it. */
export type PaItem = ItemView;

/** The PA queue: the console's status carries all of it, as GET /api/announcements. */
export type PaQueue = AnnouncementsView;

/** GET /admin/api/status: GET /api/status with the whole PA queue. */
export type HallStatus = Omit<HostStatus, 'announcements'> & { announcements: PaQueue };

export interface AnnounceAnswer {
  id: string;
  state: 'queued' | 'merged';
}
