/**
 * The hall's one emergency as pure state: raised (or replaced by a newer one), acknowledged by
 * each display that painted it, read on the speaker, cleared. Every transition is given `now` and
 * returns the new state with the records for the log, so that every step is written with who and
 * when. No timers, no I/O: the PA desk's emergency service (services/pa-desk/emergency-desk.ts)
 * runs it.
 */
import type { EmergencyActor, EmergencyLevel, EmergencyStatus, EmergencyView } from '../../../contract/emergency.js';
import type { Lang } from '../../../contract/hall-config.js';

export interface EmergencyRequest {
  level: EmergencyLevel;
  lines: { lang: Lang; text: string }[];
  template: string | null;
}

export interface ActiveEmergency extends EmergencyView {
  raisedBy: EmergencyActor;
  acknowledged: readonly { display: string; at: number }[];
  plays: number;
}

/** null: no emergency. */
export type EmergencyState = ActiveEmergency | null;

/** The emergency's lines in the announcement log (STATE/announcements/), beside the announcements that read it. */
export type EmergencyRecord =
  | {
      event: 'emergency-raised';
      at: number;
      id: string;
      level: EmergencyLevel;
      template: string | null;
      lines: { lang: Lang; text: string }[];
      by: EmergencyActor;
      /** The emergency this one replaced, or null. */
      replaces: string | null;
    }
  | { event: 'emergency-acknowledged'; at: number; id: string; display: string; shownAt: number; afterMs: number }
  | { event: 'emergency-read'; at: number; id: string; announcement: string; display: string; play: number }
  | { event: 'emergency-cleared'; at: number; id: string; by: EmergencyActor; lastedMs: number; acknowledged: string[] }
  /** The player restarted during emergency `id` and took the hall over again (its displays acknowledge anew). */
  | { event: 'emergency-restored'; at: number; id: string; level: EmergencyLevel; raisedAt: number };

export interface EmergencyStep {
  state: EmergencyState;
  records: EmergencyRecord[];
}

/** A new emergency, replacing whatever was active (its record names the one it replaced). */
export function raise(state: EmergencyState, request: EmergencyRequest, id: string, by: EmergencyActor, now: number): EmergencyStep {
  const next: ActiveEmergency = { id, level: request.level, lines: request.lines, template: request.template, raisedAt: now, raisedBy: by, acknowledged: [], plays: 0 };
  return {
    state: next,
    records: [{ event: 'emergency-raised', at: now, id, level: request.level, template: request.template, lines: request.lines, by, replaces: state?.id ?? null }],
  };
}

/** The emergency active when the player last stopped, taken up again on start: not acknowledged, not yet read. */
export function restore(kept: Omit<ActiveEmergency, 'acknowledged' | 'plays'>, now: number): EmergencyStep {
  const state: ActiveEmergency = { id: kept.id, level: kept.level, lines: kept.lines, template: kept.template, raisedAt: kept.raisedAt, raisedBy: kept.raisedBy, acknowledged: [], plays: 0 };
  return { state, records: [{ event: 'emergency-restored', at: now, id: kept.id, level: kept.level, raisedAt: kept.raisedAt }] };
}

/**
 * A display painted emergency `id` (at `shownAt`, its corrected clock). Only the first word of each
 * display about the active emergency is kept and logged: a late one about a cleared or replaced
 * emergency, or a repeat, changes nothing.
 */
export function acknowledge(state: EmergencyState, display: string, id: string, shownAt: number, now: number): EmergencyStep {
  if (!state || state.id !== id || state.acknowledged.some((a) => a.display === display)) return { state, records: [] };
  return {
    state: { ...state, acknowledged: [...state.acknowledged, { display, at: shownAt }] },
    records: [{ event: 'emergency-acknowledged', at: now, id, display, shownAt, afterMs: Math.max(0, shownAt - state.raisedAt) }],
  };
}

/** The speaker started a play of the active emergency's words. */
export function read(state: EmergencyState, announcement: string, display: string, now: number): EmergencyStep {
  if (!state) return { state, records: [] };
  const plays = state.plays + 1;
  return { state: { ...state, plays }, records: [{ event: 'emergency-read', at: now, id: state.id, announcement, display, play: plays }] };
}

/** Clears the active emergency; null when there is none (the caller refuses). */
export function clear(state: EmergencyState, by: EmergencyActor, now: number): EmergencyStep | null {
  if (!state) return null;
  return {
    state: null,
    records: [{ event: 'emergency-cleared', at: now, id: state.id, by, lastedMs: now - state.raisedAt, acknowledged: state.acknowledged.map((a) => a.display) }],
  };
}

/** What the displays are sent. */
export function emergencyView(state: EmergencyState): EmergencyView | null {
  return state ? { id: state.id, level: state.level, lines: state.lines, template: state.template, raisedAt: state.raisedAt } : null;
}

export function emergencyStatus(state: EmergencyState): EmergencyStatus | null {
  return state ? { ...emergencyView(state)!, raisedBy: state.raisedBy, acknowledged: [...state.acknowledged], plays: state.plays } : null;
}
