/**
 * Plays one announcement at a time: every clip decoded first, then all of them scheduled on the
 * AudioContext clock (speech-schedule.ts), into a speech gain on the output, while the programme's
 * gain ducks under them. Order and preemption are the host's queue's business; this only refuses
 * a second announcement while one is loading or speaking.
 */
import type { AnnouncementPlay } from '../../../electron/contract/messages.js';
import { ClipCache } from './clip-cache.js';
import { scheduleSpeech, speechRequestProblem, type GainPoint } from './speech-schedule.js';

/**
 * The first clip starts this far ahead of currentTime, or two render callbacks (2 × baseLatency)
 * if those are longer. Chromium never drops a start that is already due: it starts it late, by up
 * to two callbacks when the render thread runs ahead or the graph lock is busy. Measured with a
 * video playing (dev/lead-probe.mjs, 10 ms callbacks): late starts at a 0 ms lead 18/450 (up to
 * 11.6 ms), 10 ms 2/450, 15 ms 1/450 (5.3 ms), 20 ms and more 0/1050; never a lost sample. A late
 * chime would overlap the clip after it and put `started` off; every millisecond here is also a
 * millisecond of call latency. So a lead-in (the chime) is started at once, with no lead: started
 * late by a callback, its last ~10 ms — a tail at −48 dB — lie under the first word (inaudible,
 * and no gap), while the call is heard 20 ms sooner (bench/announce.ts). Without a chime the first
 * word waits for the duck's attack anyway, so the lead costs nothing there.
 */
export const LEAD_S = 0.02;
/** stop(): speech fades out this fast (a hard cut clicks) and the programme comes back this fast. */
const STOP_FADE_S = 0.03;
const STOP_RESTORE_S = 0.3;
/** A suspended context that does not resume within this is blocked (autoplay policy without a gesture). */
const RESUME_TIMEOUT_MS = 1_000;

/** What the announcer needs of a play: the clips as URLs and how to read them. */
export type SpeechPlan = Pick<AnnouncementPlay, 'clips' | 'leadIn' | 'repeat' | 'pauseSeconds' | 'duck'>;

export type EndReason = 'completed' | 'stopped';

/** AudioContext times (s) of one announcement. */
export interface Playback {
  /** The duck begins (with a lead-in, the first clip starts here too). */
  duckAt: number;
  /** First clip starts. */
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
  /** Where speech goes: the speech bus on Howler's master gain (audio-graph.ts). */
  destination: AudioNode;
  /** The programme media's gain (→ the same master), ducked under speech. */
  programmeGain: GainNode;
  /** Injected for tests; defaults to fetch(). */
  fetchClip?: (url: string) => Promise<ArrayBuffer>;
  /** Injected for tests; defaults to leadFor(ctx). */
  leadSeconds?: number;
}

interface Speaking {
  sources: AudioBufferSourceNode[];
  speech: GainNode;
  finish: (reason: EndReason) => void;
}

export class Announcer {
  private readonly clips: ClipCache;
  private busy = false;
  private loading = 0;
  private speaking: Speaking | null = null;

  constructor(private readonly opts: AnnouncerOptions) {
    this.clips = new ClipCache((url) => this.load(url));
  }

  get playing(): boolean {
    return this.busy;
  }

  /** Fetches and decodes clips ahead of a play, so play() starts without the network. */
  async preload(urls: readonly string[]): Promise<void> {
    await Promise.all(urls.map((url) => this.clips.get(url)));
  }

  /**
   * Decodes every clip, then schedules the whole announcement. Rejects (and plays nothing) if the
   * plan cannot be timed, a clip fails, another announcement is loading or speaking, the context
   * cannot run, or stop() came during loading.
   */
  async play(plan: SpeechPlan): Promise<Playback> {
    const problem = speechRequestProblem({ ...plan, pause: plan.pauseSeconds, clips: plan.clips.length });
    if (problem) throw new Error(`announcer: ${problem}`);
    if (this.busy) throw new Error('announcer: an announcement is already playing');
    this.busy = true;
    const ticket = ++this.loading;
    try {
      const buffers = await Promise.all(plan.clips.map((url) => this.clips.get(url)));
      if (ticket !== this.loading) throw new Error('announcer: stopped before it started');
      await this.running();
      if (ticket !== this.loading) throw new Error('announcer: stopped before it started');
      return this.schedule(plan, buffers);
    } catch (err) {
      if (ticket === this.loading) this.busy = false;
      throw err;
    }
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

  /** A context created before any gesture may be suspended (a kiosk without the autoplay flag). */
  private async running(): Promise<void> {
    const ctx = this.opts.ctx;
    if (ctx.state !== 'suspended' || !('resume' in ctx)) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timeout = new Promise<void>((resolve) => (timer = setTimeout(resolve, RESUME_TIMEOUT_MS)));
    await Promise.race([(ctx as AudioContext).resume(), timeout]);
    clearTimeout(timer);
    // resume() without a user gesture stays pending forever: say so instead of hanging the PA.
    const state = ctx.state as AudioContextState; // changed by the await, which TypeScript cannot see
    if (state !== 'running') throw new Error(`announcer: the audio output is ${state} (autoplay not allowed?)`);
  }

  private schedule(plan: SpeechPlan, buffers: AudioBuffer[]): Playback {
    const { ctx, destination, programmeGain } = this.opts;
    // Build and connect every node first and read the clock only then: on the display page a
    // start 10–20 ms late showed up when the clock had been read before ~20 nodes were built.
    const speech = ctx.createGain();
    speech.connect(destination);
    const sources = Array.from({ length: plan.repeat }, () =>
      buffers.map((buffer) => {
        const src = ctx.createBufferSource();
        src.buffer = buffer;
        src.connect(speech);
        return src;
      }),
    ).flat();
    const s = scheduleSpeech({
      durations: buffers.map((b) => b.duration),
      leadIn: plan.leadIn,
      repeat: plan.repeat,
      pause: plan.pauseSeconds,
      at: ctx.currentTime + (this.opts.leadSeconds ?? (plan.leadIn > 0 ? 0 : leadFor(ctx))),
      duck: plan.duck,
      // A previous announcement's release may still be running: duck from where it is.
      from: programmeGain.gain.value,
    });
    // The schedule lists readings in order and each reading's clips in order, as built above.
    s.clips.forEach((c, i) => sources[i]!.start(c.at));
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
    };
    sources[sources.length - 1]!.onended = () => finish('completed');
    this.speaking = { sources, speech, finish };
    return { duckAt: s.duck[0]!.at, startedAt: s.speechAt, endsAt: s.speechEnd, restoredAt: s.restoredAt, ended };
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

  private async load(url: string): Promise<AudioBuffer> {
    try {
      const bytes = await (this.opts.fetchClip ?? fetchArrayBuffer)(url);
      return await this.opts.ctx.decodeAudioData(bytes);
    } catch (err) {
      throw new Error(`announcer: clip ${url} could not be loaded: ${err instanceof Error ? err.message : String(err)}`, { cause: err });
    }
  }
}

/** How far ahead of currentTime the first clip is scheduled on this context. */
export function leadFor(ctx: BaseAudioContext): number {
  const callback = 'baseLatency' in ctx && typeof ctx.baseLatency === 'number' ? ctx.baseLatency : 0;
  return Math.max(LEAD_S, 2 * callback);
}

async function fetchArrayBuffer(url: string): Promise<ArrayBuffer> {
  const res = await fetch(url);
  if (!res.ok) throw new Error(`HTTP ${res.status}`);
  return res.arrayBuffer();
}
