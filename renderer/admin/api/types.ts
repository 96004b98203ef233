/**
 * The shapes of the console's routes (electron/core/admin/README.md). The display's contract
 * types are reused where the answer carries them; the rest is written out here because the host's
 * own types live in Node-only modules the browser build must not pull in.
 */
import type { QueueBoardCall, QueueBoardCounter, QueueBoardService, QueueFeedStatus } from '../../../electron/contract.js';

export type Localized = { 'zh-CN': string; en?: string };
export type Lang = 'zh-CN' | 'en';

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

export interface Diagnostic {
  file: string;
  line: number;
  col: number;
  severity: 'error' | 'warning';
  message: string;
  /** JSON Pointer of the value in `file` ("" for the whole file); absent when the finding has none. */
  pointer?: string;
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

export interface TimelineRow {
  at: number;
  date: string;
  time: string;
  offset: string;
  programme: string | null;
  title: string;
  entry: string | null;
  why: string;
}

export interface Timeline {
  timezone: string;
  from: string;
  days: number;
  rows: TimelineRow[];
}

export interface SpokenLine {
  lang: Lang;
  text: string;
}

export interface PaItem {
  id: string;
  kind: 'emergency' | 'pa' | 'call' | 'care';
  priority: number;
  requestedAt: number;
  expiresAt: number | null;
  repeat: number;
  key: string | null;
  merged: number;
  held: boolean;
  lines: SpokenLine[];
  durationMs: number;
}

export interface PaCurrent extends PaItem {
  startedAt: number | null;
  expectedEndAt: number;
  display: string | null;
}

export interface PaRecent {
  id: string;
  kind: PaItem['kind'];
  key: string | null;
  outcome: 'played' | 'failed' | 'dropped' | 'rejected';
  reason: string | null;
  at: number;
}

export interface PaQueue {
  at?: number;
  current: PaCurrent | null;
  /** The admin status carries the whole queue; the plain status only a count. */
  pending: PaItem[] | number;
  recent?: PaRecent[];
  displays?: number;
}

export interface QueueStatus {
  now: number;
  feed: QueueFeedStatus;
  nowServing: QueueBoardCounter[];
  recentCalls: QueueBoardCall[];
  services: QueueBoardService[];
  overdue: { ticket: string; service: string; waitedMinutes: number }[];
}

export type Alert = { kind: 'care-rule'; rule: string; reason: string } | { kind: 'overdue'; ticket: string; service: string; waitedMinutes: number };

export interface DisplayInfo {
  id: string;
  shell: 'electron' | 'chromium' | null;
  width: number | null;
  height: number | null;
  lastSeen: number;
  programme: string | null;
  item: string | null;
  position: number | null;
}

export interface HallStatus {
  ok: boolean;
  uptimeSeconds: number;
  programme: { id: string; title: Localized } | null;
  entry: string | null;
  since: number | null;
  nextSwitch: { at: number; programme: string | null; entry: string | null } | null;
  nowPlaying: { item: string | null; position: number | null } | null;
  displays: DisplayInfo[];
  playlists: { loadedAt: number | null; errors: string[]; warnings: string[] };
  queue: QueueStatus | null;
  announcements: PaQueue;
  alerts: Alert[];
}

export interface AnnounceAnswer {
  id: string;
  state: 'queued' | 'merged';
}
