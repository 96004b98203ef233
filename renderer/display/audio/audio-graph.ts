/**
 * The display's one audio graph, on Howler's context:
 *
 *   programme <video> A, B ─→ programme gain ─┐
 *   clips ─→ speech gain ─→ speech bus ───────┴─→ Howler master ─→ destination
 *
 * The announcer ducks the programme gain under speech. Each <video> is captured once
 * (createMediaElementSource may be called only once per element); its per-item volume stays on
 * `video.volume`, which Chromium applies before the capture. Level meters tap the master, the
 * programme gain and the speech bus for the diagnostics hooks.
 */
import { Announcer } from './announcer.js';
import { AudioClock } from './audio-clock.js';
import { howlerOutput } from './howler-output.js';
import { LevelMeter } from './level-meter.js';
import { SoundSpans } from './sound-spans.js';

export interface AudioGraph {
  ctx: AudioContext;
  master: GainNode;
  programmeGain: GainNode;
  speechBus: GainNode;
  announcer: Announcer;
  clock: AudioClock;
  meters: { master: LevelMeter; programme: LevelMeter; speech: LevelMeter };
  /** When speech was audible on the speech bus (context time); fed by `watch()` every frame. */
  heard: SoundSpans;
  /** Call once per frame with the id speaking: records what the speech bus rendered since the last call. */
  watch(speaking: string | null): void;
  /** How many programme videos go through the graph (the others, if any, play directly). */
  routed: number;
}

/**
 * Builds the graph and routes the videos into it; null without Web Audio, and then the videos
 * simply keep playing on their own.
 */
export function createAudioGraph(videos: readonly HTMLMediaElement[], hostNow: () => number, leadSeconds?: number): AudioGraph | null {
  let out;
  try {
    out = howlerOutput();
  } catch (err) {
    console.warn('hallcast: no Web Audio; the programme plays directly and nothing is announced', err);
    return null;
  }
  if (!out) return null;
  const { ctx, master } = out;
  const programmeGain = ctx.createGain();
  programmeGain.connect(master);
  const speechBus = ctx.createGain();
  speechBus.connect(master);

  let routed = 0;
  for (const video of videos) {
    try {
      ctx.createMediaElementSource(video).connect(programmeGain);
      routed++;
    } catch (err) {
      // Already captured, or the browser refuses: this one keeps its own output, un-ducked.
      console.warn('hallcast: a programme video could not join the audio graph', err);
    }
  }

  const announcer = new Announcer({ ctx, destination: speechBus, programmeGain, ...(leadSeconds === undefined ? {} : { leadSeconds }) });
  const meters = { master: new LevelMeter(ctx, master), programme: new LevelMeter(ctx, programmeGain), speech: new LevelMeter(ctx, speechBus) };
  const heard = new SoundSpans();
  const watch = (speaking: string | null): void => {
    if (ctx.state !== 'running') return;
    const { samples, endTime } = meters.speech.latest();
    heard.feed(samples, endTime, ctx.sampleRate, speaking);
  };
  return { ctx, master, programmeGain, speechBus, announcer, clock: new AudioClock(ctx, hostNow), meters, heard, watch, routed };
}
