/**
 * Whether the hall's PA can be heard, and what a request that nobody would hear gets: refused at
 * once with the reason, rather than accepted and failed quietly afterwards. Pure.
 *
 * An emergency is refused whenever no display can speak it: the operator must learn now that the
 * hall did not hear it, and reach for another way. Any other request may wait for a speaker for
 * a short grace (a display reloading, a kiosk restarting, the player just started), and is
 * refused once the hall has had no speaker for longer than that.
 */
import type { AnnouncementKind } from '../../../contract/messages.js';
import type { PaReach, RosterEntry } from '../../../contract/announcements-view.js';

/** announcements.json → speakerGraceSeconds: a kiosk restart (Chromium relaunch + page + audio) fits well within it. */
export const DEFAULT_SPEAKER_GRACE_SECONDS = 60;

const LISTED = 3;

/** Why no display can speak, from the roster (no speaker in it). */
export function silenceReason(roster: readonly RosterEntry[], seated = false): string {
  if (seated) {
    // Only the named speaker and standbys could speak: the others are not worth listing.
    const named = roster.filter((r) => r.role !== undefined);
    if (named.length === 0) return 'neither the PA speaker nor a standby of displays.json is connected';
    roster = named;
  }
  if (roster.length === 0) return 'no display is connected';
  const each = roster.slice(0, LISTED).map((r) => `${r.name ?? r.display}: ${r.alive ? `audio ${r.audio}` : 'not heartbeating'}`);
  const more = roster.length > LISTED ? `, and ${roster.length - LISTED} more` : '';
  return `no connected display has working audio (${each.join(', ')}${more})`;
}

export function paReach(roster: readonly RosterEntry[], since: number, graceMs: number, now: number, seated = false): PaReach {
  const speaker = roster.find((r) => r.speaker)?.display ?? null;
  if (speaker !== null) return { canSpeak: true, display: speaker, since, reason: null, refuses: 'nothing', graceUntil: null };
  const graceUntil = since + graceMs;
  return { canSpeak: false, display: null, since, reason: silenceReason(roster, seated), refuses: now < graceUntil ? 'emergencies' : 'everything', graceUntil };
}

/** The one sentence a refused request gets, or null: it may be queued. */
export function reachRefusal(reach: PaReach, kind: AnnouncementKind, now: number): string | null {
  if (reach.canSpeak || reach.refuses === 'nothing') return null;
  if (kind === 'emergency') return `no display can speak it now (${reach.reason}): an emergency is never left waiting for a speaker`;
  if (reach.refuses === 'emergencies') return null;
  const silent = Math.round((now - reach.since) / 1000);
  const grace = Math.round((reach.graceUntil! - reach.since) / 1000);
  return `no display has been able to speak for ${silent} s (${reach.reason}); requests wait at most ${grace} s for one (announcements.json "speakerGraceSeconds")`;
}
