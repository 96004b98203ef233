/**
 * The playlist files the console edits, as far as its forms go (playlists/README.md). Editors
 * change fields by spreading, so keys a form does not know survive a save.
 */
import type { Lang, Localized } from './types.js';

export type DayName = 'mon' | 'tue' | 'wed' | 'thu' | 'fri' | 'sat' | 'sun' | 'workday' | 'restday' | 'holiday';

export interface VideoItem {
  type: 'video';
  src: string;
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

export interface TextItem {
  type: 'text';
  duration: number;
  title: Localized;
  body?: Localized;
  background?: string;
  color?: string;
}

export type ProgrammeItem = VideoItem | ImageItem | TextItem;

export interface Programme {
  $schema?: string;
  title: Localized;
  order?: 'loop' | 'shuffle';
  volume?: number;
  layout?: string;
  hideZones?: string[];
  items: ProgrammeItem[];
}

export interface ScheduleEntry {
  id: string;
  programme: string;
  priority?: number;
  cron?: string;
  duration?: string;
  until?: string;
  daypart?: { from: string; to: string };
  days?: DayName[];
  validFrom?: string;
  validTo?: string;
  except?: string[];
  calendar?: string;
}

export interface Schedule {
  $schema?: string;
  timezone: string;
  calendar?: string;
  default?: string;
  entries: ScheduleEntry[];
}

export interface Calendar {
  preset?: string;
  holidays?: string[];
  workdays?: string[];
  notHolidays?: string[];
}

export interface Calendars {
  $schema?: string;
  calendars: Record<string, Calendar>;
}

export interface WaitPolicy {
  maxWaitSeconds: number;
  then: 'play' | 'skip';
}

export interface TimedNotice {
  id: string;
  cron: string;
  text: Localized;
  languages?: Lang[];
  repeat?: number;
  expiresAfterSeconds?: number;
  wait?: WaitPolicy;
  days?: DayName[];
  validFrom?: string;
  validTo?: string;
  except?: string[];
}

export interface CareSlide {
  title: Localized;
  body?: Localized;
  image?: string;
  background?: string;
  color?: string;
  seconds?: number;
}

export interface CareRule {
  id: string;
  service: string;
  waitingAtLeast?: number;
  estimateMinutesAtLeast?: number;
  everyMinutes?: number;
  text?: Localized;
  languages?: Lang[];
  slide?: CareSlide;
}

export interface AnnouncementsFile {
  $schema?: string;
  languages?: Lang[];
  timed?: TimedNotice[];
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
