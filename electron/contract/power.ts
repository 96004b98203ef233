/**
 * Screens that sleep with the hall: power windows (playlists/displays.json → "power") and what the
 * host tells each display about its power. The windows' config types are in hall-config.ts.
 */
/** Why a display is on or off now. */
export type PowerReason =
  /** Inside (on) or outside (off) a power window. */
  | 'window'
  /** No power windows apply to it (none in displays.json, or `"alwaysOn": true`). */
  | 'always-on'
  /** Woken over its windows (an emergency). */
  | 'woken';

export interface DisplayPower {
  state: 'on' | 'off';
  reason: PowerReason;
  /** Host clock, epoch ms, when it took this state (as the host saw it); null: since the host started. */
  since: number | null;
  /** Host clock, epoch ms, of its next change by the windows; null: none ahead. */
  next: number | null;
}
