/**
 * The playlist folder as the player sees it once it has been validated. One JSON Schema per file
 * kind lives in playlists/schema/; these types mirror them (playlists/README.md documents both).
 */
export type Lang = 'zh-CN' | 'en';
/** zh-CN is required (Chinese first); en is the second language. */
import type { FeedConfig } from './feed-config.js';
import type { EmergencyTemplate } from './emergency.js';

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

export const ZONE_KINDS = ['programme', 'queue', 'ticker', 'clock', 'announcement', 'counter'] as const;
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
  /**
   * The layout a portrait screen gets when its display's layout is `auto` and the programme's
   * layout is a landscape one; absent = the first portrait layout in the file.
   */
  defaultPortrait?: string;
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

/** Calendars a hall's day tokens use (electron/host/domain/schedule/calendar.ts builds them). */
export const CALENDAR_PRESETS = ['cn-mainland'] as const;
export type CalendarPreset = (typeof CALENDAR_PRESETS)[number];

export interface CalendarDefinition {
  /** Public holidays and make-up working days from a maintained source. */
  preset?: CalendarPreset;
  /** Extra days off for this hall (closures, local holidays). */
  holidays?: string[];
  /** Extra working days (make-up days the preset lacks). */
  workdays?: string[];
  /** Preset holidays on which this hall works as on an ordinary day. */
  notHolidays?: string[];
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

/** Free text to read out, per language; zh-CN is required (Chinese first). */
export type SpokenText = Localized;

/** A timed care notice: read out at every cron occurrence (playlists/announcements.json → "timed"). */
export interface TimedAnnouncement {
  id: string;
  /** 5 or 6 fields, the hall's local time, same syntax and DST rule as schedule.json. */
  cron: string;
  /** Same day filters as a schedule entry, on the local day of the occurrence. */
  days?: DayToken[];
  validFrom?: string;
  validTo?: string;
  except?: string[];
  text: SpokenText;
  /** Languages read, in order; default: the file's "languages". */
  languages?: Lang[];
  /** Default 1. */
  repeat?: number;
  /** Dropped if it could not start within this many seconds of its time. Default 600. */
  expiresAfterSeconds?: number;
  /** While something else speaks: wait up to maxWaitSeconds, then "play" (ahead of calls) or "skip". Default { 120, "play" }. */
  wait?: { maxWaitSeconds: number; then: 'play' | 'skip' };
}

/** A queue-aware care rule: when a service is overloaded, suggest another way (self-service, the app). */
export interface CareRule {
  id: string;
  /** queue.json service id. */
  service: string;
  /** Fires when the service's waiting count reaches this … */
  waitingAtLeast?: number;
  /** … or its estimate's lower bound reaches this many minutes (either one suffices). */
  estimateMinutesAtLeast?: number;
  /** At most one notice per this many minutes (per rule). Default 15. */
  everyMinutes?: number;
  /** The diversion notice read out; absent: the slide only. */
  text?: SpokenText;
  languages?: Lang[];
  /** The diversion slide shown over the programme for `seconds` (default 30). */
  slide?: { title: Localized; body?: Localized; image?: string; background?: string; color?: string; seconds?: number };
}

/** A text template a PA system may fill: POST /api/announce { "template": id, "vars": {…} }. */
export type TextTemplate = SpokenText;

export interface AnnouncementsFile {
  /** Languages every announcement is read in, in order. Default ["zh-CN", "en"]. */
  languages?: Lang[];
  /** Queue calls read out from the board. */
  calls?: {
    /** Default true. */
    enabled?: boolean;
    /** Default 1. */
    repeat?: number;
    /** A call not started within this many seconds of its arrival is dropped (the counter moved on). Default 30. */
    maxAgeSeconds?: number;
    /** Languages of calls; default the file's "languages". */
    languages?: Lang[];
  };
  /** Default true: a two-tone chime before every announcement. */
  chime?: boolean;
  /** Default { depthDb: -15, attackSeconds: 0.5, releaseSeconds: 1.5 }. */
  duck?: { depthDb?: number; attackSeconds?: number; releaseSeconds?: number };
  /** Silence between two readings, s. Default 0.8. */
  repeatPauseSeconds?: number;
  /** "HH:MM" windows, local: calls are not read out, care notices wait. */
  quietHours?: { from: string; to: string }[];
  /** Waiting announcements beyond this are dropped (lowest priority first). Default 50. */
  maxPending?: number;
  /**
   * How long, s, requests wait for a display with working audio once the hall has none; after
   * that every request to POST /api/announce is refused (503). Emergencies never wait. Default 60.
   */
  speakerGraceSeconds?: number;
  timed?: TimedAnnouncement[];
  careRules?: CareRule[];
  templates?: Record<string, TextTemplate>;
  /** Prepared bilingual notices for the emergency takeover (POST /api/emergency {"template": ID}). */
  emergencyTemplates?: Record<string, EmergencyTemplate>;
  /** The engine for free text: the bundled espeak-ng (default) or the hall's own command. */
  tts?: { engine: 'espeak'; rate?: number } | { engine: 'command'; id: string; voices: Partial<Record<Lang, string[]>>; rate?: number; timeoutSeconds?: number };
}

/**
 * Screens that sleep with the hall (displays.json → "power"; absent = always on). A window is a time
 * the screens are on, on the local days its `days` tokens allow (none: every day); `to` ≤ `from` ends the next day.
 */
export interface PowerWindow {
  days?: DayToken[];
  /** "HH:MM" local, the hall's zone. */
  from: string;
  /** "HH:MM" local; "24:00" is midnight at the day's end. */
  to: string;
}

export interface PowerConfig {
  windows: PowerWindow[];
  /** The calendar of calendars.json its day tokens use; absent: schedule.json's. */
  calendar?: string;
}

/** Where a display hangs: the care manual's areas of a hall. */
export const DISPLAY_AREAS = ['entrance', 'waiting', 'self-service', 'counter', 'business', 'vip', 'other'] as const;
export type DisplayArea = (typeof DISPLAY_AREAS)[number];

/** A display's own programmes: tried first; when none of its entries runs, the hall's schedule plays (or its own default). */
export interface DisplaySchedule {
  /** Played when none of the display's entries runs; absent = the hall's schedule then. */
  default?: string;
  entries: ScheduleEntry[];
}

/** One screen of the hall (playlists/displays.json), named by its id (electron/contract/display-id.ts). */
export interface DisplayConfig {
  name: Localized;
  area: DisplayArea;
  /** A layout of layouts.json, or `auto` (default): the programme's, turned to the screen's real aspect. */
  layout?: string;
  /** Zones of its layout this display never shows. */
  hideZones?: string[];
  schedule?: DisplaySchedule;
  /** speaker: carries the hall's PA; standby: takes over, in file order, while the speaker cannot. */
  pa?: 'speaker' | 'standby';
  /** The counter this screen serves (counter screens). */
  counter?: number;
  /** How far the nearest customers read it from, metres (default 5): text must be tall enough. */
  viewingDistanceMetres?: number;
  /** The physical screen, so the validator can turn pixels into millimetres (defaults: DEFAULT_SCREEN in zone-text.ts). */
  screen?: ScreenSize;
  /** Its own power windows over the hall's (electron/contract/power.ts). */
  power?: PowerConfig;
  /** Never sleeps, whatever the hall's power windows say (a screen outside the hall's doors). */
  alwaysOn?: boolean;
}

/** A display's panel: its diagonal and its resolution in CSS pixels (which also gives its aspect). */
export interface ScreenSize {
  diagonalInches: number;
  width: number;
  height: number;
}

export interface DisplaysFile {
  /** When the hall's screens are on; absent: always. */
  power?: PowerConfig;
  displays: Record<string, DisplayConfig>;
}

export interface HallConfig {
  schedule: ScheduleFile;
  programmes: Record<string, Programme>;
  layouts: LayoutsFile;
  ticker: TickerFile;
  calendars: CalendarsFile;
  /** null: the hall has no queue.json, so no queue data. */
  queue: QueueFile | null;
  /** null: no announcements.json; calls are still read out with the defaults. */
  announcements: AnnouncementsFile | null;
  /** null: no displays.json; every display plays the hall's schedule and the latest ready one speaks. */
  displays: DisplaysFile | null;
}
