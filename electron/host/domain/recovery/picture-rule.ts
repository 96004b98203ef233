/**
 * Whether a display's heartbeat says its picture moves. The page's JS can keep heartbeating while
 * the wall stands still — a wedged decoder or compositor, every video stalling one after another,
 * the media clock frozen — so the heartbeat carries how long the display's picture has stood still
 * (`stillForMs`, renderer/display/player/picture-motion.ts), and only a moving picture is a sign
 * of life for the recovery ladder (recovery-policy.ts: `heartbeat` vs `beat`).
 *
 * A still image or the idle slide is a picture as intended: the display reports 0 for it. A page
 * that has not moved since it loaded reports null, which is not moving: otherwise a page frozen
 * from its first frame would look alive on every reload and the ladder would never climb past it.
 * Pure.
 */

/** The picture advanced at most this long ago: it moves (heartbeats come every 2 s; a clip's seam takes well under a second). */
export const MOVING_WITHIN_MS = 5_000;

/**
 * `stillForMs`: what the heartbeat said; undefined when the display does not say (an older page):
 * taken as moving, as before this rule.
 */
export function pictureMoves(stillForMs: number | null | undefined): boolean {
  if (stillForMs === undefined) return true;
  return stillForMs !== null && stillForMs < MOVING_WITHIN_MS;
}
