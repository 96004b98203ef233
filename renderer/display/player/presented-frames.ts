/**
 * When a clip's last frame has had its time on screen, from what requestVideoFrameCallback says was
 * presented. Polling `currentTime` for the end found it 30–60 ms late (the media clock reaches the
 * end well after the last frame went up, and the raise then waits for the next refresh), which
 * showed as a frame held twice at every seam (bench/gapless).
 */
export class PresentedFrames {
  private lastMedia = -1;
  private lastDisplay = 0;
  /** The shortest step between presented frames: the content frame (a dropped frame only lengthens a step). */
  private frameSeconds = Infinity;

  record(mediaTime: number, expectedDisplayTime: number): void {
    if (this.lastMedia >= 0) {
      const step = mediaTime - this.lastMedia;
      if (step > 0.001) this.frameSeconds = Math.min(this.frameSeconds, step);
    }
    this.lastMedia = mediaTime;
    this.lastDisplay = expectedDisplayTime;
  }

  /**
   * The instant (performance.now() clock) at which the frame before `endSeconds` has been up for its
   * full duration; null until that frame has been presented.
   */
  endsAt(endSeconds: number): number | null {
    if (this.lastMedia < 0 || !Number.isFinite(this.frameSeconds) || !Number.isFinite(endSeconds)) return null;
    // Not yet the last frame: another one still fits before the end.
    if (this.lastMedia + this.frameSeconds * 1.5 < endSeconds) return null;
    const held = Math.min(Math.max(endSeconds - this.lastMedia, 0), this.frameSeconds);
    return this.lastDisplay + held * 1000;
  }
}

/**
 * True when a change made now (in a frame callback, shown at the next refresh) would reach the screen
 * no earlier than half a refresh before `endsAt`: the nearest refresh to the end, not the one after.
 */
export function dueAtNextRefresh(nowMs: number, endsAt: number, refreshMs: number): boolean {
  return nowMs + refreshMs >= endsAt - refreshMs / 2;
}
