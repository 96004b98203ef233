/**
 * The playlist files the console edits, as far as its forms go (playlists/README.md). Editors
 * change fields by spreading, so keys a form does not know survive a save. Items, entries, notices
 * and rules are the player's own types; a file differs from the loaded configuration only where
 * the loader fills defaults (a programme's order and volume, an entry's priority) and in `$schema`.
 */
import type {
  CalendarDefinition,
  CareRule,
  DayToken,
  DisplayArea,
  DisplayConfig,
  ImageItem,
  Lang,
  Localized,
  ProgrammeItem,
  ScheduleEntry as LoadedEntry,
  TextSlideItem,
  TimedAnnouncement,
  VideoItem,
} from '../../../electron/contract/hall-config.js';

export type { CalendarDefinition, CareRule, DayToken, DisplayArea, DisplayConfig, ImageItem, ProgrammeItem, TextSlideItem, TimedAnnouncement, VideoItem };
export type ScheduleEntry = Omit<LoadedEntry, 'priority'> & { priority?: number };

export interface Programme {
  $schema?: string;
  title: Localized;
  order?: 'loop' | 'shuffle';
  volume?: number;
  layout?: string;
  hideZones?: string[];
  items: ProgrammeItem[];
}

export interface Schedule {
  $schema?: string;
  timezone: string;
  calendar?: string;
  default?: string;
  entries: ScheduleEntry[];
}

export interface Calendars {
  $schema?: string;
  calendars: Record<string, CalendarDefinition>;
}

export interface AnnouncementsFile {
  $schema?: string;
  languages?: Lang[];
  timed?: TimedAnnouncement[];
  careRules?: CareRule[];
  templates?: Record<string, Localized>;
  [key: string]: unknown;
}

export interface QueueFile {
  services: { id: string; name: Localized; priority?: boolean }[];
  counters: { id: number; services: string[] }[];
}

export interface LayoutsFile {
  default?: string;
  layouts: Record<string, { zones: Record<string, { kind: string }> }>;
}

export interface DisplaysFile {
  $schema?: string;
  displays: Record<string, DisplayConfig>;
  [key: string]: unknown;
}
