/**
 * One item bound to one DOM element, from loading to leaving the screen. The player keeps at most
 * two: the one on screen and the one being prepared to replace it.
 */
import type { ItemPlan } from '../../../electron/contract/messages.js';
import type { ItemClock } from './stall-rule.js';

export type SkipReason = 'missing' | 'decode-error' | 'stalled' | 'play-rejected';
export type ElementName = 'A' | 'B' | 'img' | 'text';

export class SkipError extends Error {
  constructor(readonly reason: SkipReason) {
    super(reason);
  }
}

/** Where begin() starts an item (start-rule.ts). */
export type BeginAt = 'underneath' | 'ahead' | 'on-top';

export interface SlotEvents {
  /** The first frame is on screen (or, underneath, ready to be raised). */
  firstFrame(): void;
  /** Playback failed after prepare (decode error mid-file, stall, play rejected). */
  failed(reason: SkipReason): void;
}

export interface Slot {
  readonly item: ItemPlan;
  readonly element: ElementName;
  /**
   * `at-seam`: a clip, cued on its first frame by prepare() and started on top at the seam;
   * `early`: a still, started underneath once ready (start-rule.ts).
   */
  readonly starts: 'at-seam' | 'early';
  /** A clip whose first frame was presented while it waited, paused (false for a still). */
  readonly cued: boolean;
  /** Load until the first frame can be shown at once; rejects with SkipError. */
  prepare(): Promise<void>;
  /**
   * Start playing. `underneath`: behind the picture on screen, silent; `ahead`: behind it with
   * its sound, to be raised at the next update (start-rule.ts); `on-top`: up now.
   */
  begin(events: SlotEvents, where: BeginAt): void;
  readonly begun: boolean;
  /** Put on top, with sound. */
  raise(): void;
  /** Seconds into the item. */
  position(): number;
  /** Seconds left, Infinity when unknown. */
  remaining(): number;
  /**
   * Reached its end (video `out`/end of file, still's duration), as the viewer will see it: a
   * change made now shows at the next display refresh, `refreshMs` away.
   */
  done(nowMs: number, refreshMs: number): boolean;
  /**
   * Called every frame once begun: when its picture last advanced and how long it should last, for
   * the player's stall rule (stall-rule.ts), which holds whatever the element's events say.
   */
  clock(nowMs: number): ItemClock;
  setVolume(volume: number): void;
  /**
   * Hide, stop and free the element. `retiring`: the item just replaced at a seam; hidden and
   * silent at once, its decoder freed a moment later, away from the new clip's first frames.
   */
  release(retiring?: boolean): void;
  /** Muted because unmuted autoplay was refused. */
  readonly mutedFallback: boolean;
}
