/**
 * What GET /api/status answers. Types only, and from node-free modules, so the console's browser
 * build reads the same shapes the host sends.
 */
import type { EmergencyStatus } from './emergency.js';
import type { DisplayPower } from './power.js';
import type { AudioOutput, DisplayHello, QueueBoardState } from './messages.js';
import type { AnnouncementsView } from './announcements-view.js';
import type { DisplayArea, Localized } from './hall-config.js';
import type { HealthView } from './health-view.js';

export interface PlaylistStatus {
  loadedAt: number | null;
  from: 'folder' | 'saved copy' | null;
  /** Findings of the last load that was refused; empty once a valid folder loads. */
  errors: string[];
  warnings: string[];
  /** Loads of the folder refused since the player started (each kept the configuration in force). */
  refused: number;
}

export interface DisplayInfo {
  /** Its displays.json id when assigned; else its session's id. */
  id: string;
  /** The session's id (one per page load), whatever the display claimed. */
  session: string;
  /** It holds a displays.json entry. */
  assigned: boolean;
  /** The id its page asked for (`?display=`), cut to 80 characters; null: none. */
  requested: string | null;
  /** Why it is unassigned although it asked for an id; null: it is not, or it asked for none. */
  problem: string | null;
  /** Its displays.json name and area, when assigned. */
  name: Localized | null;
  area: DisplayArea | null;
  shell: DisplayHello['shell'] | null;
  width: number | null;
  height: number | null;
  lastSeen: number;
  programme: string | null;
  item: string | null;
  position: number | null;
  /** Ms its picture had stood still at its last heartbeat (the picture watchdog's input); null: not moved since its page loaded; absent: it does not say. */
  stillForMs?: number | null;
  /** What the display last reported of its audio output: only a `ready` one can speak for the PA. */
  audio: AudioOutput;
  /** false after it stopped heartbeating, until it heartbeats again. */
  alive: boolean;
  /** This display carries the hall's PA now (in /api/status). */
  speaker?: boolean;
  /** Its PA role in displays.json (speaker, standby), when it has one. */
  pa?: 'speaker' | 'standby';
  /** The layout it is showing now. */
  layout?: string;
  /** Its screen's power (on/off, since, next change), from displays.json's power windows. */
  power?: DisplayPower;
}

export interface HostStatus {
  ok: boolean;
  uptimeSeconds: number;
  programme: { id: string; title: Localized } | null;
  entry: string | null;
  since: number | null;
  nextSwitch: { at: number; programme: string | null; entry: string | null } | null;
  nowPlaying: { item: string | null; position: number | null } | null;
  /** Every display connected now, assigned or not. */
  displays: DisplayInfo[];
  /** displays.json's displays that no connected display holds. */
  displaysMissing: string[];
  /** Every display of displays.json by id (and unassigned ones under ""): its screen's power, connected or not. */
  power?: Record<string, DisplayPower>;
  playlists: PlaylistStatus;
  /** null: the hall has no queue.json. */
  queue: QueueStatus | null;
  /**
   * What the PA is saying, how many wait (GET /api/announcements has the whole queue), and whether
   * it can be heard at all: `reach.canSpeak`, the display, since when, why not, what is refused.
   */
  announcements: { current: AnnouncementsView['current']; pending: number; reach: AnnouncementsView['reach'] };
  /** The emergency takeover in force (who raised it, which displays show it), or null. */
  emergency: EmergencyStatus | null;
  /** For the floor staff: tickets over time, services overloaded (care rules). */
  alerts: Alert[];
  /** The player's own faults, by class: counts since start and conditions still active. */
  health: HealthView;
}

/** The queue as the floor staff's tools read it from /api/status. */
export interface QueueStatus {
  /** The queue's clock now, epoch ms (the simulator's, when it runs faster than life): "ago" counts from it. */
  now: number;
  feed: QueueBoardState['feed'];
  nowServing: QueueBoardState['serving'];
  recentCalls: QueueBoardState['calls'];
  services: QueueBoardState['services'];
  /** Over-time alerts: tickets waiting longer than queue.json's overdueMinutes, longest first. */
  overdue: { ticket: string; service: string; waitedMinutes: number }[];
}

/** A service overloaded by a care rule's measure, for the floor staff. */
export interface CareAlert {
  kind: 'care-rule';
  rule: string;
  reason: string;
}

/** A year whose holidays are only computed (host/domain/schedule/holiday-alerts.ts raises it). */
export interface ProvisionalHolidaysAlert {
  kind: 'provisional-holidays';
  /** The calendar of calendars.json whose preset lacks the year. */
  calendar: string;
  year: number;
  message: string;
}

/** For the floor staff: tickets over time, services overloaded, a year's holidays only computed. */
export type Alert = CareAlert | { kind: 'overdue'; ticket: string; service: string; waitedMinutes: number } | ProvisionalHolidaysAlert;
