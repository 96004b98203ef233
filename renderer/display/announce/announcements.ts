/**
 * Wires the announcer into the display: builds the audio graph over the programme's videos,
 * feeds the bridge's announce messages to the controller, sends its reports back, and answers the
 * `audio()` diagnostics hook. Without Web Audio the videos play on their own and a `speak` play is
 * reported failed; the banner works either way.
 */
import type { Bridge } from '../../../electron/contract/bridge.js';
import { createAudioGraph } from '../audio/audio-graph.js';
import { warmVoicePacks } from '../audio/voice-warmup.js';
import type { AudioHooks } from '../test-hooks.js';
import type { AnnouncementBanner } from './announcement-banner.js';
import { AnnouncementController } from './announcement-controller.js';

const KEPT_MESSAGES = 50;
/** The speech tap is read this long after speech ends, to catch its tail (the analyser holds 85 ms). */
const TAIL_MS = 200;
/** The voice packs decode this long after the first picture, once pixi has loaded. */
const WARMUP_AFTER_SETTLE_MS = 2_000;

export interface Announcements {
  /** Called every frame: records what the speech bus rendered (for `heard`). */
  tick(): void;
  audio(): AudioHooks;
}

export function startAnnouncements(deps: {
  bridge: Bridge;
  videos: readonly HTMLMediaElement[];
  banner: AnnouncementBanner;
  /** The display's corrected host clock, epoch ms. */
  hostNow: () => number;
  /** Resolves once the first picture is up (Engine.afterSettle): the voice packs decode after it. */
  settled: Promise<void>;
  /** Overrides the announcer's schedule-ahead lead, s (measurements only; see renderer/display/README.md). */
  leadSeconds?: number;
}): Announcements {
  const { bridge, banner, hostNow } = deps;
  const graph = createAudioGraph(deps.videos, hostNow, deps.leadSeconds);
  // The host gives the hall's PA only to a display whose audio output runs: say so now and on every change.
  const reportOutput = (): void => bridge.audio({ output: graph?.ctx.state === 'running' ? 'ready' : 'blocked', at: hostNow() });
  graph?.ctx.addEventListener('statechange', reportOutput);
  reportOutput();
  if (graph) {
    void deps.settled.then(() => setTimeout(() => void warmVoicePacks((url) => graph.announcer.preload([url])), WARMUP_AFTER_SETTLE_MS));
  }
  const controller = new AnnouncementController({
    speaker: graph?.announcer ?? null,
    banner,
    send: (report) => bridge.reportAnnouncement(report),
    hostTimeOf: (t) => (graph ? graph.clock.hostTimeOf(t) : hostNow()),
    msUntil: (t) => (graph ? graph.clock.msUntil(t) : 0),
    hostNow,
    after: (ms, run) => {
      const timer = setTimeout(run, ms);
      return () => clearTimeout(timer);
    },
  });
  const received: AudioHooks['received'] = [];
  bridge.onAnnounce((message) => {
    const id = message.type === 'play' ? message.play.id : message.id;
    received.push({ type: message.type, id, speak: message.type === 'play' ? message.play.speak : null, at: hostNow() });
    if (received.length > KEPT_MESSAGES) received.shift();
    controller.handle(message);
  });

  // Copying the tap's samples is diagnostics: only around speech, not every frame of a silent day.
  let lastSpeechAt = -Infinity;
  return {
    tick: () => {
      const speaking = controller.speaking;
      if (speaking !== null) lastSpeechAt = performance.now();
      if (performance.now() - lastSpeechAt < TAIL_MS) graph?.watch(speaking);
    },
    audio: () => ({
      state: graph?.ctx.state ?? 'none',
      masterRms: graph?.meters.master.rms() ?? 0,
      programmeRms: graph?.meters.programme.rms() ?? 0,
      speechRms: graph?.meters.speech.rms() ?? 0,
      programmeGain: graph?.programmeGain.gain.value ?? 1,
      routed: graph?.routed ?? 0,
      speaking: controller.speaking,
      banner: banner.text,
      reports: [...controller.reports],
      received: received.map((m) => ({ ...m })),
      heard: graph ? graph.heard.spans().map((s) => ({ id: s.id, from: graph.clock.hostTimeOf(s.from), until: graph.clock.hostTimeOf(s.until) })) : [],
      outputLatencyMs: graph ? (graph.ctx.outputLatency || graph.ctx.baseLatency || 0) * 1000 : 0,
    }),
  };
}
