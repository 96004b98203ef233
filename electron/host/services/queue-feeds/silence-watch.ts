/**
 * Notices when nothing was heard for a while, without resetting a timer on every message: the timer
 * fires at the earliest possible deadline and re-arms for the rest when something was heard since.
 * Silence is elapsed time (the monotonic clock): a wall clock stepped an hour forward must not make
 * a live feed silent (and a stream reconnect), nor an hour back hide a dead one for an hour.
 */
import type { FeedTime } from './feed.js';

export class SilenceWatch {
  private lastHeard = 0;
  private cancel: (() => void) | null = null;
  private active = false;

  constructor(
    private readonly time: FeedTime,
    private readonly afterMs: number,
    private readonly onSilent: () => void,
  ) {}

  /** Starts watching from now. */
  start(): void {
    this.stop();
    this.active = true;
    this.heard();
  }

  heard(): void {
    if (!this.active) return;
    this.lastHeard = this.time.clock.monotonic();
    // After a silence was reported the timer is off: hearing something starts the next watch.
    if (this.cancel === null) this.arm(this.afterMs);
  }

  stop(): void {
    this.active = false;
    this.cancel?.();
    this.cancel = null;
  }

  private arm(ms: number): void {
    this.cancel = this.time.timers.after(ms, () => {
      this.cancel = null;
      const silent = this.time.clock.monotonic() - this.lastHeard;
      if (silent >= this.afterMs) this.onSilent();
      else this.arm(this.afterMs - silent);
    });
  }
}
