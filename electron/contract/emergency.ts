/**
 * The emergency takeover as host and display share it: one host-wide emergency at a time, raised by
 * POST /api/emergency (the console, `hallcast emergency`), shown by every display at once and read
 * by the hall's speaker on repeat until DELETE /api/emergency clears it.
 */
/** A language of the hall (hall-config.ts `Lang`; spelt out here so the two files do not import each other). */
type Lang = 'zh-CN' | 'en';

/**
 * notice: a ticker line over the programme, which keeps playing; alert: a large banner over
 * everything, the programme paused; evacuate: the whole screen, the programme paused.
 */
export const EMERGENCY_LEVELS = ['notice', 'alert', 'evacuate'] as const;
export type EmergencyLevel = (typeof EMERGENCY_LEVELS)[number];

/** What every display shows while the emergency lasts. */
export interface EmergencyView {
  id: string;
  level: EmergencyLevel;
  /** The words, zh-CN first (the order they are read in). */
  lines: { lang: Lang; text: string }[];
  /** The announcements.json emergency template it came from, or null for free text. */
  template: string | null;
  /** Host clock, epoch ms. */
  raisedAt: number;
}

/** A display's word that it shows the emergency (sent once per emergency, when painted). */
export interface EmergencyAcknowledgement {
  id: string;
  /** Display's clock (corrected to the host's), epoch ms: when the takeover was painted. */
  at: number;
}

/** Who raised or cleared it, for the log: the channel and, where known, the person or machine. */
export interface EmergencyActor {
  /** http: the local API (a PA system, a script); cli: `hallcast emergency`; console: a floor manager. */
  via: 'http' | 'cli' | 'console';
  /** The HTTP peer's address, or the console's user. */
  who: string;
}

/** The active emergency in /api/status and GET /api/emergency. */
export interface EmergencyStatus extends EmergencyView {
  raisedBy: EmergencyActor;
  /** Displays that showed it, in the order they said so (display clock of the paint, host-corrected). */
  acknowledged: { display: string; at: number }[];
  /** Readings started on the speaking display so far (each play is several readings back to back). */
  plays: number;
}

/** announcements.json → emergencyTemplates: a prepared bilingual notice, chosen by id. */
export interface EmergencyTemplate {
  /** The level it is raised at unless the request names one. */
  level: EmergencyLevel;
  text: { 'zh-CN': string; en: string };
}
