/**
 * Why the player refused a command, in words every channel shares. The application's verbs
 * (electron/host/commands/) return these; the HTTP channel maps each to a status code
 * (channels/http/status-of.ts) and sends it as `reason` beside the `error` sentence, so a PA or
 * queue system can act on it without parsing English; an MQTT reply will carry it as is.
 */
export const REFUSAL_REASONS = [
  /** The request's shape or values are wrong; the sentence says which field and the fix. */
  'invalid-request',
  /** The file, entry or media named does not exist. */
  'not-found',
  /** The hall has no queue board (no playlists/queue.json). */
  'no-queue',
  /** Events pushed while the queue feed is not "push". */
  'wrong-feed',
  /** More events in one request than the player takes. */
  'too-many-events',
  /** The queue model refused a call (an unknown counter, a ticket in the wrong state). */
  'call-refused',
  /** The file changed since the version the request was made from. */
  'stale-version',
  /** A media file still used by the playlists. */
  'in-use',
  /** The playlists would not validate (a save), or do not (a reload): nothing changed on screen. */
  'invalid-playlists',
  /** No configuration is loaded yet (nothing to answer from). */
  'no-playlists',
  /** The announcement queue's own rules refused it (expired, a duplicate kept, quiet hours). */
  'refused-by-queue',
  /** Over the emergency budget: that many emergencies already wait. */
  'too-many-emergencies',
  /** No display can speak now (none connected, none with audio, all lost). */
  'no-speaker',
  /** The words could not be made into speech. */
  'speech-failed',
  /** An upload over the size limit. */
  'too-large',
  /** A file that is not one of the media types the player plays. */
  'unsupported-media',
  /** An upload that stopped before its end. */
  'interrupted',
  /** The player's disk is full: nothing was written. */
  'disk-full',
  /** No shell of this player captures a display of that id (a browser that opened the page itself cannot be). */
  'unknown-display',
  /** The display was captured, but its window or browser has gone (it may come back: a kiosk restarting). */
  'display-gone',
  /** The display's picture is being taken at another size: ask again in a moment. */
  'busy',
  /** Too many requests for pictures: ask again in a moment. */
  'rate-limited',
  /** The display did not give a picture (a hung or crashed page, one too large). */
  'capture-failed',
  /** Clearing an emergency when none is active. */
  'no-emergency',
] as const;

export type RefusalReason = (typeof REFUSAL_REASONS)[number];

/** A command that did not happen: the reason for machines, the sentence for people. */
export interface Refusal<R extends RefusalReason = RefusalReason> {
  ok: false;
  reason: R;
  error: string;
}

export function refused<R extends RefusalReason>(reason: R, error: string): Refusal<R> {
  return { ok: false, reason, error };
}
