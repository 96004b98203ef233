/**
 * The player's own health as /api/status → `health` reports it: its alert classes and the view of
 * each (electron/host/domain/health/health.ts counts and keeps them). Node-free, so the console
 * reads the same shapes the host sends.
 */

/** Every alert class the player reports. Adding one here adds its line to /api/status. */
export const HEALTH_CLASSES = [
  /** A log, cache or configuration write failed (ENOSPC, EIO): what could not be kept is dropped. */
  'disk',
  /** A display stopped sending heartbeats or its session closed unexpectedly. */
  'display-lost',
  /** The kiosk browser was restarted (or its tab reloaded) to bring a picture back. */
  'browser-restarts',
  /** An item was skipped because its frames did not advance (or it failed to decode). */
  'stalled-items',
  /** The wall clock stepped against the monotonic clock (NTP, manual change, resume from sleep). */
  'clock-jumps',
  /** Reports, messages or requests refused for rate or size, counted instead of written. */
  'dropped-reports',
  /** The display's WebGL context was lost and its stage rebuilt. */
  'gpu-context-lost',
  /** A display failed to load part of its own code (a network blip while the page loaded) and asked again. */
  'code-load-failed',
  /**
   * The picture watchdog restarted the whole player (its display could not be brought back by
   * reloads and browser restarts), or is capped and no longer does: the count read back from the
   * state folder after a restart, the last one's reason, and the cap as an active alert.
   */
  'player-restarts',
  /** The player's own event loop ran slow (p99 delay past 1 s for a minute): timers, heartbeats and the API lag behind. */
  'event-loop-lag',
  /** Turning a screen's backlight off or on for its power windows failed (xset DPMS, cec-ctl): it may stay lit, or dark. */
  'screen-power',
] as const;

export type HealthClass = (typeof HEALTH_CLASSES)[number];

export interface HealthEvent {
  at: number;
  message: string;
  fields?: Record<string, unknown>;
}

export interface HealthClassView {
  /** How often it happened since the player started. */
  count: number;
  /** Conditions that still hold (e.g. the disk of one log still full), by key. */
  active: { key: string; since: number; message: string; fields?: Record<string, unknown> }[];
  /** The latest occurrence, or null. */
  last: HealthEvent | null;
}

export interface HealthView {
  /** false while any condition is active. */
  ok: boolean;
  classes: Record<HealthClass, HealthClassView>;
}
