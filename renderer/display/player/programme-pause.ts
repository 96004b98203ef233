/**
 * Holds the programme where it is while an emergency covers the screen, so that clearing it
 * resumes exactly the same item at the same point. Nothing is torn down: the playing <video>s are
 * paused, and the player's monotonic clock stands still, so a still's duration and the stall rule
 * (a picture frozen for 3 s is "stalled") do not count the pause.
 */
export class ProgrammePause {
  private pausedAt: number | null = null;
  /** Time spent paused so far: the clock the player sees runs this far behind the real one. */
  private offset = 0;
  private held: HTMLVideoElement[] = [];

  constructor(
    private readonly videos: readonly HTMLVideoElement[],
    /** The real monotonic clock (performance.now). */
    private readonly clock: () => number,
  ) {}

  /** The player's clock: stands still while paused. */
  readonly now = (): number => (this.pausedAt ?? this.clock()) - this.offset;

  get paused(): boolean {
    return this.pausedAt !== null;
  }

  pause(): void {
    if (this.pausedAt !== null) return;
    this.pausedAt = this.clock();
    // Only what was playing is resumed later: a clip cued on its first frame waits, as it did.
    this.held = this.videos.filter((v) => !v.paused);
    for (const v of this.held) v.pause();
  }

  resume(): void {
    if (this.pausedAt === null) return;
    this.offset += this.clock() - this.pausedAt;
    this.pausedAt = null;
    for (const v of this.held) {
      // A rejection here is the player's to see (its stall rule skips a clip that does not move).
      v.play().catch(() => undefined);
    }
    this.held = [];
  }
}
