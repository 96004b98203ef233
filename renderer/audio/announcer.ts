/**
 * Plays one announcement at a time: every clip decoded first, then all of them scheduled on the
 * AudioContext clock back to back (speech-schedule.ts), into a speech gain on the output, while
 * the programme's gain ducks under them. Order and preemption are the host's queue's business;
 * this only refuses a second announcement while one is loading or speaking.
 */
import { DEFAULT_REPEAT_PAUSE, scheduleSpeech, type DuckShape, type GainPoint } from './speech-schedule.js';

/** Scheduling this far ahead of currentTime: a start already in the past would be clipped. */
const LEAD_S = 0.05;
/** stop(): speech fades out this fast (a hard cut clicks) and the programme comes back this fast. */
const STOP_FADE_S = 0.03;
const STOP_RESTORE_S = 0.3;

export interface AnnouncementPlan {
  lang: string;
  /** Clip ids in reading order (voice pack manifest keys). */
  segments: readonly string[];
  /** Times the list is read, ≥ 1. */
  repeat: number;
}

export type EndReason = 'completed' | 'stopped';

/** AudioContext times (s) of one announcement. */
export interface Playback {
  /** First clip starts (the duck began `attack` earlier). */
  startedAt: number;
  /** Last clip ends. */
  endsAt: number;
  /** Programme back at full level. */
  restoredAt: number;
  /** Resolves when the speech has ended or was stopped. */
  ended: Promise<EndReason>;
}

export interface AnnouncerOptions {
  ctx: BaseAudioContext;
  /** Where speech goes: Howler's master gain (howler-output.ts). */
  destination: AudioNode;
  /** The programme media's gain (→ the same master), ducked under speech. */
  programmeGain: GainNode;
  clipUrl: (lang: string, segment: string) => string;
  duck?: Partial<DuckShape>;
  /** Silence between readings, s. */
  pause?: number;
  onEnded?: (reason: EndReason, plan: AnnouncementPlan) => void;
  /** Injected for tests; defaults to fetch(). */
  fetchClip?: (url: string) => Promise<ArrayBuffer>;
}

interface Speaking {
  sources: AudioBufferSourceNode[];
  speech: GainNode;
  finish: (reason: EndReason) => void;
}

export class Announcer {
  /** Decoded clips by URL. A voice pack is ~60 short clips (a few MB decoded): no eviction. */
  private readonly clips = new Map<string, Promise<AudioBuffer>>();
  private busy = false;
  private loading = 0;
  private speaking: Speaking | null = null;

  constructor(private readonly opts: AnnouncerOptions) {}

  get playing(): boolean {
    return this.busy;
  }

  /** Fetches and decodes clips ahead of a call, so play() starts without the network. */
  async preload(lang: string, segments: readonly string[]): Promise<void> {
    await this.decodeAll(lang, segments);
  }

  /**
   * Decodes every clip, then schedules the whole announcement. Rejects (and plays nothing) if a
   * clip fails, if another announcement is loading or speaking, or if stop() came during loading.
   */
  async play(plan: AnnouncementPlan): Promise<Playback> {
    if (this.busy) throw new Error('announcer: an announcement is already playing');
    this.busy = true;
    const ticket = ++this.loading;
    let buffers: AudioBuffer[];
    try {
      buffers = await this.decodeAll(plan.lang, plan.segments);
      if (ticket !== this.loading) throw new Error('announcer: stopped before it started');
      // A context created before any gesture may still be suspended (kiosk without the autoplay flag).
      if (this.opts.ctx.state === 'suspended' && 'resume' in this.opts.ctx) await (this.opts.ctx as AudioContext).resume();
      if (ticket !== this.loading) throw new Error('announcer: stopped before it started');
    } catch (err) {
      if (ticket === this.loading) this.busy = false;
      throw err;
    }
    return this.schedule(plan, buffers);
  }

  /** Cuts the speech (a short fade) and brings the programme back quickly. */
  stop(): void {
    if (!this.busy) return;
    this.loading++;
    const now = this.opts.ctx.currentTime;
    const s = this.speaking;
    if (s) {
      s.speech.gain.cancelScheduledValues(now);
      s.speech.gain.setValueAtTime(s.speech.gain.value, now);
      s.speech.gain.linearRampToValueAtTime(0, now + STOP_FADE_S);
      for (const src of s.sources) src.stop(now + STOP_FADE_S);
      s.finish('stopped');
    } else {
      this.busy = false;
    }
    this.applyDuck([
      { at: now, value: this.opts.programmeGain.gain.value, ramp: false },
      { at: now + STOP_RESTORE_S, value: 1, ramp: true },
    ]);
  }

  private schedule(plan: AnnouncementPlan, buffers: AudioBuffer[]): Playback {
    const { ctx, destination, programmeGain } = this.opts;
    const s = scheduleSpeech({
      durations: buffers.map((b) => b.duration),
      repeat: plan.repeat,
      pause: this.opts.pause ?? DEFAULT_REPEAT_PAUSE,
      at: ctx.currentTime + LEAD_S,
      duck: this.opts.duck,
      // A previous announcement's release may still be running: duck from where it is.
      from: programmeGain.gain.value,
    });
    const speech = ctx.createGain();
    speech.connect(destination);
    const sources = s.clips.map((c) => {
      const src = ctx.createBufferSource();
      src.buffer = buffers[c.segment]!;
      src.connect(speech);
      src.start(c.at);
      return src;
    });
    this.applyDuck(s.duck);

    let finished = false;
    let resolveEnded!: (r: EndReason) => void;
    const ended = new Promise<EndReason>((resolve) => (resolveEnded = resolve));
    const finish = (reason: EndReason): void => {
      if (finished) return;
      finished = true;
      this.speaking = null;
      this.busy = false;
      // Disconnect after the stop fade, or the fade would be cut.
      setTimeout(() => speech.disconnect(), reason === 'stopped' ? STOP_FADE_S * 1000 + 50 : 0);
      resolveEnded(reason);
      this.opts.onEnded?.(reason, plan);
    };
    sources[sources.length - 1]!.onended = () => finish('completed');
    this.speaking = { sources, speech, finish };
    return { startedAt: s.speechAt, endsAt: s.speechEnd, restoredAt: s.restoredAt, ended };
  }

  private applyDuck(points: readonly GainPoint[]): void {
    const g = this.opts.programmeGain.gain;
    const now = this.opts.ctx.currentTime;
    // Hold where the programme is now: cancelling a running release would otherwise snap it
    // back to the previous point's level (a click) before the new envelope begins.
    const level = g.value;
    g.cancelScheduledValues(now);
    g.setValueAtTime(level, now);
    for (const p of points) {
      if (p.ramp) g.linearRampToValueAtTime(p.value, p.at);
      else g.setValueAtTime(p.value, p.at);
    }
  }

  private decodeAll(lang: string, segments: readonly string[]): Promise<AudioBuffer[]> {
    return Promise.all(segments.map((segment) => this.decode(segment, this.opts.clipUrl(lang, segment))));
  }

  private decode(segment: string, url: string): Promise<AudioBuffer> {
    let clip = this.clips.get(url);
    if (!clip) {
      const fetchClip = this.opts.fetchClip ?? fetchArrayBuffer;
      clip = fetchClip(url)
        .then((bytes) => this.opts.ctx.decodeAudioData(bytes))
        .catch((err: unknown) => {
          // Forget the failure so the next call retries (the file may be deployed by then).
          this.clips.delete(url);
          throw new Error(`announcer: clip "${segment}" (${url}) could not be loaded: ${err instanceof Error ? err.message : String(err)}`, { cause: err });
        });
      this.clips.set(url, clip);
    }
    return clip;
  }
}

async function fetchArrayBuffer(url: string): Promise<ArrayBuffer> {
  const res = await fetch(url);
  if (!res.ok) throw new Error(`HTTP ${res.status}`);
  return res.arrayBuffer();
}
