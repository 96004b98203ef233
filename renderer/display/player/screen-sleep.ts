/**
 * The screen asleep with the hall (displays.json's power windows): black over everything, the
 * programme paused where it is — not torn down — and silent, until the host says on again. The
 * programme's clock (`now`) stands still while asleep, so a still's duration, a clip's stall and
 * overrun timers do not run out in the dark and skip items at wake; the player then carries on with
 * whatever the host's state says is on at the window's start (a schedule switch while asleep
 * arrives as a new programme as usual).
 *
 * Announcements are not stopped: the PA speaks through this page's audio, and a hall may still be
 * open while its screens sleep (the windows are the screens', not the doors'); when the hall is
 * closed no one calls tickets, and timed notices follow their own cron and quiet hours.
 */
import type { DisplayPower } from '../../../electron/contract/power.js';

/** The parts of a <video> it needs (a plain object in tests). */
export interface Pausable {
  readonly paused: boolean;
  pause(): void;
  play(): Promise<void>;
}

/** The black cover (a full-screen element above every layer). */
export interface Curtain {
  /** HTMLElement's is `boolean | 'until-found'`. */
  hidden: boolean | string;
}

export class ScreenSleep {
  private asleepSince: number | null = null;
  private slept = 0;
  private paused: Pausable[] = [];

  constructor(
    private readonly curtain: Curtain,
    private readonly videos: readonly Pausable[],
    /** Monotonic ms (performance.now()). */
    private readonly realNow: () => number,
  ) {
    curtain.hidden = true;
  }

  get asleep(): boolean {
    return this.asleepSince !== null;
  }

  /** The programme's monotonic ms: the real one less the time spent asleep. */
  now = (): number => (this.asleepSince ?? this.realNow()) - this.slept;

  apply(power: DisplayPower | undefined): void {
    const off = power?.state === 'off';
    if (off && this.asleepSince === null) {
      this.asleepSince = this.realNow();
      this.curtain.hidden = false;
      this.paused = this.videos.filter((v) => !v.paused);
      for (const v of this.paused) v.pause();
    } else if (!off && this.asleepSince !== null) {
      this.slept += this.realNow() - this.asleepSince;
      this.asleepSince = null;
      this.curtain.hidden = true;
      // A clip that will not resume is the stall rule's to find, on the programme's clock.
      for (const v of this.paused) v.play().catch(() => undefined);
      this.paused = [];
    }
  }
}
