/**
 * A video item in one of the two <video> elements. It loads, seeks to `in` and waits paused on that
 * first frame, underneath the item playing, while the previous item plays (the cue); at the seam it
 * starts and is raised in the same update (start-rule.ts), so its first frame is the first new
 * picture and its sound starts with it, neither black nor cut.
 */
import type { VideoPlan } from '../../../electron/contract/messages.js';
import { classifyFailure } from './classify-failure.js';
import { dueAtNextRefresh, PresentedFrames } from './presented-frames.js';
import { conceal, stack, Z, type MediaLayers } from './media-layers.js';
import { type BeginAt, type ElementName, type Slot, type SlotEvents, type SkipReason } from './slot.js';
import { LOAD_TIMEOUT_MS, type ItemClock } from './stall-rule.js';
import { waitFor } from './wait-for.js';

export { LOAD_TIMEOUT_MS };
const INAUDIBLE = 0.0001;
/**
 * How long the cue waits for requestVideoFrameCallback to report the first frame presented while
 * paused; a clip without one is started underneath at the seam and raised on a frame (start-rule.ts).
 */
const CUE_FRAME_WAIT_MS = 3_000;
/** How long after a seam the clip it replaced is unloaded. */
const RETIRE_MS = 250;
/** A presented frame this close to the clip's `in` is its first (a frame starts at or before `in`). */
const CUE_MEDIA_SLACK_S = 0.1;

/** Shared by all video slots: once unmuted playback was refused, don't try it again. */
export interface AutoplayState {
  blocked: boolean;
}

export class VideoSlot implements Slot {
  readonly element: ElementName;
  readonly starts = 'at-seam';
  begun = false;
  mutedFallback = false;
  private events: SlotEvents | null = null;
  private readonly abort = new AbortController();
  private released = false;
  private raised = false;
  private framesSeen = 0;
  private readonly presented = new PresentedFrames();
  private playing = false;
  private firstSent = false;
  private begunAt = 0;
  private lastTime = -1;
  private lastFrames = 0;
  private lastAdvanceAt = 0;
  private frameHandle = 0;
  private failed = false;
  cued = false;
  /** Media time of the last presented frame, -1 before the first. */
  private lastMedia = -1;
  /** Resolves the cue's wait for the first presented frame. */
  private onCueFrame: (() => void) | null = null;

  constructor(
    readonly item: VideoPlan,
    private readonly video: HTMLVideoElement,
    private readonly layers: MediaLayers,
    private readonly autoplay: AutoplayState,
    private readonly nowMs: () => number,
  ) {
    this.element = video.dataset['slot'] === 'B' ? 'B' : 'A';
  }

  async prepare(): Promise<void> {
    const v = this.video;
    const { url } = this.item;
    v.preload = 'auto';
    v.volume = 0;
    v.src = url;
    // From the start: the first frame can be presented as soon as it is decoded, before `canplay`,
    // and requestVideoFrameCallback reports only frames presented after it is called.
    this.frameHandle = v.requestVideoFrameCallback(this.onFrame);
    v.load();
    await waitFor(v, 'loadedmetadata', url, LOAD_TIMEOUT_MS, this.abort.signal);
    const start = this.item.in ?? 0;
    if (start > 0) {
      const seeked = waitFor(v, 'seeked', url, LOAD_TIMEOUT_MS, this.abort.signal);
      v.currentTime = start;
      await seeked;
    }
    if (v.readyState < HTMLMediaElement.HAVE_FUTURE_DATA) await waitFor(v, 'canplay', url, LOAD_TIMEOUT_MS, this.abort.signal);
    // The cue: paused on its first frame, underneath (every layer is opaque, so nothing shows
    // through a letterbox), where the compositor holds that frame ready for the raise.
    stack(v, Z.underneath);
    this.cued = await this.firstPresented(start);
    if (this.abort.signal.aborted) throw new DOMException('released', 'AbortError');
    // Errors after this point (a corrupt packet mid-file) end the item through `failed`.
    v.addEventListener('error', this.onError);
  }

  /** Whether a frame at `start` (within a frame or two) has been presented, waiting up to CUE_FRAME_WAIT_MS. */
  private firstPresented(start: number): Promise<boolean> {
    const at = (): boolean => this.lastMedia >= 0 && Math.abs(this.lastMedia - start) < CUE_MEDIA_SLACK_S;
    if (at()) return Promise.resolve(true);
    return new Promise((resolve) => {
      const finish = (): void => {
        clearTimeout(timer);
        this.abort.signal.removeEventListener('abort', finish);
        this.onCueFrame = null;
        resolve(at());
      };
      const timer = setTimeout(finish, CUE_FRAME_WAIT_MS);
      this.abort.signal.addEventListener('abort', finish);
      this.onCueFrame = () => {
        if (at()) finish();
      };
    });
  }

  begin(events: SlotEvents, where: BeginAt): void {
    this.events = events;
    this.begun = true;
    this.begunAt = this.nowMs();
    this.lastAdvanceAt = this.begunAt;
    const v = this.video;
    stack(v, where === 'on-top' ? Z.top : Z.underneath);
    // Never volume 0 at play(): Chromium's autoplay policy counts muted *and* volume 0 as muted,
    // allows the start, then pauses the video when it is unmuted later (measured without the
    // autoplay flag) instead of rejecting play(). -80 dB is silent and still counts as sound, so a
    // refusal surfaces here as NotAllowedError. Ahead or on top, the sound starts with the first
    // frame: ahead, ~30 ms before it is raised, about the audio output's own latency.
    v.muted = this.autoplay.blocked;
    this.mutedFallback = this.autoplay.blocked;
    v.volume = where === 'underneath' ? INAUDIBLE : Math.max(this.item.volume, INAUDIBLE);
    if (!this.frameHandle) this.frameHandle = v.requestVideoFrameCallback(this.onFrame);
    v.play().then(
      () => this.onPlaying(),
      (err: unknown) => this.onPlayRejected(err),
    );
  }

  /** First frame = a frame presented *and* playback accepted (muted or not), so the report knows which. */
  private onPlaying(): void {
    this.playing = true;
    if (this.framesSeen > 0 && !this.firstSent && !this.released) {
      this.firstSent = true;
      this.events?.firstFrame();
    }
  }

  raise(): void {
    this.raised = true;
    stack(this.video, Z.top);
    this.video.volume = this.item.volume;
  }

  setVolume(volume: number): void {
    if (this.raised) this.video.volume = Math.min(1, Math.max(0, volume));
  }

  position(): number {
    return Math.max(0, this.video.currentTime - (this.item.in ?? 0));
  }

  remaining(): number {
    const end = this.item.out ?? this.video.duration;
    return Number.isFinite(end) ? end - this.video.currentTime : Infinity;
  }

  done(nowMs: number, refreshMs: number): boolean {
    const end = this.item.out ?? this.video.duration;
    // The presented frames say first; `ended` fires 60–150 ms after the last frame has been up for
    // its full time and the playback clock 30–60 ms after (measured), so those are fallbacks.
    const endsAt = this.presented.endsAt(end);
    return (endsAt !== null && dueAtNextRefresh(nowMs, endsAt, refreshMs)) || this.atEnd();
  }

  private atEnd(): boolean {
    const end = this.item.out ?? this.video.duration;
    return this.video.ended || (Number.isFinite(end) && this.video.currentTime >= end - 0.01);
  }

  /**
   * The picture advances when requestVideoFrameCallback presents a frame or the media clock moves:
   * events alone miss a file cut short (no `error`, no `ended`, just `waiting` forever) and one cut
   * to its header (`canplay`, then at its end without a frame).
   */
  clock(nowMs: number): ItemClock {
    const t = this.video.currentTime;
    if (t !== this.lastTime || this.framesSeen !== this.lastFrames) {
      this.lastTime = t;
      this.lastFrames = this.framesSeen;
      this.lastAdvanceAt = nowMs;
    }
    const end = this.item.out ?? this.video.duration;
    return { advancedAt: this.lastAdvanceAt, expectedMs: Number.isFinite(end) ? Math.max(0, end - (this.item.in ?? 0)) * 1000 : null };
  }

  /** Frames this element has presented since `begin` (diagnostics). */
  get frames(): number {
    return this.framesSeen;
  }

  release(retiring = false): void {
    if (this.released) return;
    this.released = true;
    this.abort.abort();
    const v = this.video;
    v.removeEventListener('error', this.onError);
    if (this.frameHandle) v.cancelVideoFrameCallback(this.frameHandle);
    v.pause();
    conceal(v);
    this.layers.free(v);
    // Dropping the source frees the decoder; a paused 1080p pipeline holds tens of MB. Not in the
    // task that raises the next clip, whose first frames it delayed (bench/gapless): a moment
    // later, unless the element was taken for the next item meanwhile (its load replaces the source).
    const unload = (): void => {
      if (this.layers.isBusy(v)) return;
      v.removeAttribute('src');
      v.load();
    };
    if (retiring) setTimeout(unload, RETIRE_MS);
    else unload();
  }

  private readonly onFrame = (_now: number, frame: VideoFrameCallbackMetadata): void => {
    if (this.released) return;
    this.framesSeen++;
    this.presented.record(frame.mediaTime, frame.expectedDisplayTime);
    this.lastMedia = frame.mediaTime;
    this.onCueFrame?.();
    if (this.playing && !this.firstSent) {
      this.firstSent = true;
      this.events?.firstFrame();
    }
    this.frameHandle = this.video.requestVideoFrameCallback(this.onFrame);
  };

  private readonly onError = (): void => {
    if (this.released) return;
    void classifyFailure(this.item.url).then((r) => this.fail(r));
  };

  private onPlayRejected(err: unknown): void {
    if (this.released) return;
    const name = err instanceof DOMException ? err.name : '';
    if (name === 'AbortError') return; // superseded by pause/load; not a playback failure
    if (name === 'NotAllowedError' && !this.video.muted) {
      this.autoplay.blocked = true;
      this.mutedFallback = true;
      this.video.muted = true;
      this.video.play().then(
        () => this.onPlaying(),
        () => this.fail('play-rejected'),
      );
      return;
    }
    if (name === 'NotAllowedError') this.fail('play-rejected');
    else void classifyFailure(this.item.url).then((r) => this.fail(r));
  }

  private fail(reason: SkipReason): void {
    if (this.failed || this.released) return;
    this.failed = true;
    this.events?.failed(reason);
  }
}
