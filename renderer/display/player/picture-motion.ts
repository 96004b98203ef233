/**
 * How long the display's picture has stood still, for the heartbeat (`stillForMs`): the host's
 * picture watchdog (electron/host/domain/recovery/picture-rule.ts) reloads a page whose JS runs
 * but whose picture does not — a wedged decoder or compositor (the player's frame loop stops while
 * the heartbeat's timer runs on), or one video stalling after another with nothing played between.
 *
 * What counts as moving: a playing video's picture advancing (its frames or media clock, as the
 * stall rule sees them); a still image, text or the idle slide on screen (a picture as intended:
 * nothing should move). Seen only from the player's frame loop, so a loop that stops is a picture
 * that stops. Times are the player's monotonic ms. Pure.
 */

/** What the player showed this frame. `none`: nothing to judge (loading, between items, a clip before its first frame). */
export type ShownPicture = { kind: 'still' } | { kind: 'video'; advancedAt: number } | { kind: 'none' };

export class PictureMotion {
  /** The last moment the picture was seen moving (or a still shown); null: not since the page loaded. */
  private movedAt: number | null = null;

  saw(shown: ShownPicture, now: number): void {
    if (shown.kind === 'still') this.movedAt = now;
    else if (shown.kind === 'video') this.movedAt = Math.max(this.movedAt ?? -Infinity, shown.advancedAt);
  }

  /** For the heartbeat: ms since the picture last moved; null when it has not moved since the page loaded. */
  stillForMs(now: number): number | null {
    return this.movedAt === null ? null : Math.max(0, Math.round(now - this.movedAt));
  }
}
