/**
 * The playlist folder as the player sees it once it has been validated. One JSON Schema per file
 * kind lives in playlists/schema/; these types mirror them (playlists/README.md documents both).
 */
import type { CalendarDefinition } from '../schedule/calendar.js';

export type Lang = 'zh-CN' | 'en';
/** zh-CN is required (Chinese first); en is the second language. */
import type { FeedConfig } from '../queue-feeds/feed-config.js';

export interface Localized {
  'zh-CN': string;
  en?: string;
}

export interface VideoItem {
  type: 'video';
  src: string;
  /** Trim, seconds into the file. */
  in?: number;
  out?: number;
  volume?: number;
  muted?: boolean;
}

export interface ImageItem {
  type: 'image';
  src: string;
  duration: number;
}

export interface TextSlideItem {
  type: 'text';
  duration: number;
  title: Localized;
  body?: Localized;
  background?: string;
  color?: string;
}

export type ProgrammeItem = VideoItem | ImageItem | TextSlideItem;

export interface Programme {
  id: string;
  title: Localized;
  order: 'loop' | 'shuffle';
  /** Master volume of the programme, 0..1; items scale it. */
  volume: number;
  layout?: string;
  /** Zones of the layout this programme leaves empty (e.g. a full-screen film hides the queue). */
  hideZones?: string[];
  items: ProgrammeItem[];
}

export const ZONE_KINDS = ['programme', 'queue', 'ticker', 'clock', 'announcement'] as const;
export type ZoneKind = (typeof ZONE_KINDS)[number];

export interface Zone {
  kind: ZoneKind;
  /** Fractions of the screen, 0..1, from the top-left corner. */
  x: number;
  y: number;
  w: number;
  h: number;
}

export interface Layout {
  orientation: 'landscape' | 'portrait';
  background?: string;
  zones: Record<string, Zone>;
}

export interface LayoutsFile {
  default: string;
  layouts: Record<string, Layout>;
}

export interface TickerNotice {
  text: Localized;
  /** Limits a notice to some days, e.g. a weekend offer; absent = always. */
  validFrom?: string;
  validTo?: string;
}

export interface TickerFile {
  /** Scroll speed in pixels per second on a 1080-pixel-high screen (scaled with the screen). */
  speed: number;
  notices: TickerNotice[];
}

export type DayToken = 'mon' | 'tue' | 'wed' | 'thu' | 'fri' | 'sat' | 'sun' | 'workday' | 'restday' | 'holiday';

export interface ScheduleEntry {
  id: string;
  programme: string;
  /** Higher wins where entries overlap; equal priorities go to the entry listed first. */
  priority: number;
  cron?: string;
  /** With cron: how long it lasts (ISO 8601, e.g. PT2H30M) … */
  duration?: string;
  /** … or the local time it ends (the next such time after the start). */
  until?: string;
  daypart?: { from: string; to: string };
  days?: DayToken[];
  validFrom?: string;
  validTo?: string;
  except?: string[];
  calendar?: string;
}

export interface ScheduleFile {
  timezone: string;
  /** Calendar used by day tokens (workday, restday, holiday) unless an entry names another. */
  calendar?: string;
  /** What plays when no entry does; absent = the idle branding slide. */
  default?: string;
  entries: ScheduleEntry[];
}

export interface CalendarsFile {
  calendars: Record<string, CalendarDefinition>;
}

/** playlists/queue.json: see playlists/schema/queue.schema.json for every field's meaning. */
export interface QueueFile {
  services: { id: string; name: Localized; priority?: boolean; serviceMinutes: number }[];
  counters: { id: number; services: string[] }[];
  recentCalls?: number;
  callMaxAgeSeconds?: number;
  overdueMinutes?: number;
  reorderWindowMs?: number;
  feed: FeedConfig;
}

export interface HallConfig {
  schedule: ScheduleFile;
  programmes: Record<string, Programme>;
  layouts: LayoutsFile;
  ticker: TickerFile;
  calendars: CalendarsFile;
  /** null: the hall has no queue.json, so no queue data. */
  queue: QueueFile | null;
}
