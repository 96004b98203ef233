/**
 * Plays a programme's items in the programme zone, gaplessly. Two slots at most: `current` (on
 * screen) and `pending` (loading, cued, or a still waiting underneath). The next item is prepared
 * as soon as the current one shows; a pending video waits paused on its first frame and is started
 * and raised in the update the current item is done (start-rule.ts), so none of it goes unseen or
 * unheard; a still starts underneath and is raised on its first frame.
 */
import type { ItemPlan, PlaybackEvent, ProgrammePlan } from '../../../electron/contract/messages.js';
import type { Rect } from '../engine/rect.js';
import type { IdleSlide } from './idle-slide.js';
import type { MediaLayers } from './media-layers.js';
import { PenaltyBox } from './penalty-box.js';
import { PictureMotion, type ShownPicture } from './picture-motion.js';
import { Rotation } from './rotation.js';
import { sameItem, sameItems } from './same-item.js';
import { SkipError, type ElementName, type SkipReason, type Slot } from './slot.js';
import { stallOf, type ItemTimes } from './stall-rule.js';
import { startStep } from './start-rule.js';
import { ImageSlot, TextSlot } from './still-slot.js';
import { VideoSlot, type AutoplayState } from './video-slot.js';

export interface PlayerDeps {
  layers: MediaLayers;
  idle: IdleSlide;
  /** Monotonic ms (performance.now()), for durations, stalls, penalties and seam timing. */
  nowMs: () => number;
  /** The display's refresh interval in ms (a change made in a frame shows one refresh later). */
  refreshMs?: () => number;
  /** `detail`: for a stalled skip, which stall (stall-rule.ts), for the technician's log. */
  report(event: PlaybackEvent, programme: string, item: ItemPlan, reason?: string, detail?: string): void;
  random?: () => number;
}

export interface NowPlaying {
  programme: string | null;
  item: string | null;
  position: number | null;
  element: ElementName | 'idle';
}

const DEFAULT_REFRESH_MS = 1000 / 60;
/** After a seam, the next item's load waits at least this long (bench/gapless measured the gain). */
const SETTLE_MS = 400;
/** Time kept free before the next seam for the next clip to load and decode its first frame. */
const LOAD_ALLOWANCE_MS = 600;

export class ProgrammePlayer {
  private programme: ProgrammePlan | null = null;
  private rotation: Rotation | null = null;
  private readonly penalties = new PenaltyBox();
  private readonly autoplay: AutoplayState = { blocked: false };
  private current: Slot | null = null;
  /** The current slot belongs to a programme (or item list) that is being replaced, or failed. */
  private outgoing = false;
  private currentEnded = false;
  /** When each slot loaded, started, showed its first frame, was raised: the stall rule's input. */
  private readonly times = new WeakMap<Slot, ItemTimes>();
  private pending: Slot | null = null;
  private pendingReady = false;
  private pendingHasFrame = false;
  private nextPickAt = 0;
  /** How long the picture has stood still, for the heartbeat (picture-motion.ts). */
  private readonly motion = new PictureMotion();
  /** Seams completed, for diagnostics. */
  seams = 0;

  constructor(private readonly deps: PlayerDeps) {
    deps.idle.show();
  }

  setProgramme(next: ProgrammePlan | null): void {
    const prev = this.programme;
    this.programme = next;
    if (!next) {
      this.rotation = null;
      this.toIdle();
      return;
    }
    const random = this.deps.random ?? Math.random;
    if (prev && prev.id === next.id && prev.order === next.order) {
      if (sameItems(prev.items, next.items)) {
        this.applyVolumes(next);
        return;
      }
      const keep = this.current && !this.outgoing ? next.items.find((it) => sameItem(it, this.current!.item)) : undefined;
      if (keep) {
        // The item on screen is still wanted: let it finish, continue after it in the new list.
        this.rotation = new Rotation(next.items, next.order, random, keep);
        this.applyVolumes(next);
        const now = this.deps.nowMs();
        const upcoming = this.rotation.next((key) => this.penalties.isOut(key, now));
        // The prepared item stays if the new list plays it next anyway (no reload, no second 'attempted').
        if (this.pending && upcoming && sameItem(upcoming, this.pending.item)) return;
        this.dropPending();
        if (upcoming) this.prepare(upcoming);
        return;
      }
    }
    // A schedule boundary (or the item on screen was removed): switch now, keeping the old
    // picture up until the new item's first frame.
    this.rotation = new Rotation(next.items, next.order, random);
    this.outgoing = this.current !== null;
    this.nextPickAt = 0;
    const now = this.deps.nowMs();
    const first = this.rotation.next((key) => this.penalties.isOut(key, now));
    if (this.pending && first && sameItem(first, this.pending.item)) return;
    this.dropPending();
    if (first) this.prepare(first);
    else this.pick(); // nothing playable: pick() idles and schedules the retry
  }

  resize(rect: Rect): void {
    this.deps.layers.resize(rect);
  }

  update(): void {
    const now = this.deps.nowMs();
    const cur = this.current;
    const refresh = this.deps.refreshMs?.() ?? DEFAULT_REFRESH_MS;
    if (cur && !this.outgoing && !this.currentEnded && cur.done(now, refresh)) {
      this.currentEnded = true;
      this.timesOf(cur).ended = true;
      if (this.programme) this.deps.report('ended', this.programme.id, cur.item);
    }
    if (cur && !this.outgoing) this.checkStall(cur, now);
    if (this.pending) this.checkStall(this.pending, now);
    // The next item is loaded as soon as the current one is on screen (or at once, when idle).
    if (!this.pending && this.programme && now >= this.nextPickAt) this.pick();
    const p = this.pending;
    const showing = this.currentShowing();
    const step = p
      ? startStep({ starts: p.starts, ready: this.pendingReady, cued: p.cued, begun: p.begun, currentShowing: showing, currentEndsNext: showing && cur !== null && cur.done(now + refresh, refresh) })
      : 'wait';
    if (p && step !== 'wait') {
      this.timesOf(p).begunAt = this.deps.nowMs();
      p.begin({ firstFrame: () => this.onFirstFrame(p), failed: (r) => this.skip(p, r) }, step);
      // A cued clip's first frame is already decoded: up now, in the task that starts it.
      if (step === 'on-top') this.swap(p);
    }
    this.maybeSwap();
    this.motion.saw(this.shownPicture(), now);
  }

  /** Ms since the picture last moved (a still on screen counts as moving); null: not since the page loaded. */
  pictureStillMs(): number | null {
    return this.motion.stillForMs(this.deps.nowMs());
  }

  nowPlaying(): NowPlaying {
    const cur = this.current;
    if (!cur || this.deps.idle.showing) return { programme: this.programme?.id ?? null, item: null, position: null, element: 'idle' };
    return { programme: this.programme?.id ?? null, item: cur.item.key, position: cur.position(), element: cur.element };
  }

  destroy(): void {
    this.dropPending();
    this.current?.release();
    this.current = null;
  }

  /** What is on screen for the picture watchdog: a still, a video's last advance (after its first frame), or nothing to judge. */
  private shownPicture(): ShownPicture {
    if (this.deps.idle.showing) return { kind: 'still' };
    const cur = this.current;
    if (!cur || !this.currentShowing()) return { kind: 'none' };
    const firstFrameAt = this.timesOf(cur).firstFrameAt;
    // The clock the stall rule has just read this frame; a still has nothing to advance.
    const advancedAt = cur.clock(this.deps.nowMs()).advancedAt;
    if (advancedAt === null) return { kind: 'still' };
    return firstFrameAt === null ? { kind: 'none' } : { kind: 'video', advancedAt: Math.max(advancedAt, firstFrameAt) };
  }

  /** The item on screen still has a picture to show. */
  private currentShowing(): boolean {
    return this.current !== null && !this.outgoing && !this.currentEnded && !this.deps.idle.showing;
  }

  private pick(): void {
    const programme = this.programme;
    if (!programme || !this.rotation) return;
    const now = this.deps.nowMs();
    const item = this.rotation.next((key) => this.penalties.isOut(key, now));
    if (!item) {
      // Everything is out: idle until the first penalty ends.
      const release = this.penalties.nextRelease(
        programme.items.map((it) => it.key),
        now,
      );
      this.nextPickAt = release ?? now + 1000;
      if (!this.current || this.outgoing || this.currentEnded) this.toIdle();
      return;
    }
    this.prepare(item);
  }

  private prepare(item: ItemPlan): void {
    const programme = this.programme;
    if (!programme) return;
    const slot = this.makeSlot(item);
    if (!slot) return;
    this.pending = slot;
    this.pendingReady = false;
    this.pendingHasFrame = false;
    this.times.set(slot, { attemptedAt: this.deps.nowMs(), readyAt: null, begunAt: null, firstFrameAt: null, raisedAt: null, ended: false });
    this.deps.report('attempted', programme.id, item);
    slot.prepare().then(
      () => {
        if (this.pending !== slot) return;
        this.pendingReady = true;
        this.timesOf(slot).readyAt = this.deps.nowMs();
      },
      (err: unknown) => {
        if (err instanceof SkipError && this.pending === slot) this.skip(slot, err.reason);
        // Anything else is an abort from release(): nothing to report.
      },
    );
  }

  private makeSlot(item: ItemPlan): Slot | null {
    const { layers, nowMs } = this.deps;
    switch (item.type) {
      case 'video': {
        const v = layers.take(layers.videos);
        return v && new VideoSlot(item, v, layers, this.autoplay, nowMs);
      }
      case 'image': {
        return new ImageSlot(item, layers.takePicture(item.url), layers, nowMs);
      }
      case 'text': {
        const t = layers.take(layers.texts);
        return t && new TextSlot(item, t, layers, nowMs);
      }
    }
  }

  private onFirstFrame(slot: Slot): void {
    if (slot === this.current && !this.outgoing) {
      // A clip raised at the seam: its playback was accepted, its frames flow.
      this.timesOf(slot).firstFrameAt = this.deps.nowMs();
      this.reportFirstFrame(slot);
      return;
    }
    if (slot !== this.pending) return;
    this.pendingHasFrame = true;
    this.timesOf(slot).firstFrameAt = this.deps.nowMs();
    this.maybeSwap();
  }

  private maybeSwap(): void {
    const p = this.pending;
    if (!p || !this.pendingHasFrame || this.currentShowing()) return;
    this.swap(p);
  }

  private swap(p: Slot): void {
    const cur = this.current;
    // Raise first, release second, in the same task: the compositor never sees neither.
    p.raise();
    this.timesOf(p).raisedAt = this.deps.nowMs();
    this.deps.idle.hide();
    cur?.release(true);
    if (cur) this.seams++;
    this.current = p;
    this.outgoing = false;
    this.currentEnded = false;
    this.pending = null;
    // Loading the next 1080p clip costs a dropped frame or two on a small machine (bench/gapless):
    // not at the seam, where it competes with the new clip's first frames, but halfway through the
    // clip, leaving the load enough time before the next seam.
    const remainingMs = p instanceof VideoSlot ? p.remaining() * 1000 : 0;
    const spare = remainingMs - LOAD_ALLOWANCE_MS;
    this.nextPickAt = this.deps.nowMs() + Math.max(0, Math.min(spare, Math.max(SETTLE_MS, remainingMs / 2)));
    // A clip raised at the seam reports once its playback is accepted (muted or not): onFirstFrame.
    if (this.timesOf(p).firstFrameAt !== null) this.reportFirstFrame(p);
  }

  private reportFirstFrame(slot: Slot): void {
    if (this.programme) this.deps.report('first-frame', this.programme.id, slot.item, slot.mutedFallback ? 'muted-fallback' : undefined);
  }

  /**
   * Whatever the element reports, an item that does not load, start, move or end in time is
   * skipped as `stalled` (stall-rule.ts); the penalty box keeps it out of rotation for a while.
   */
  private checkStall(slot: Slot, now: number): void {
    const stall = stallOf(this.timesOf(slot), slot.clock(now), now);
    if (stall) this.skip(slot, 'stalled', stall);
  }

  private timesOf(slot: Slot): ItemTimes {
    let t = this.times.get(slot);
    if (!t) {
      // Only slots made by prepare() are watched; this one is treated as just attempted.
      t = { attemptedAt: this.deps.nowMs(), readyAt: null, begunAt: null, firstFrameAt: null, raisedAt: null, ended: false };
      this.times.set(slot, t);
    }
    return t;
  }

  private skip(slot: Slot, reason: SkipReason, detail?: string): void {
    // A slot already skipped or replaced (its load timer firing after the stall rule did) reports nothing more.
    if (slot !== this.pending && (slot !== this.current || this.outgoing)) return;
    const now = this.deps.nowMs();
    this.penalties.add(slot.item.key, now);
    if (this.programme) this.deps.report('skipped', this.programme.id, slot.item, reason, detail);
    if (slot === this.pending) {
      this.dropPending();
      this.nextPickAt = 0;
    } else {
      // Keep its last picture until the next item is up; the next item starts at once.
      this.outgoing = true;
      this.nextPickAt = 0;
    }
  }

  private dropPending(): void {
    this.pending?.release();
    this.pending = null;
    this.pendingReady = false;
    this.pendingHasFrame = false;
  }

  private toIdle(): void {
    this.dropPending();
    this.current?.release();
    this.current = null;
    this.outgoing = false;
    this.currentEnded = false;
    this.deps.idle.show();
  }

  private applyVolumes(p: ProgrammePlan): void {
    const cur = this.current;
    const now = cur && p.items.find((it) => sameItem(it, cur.item));
    if (cur && now) cur.setVolume(now.volume);
  }
}
