/**
 * Read-only diagnostics on `window.__hallcast`, for the Playwright e2e tests and the benches. In
 * the test build only (`node scripts/build.mjs --test-hooks`; renderer/display/README.md "Test
 * hooks"): the production bundle leaves this module out. Nothing here changes what plays; the
 * player must never depend on it.
 */
import type { AnnouncementReport, DisplayState, QueueBoardState } from '../../electron/contract/messages.js';
import type { NowPlaying } from './player/programme-player.js';
import type { TakeoverShown } from './emergency/emergency-takeover.js';
import type { ZoneBoard } from './zones/zone-board.js';
import type { PaintedEntry } from './engine/shared-instant.js';

export interface FrameCounters {
  /** pixi frames rendered since start. */
  stage: number;
  /** Item changes on screen (seams) since start. */
  seams: number;
  /** WebGL contexts the pixi stage lost (each one rebuilt) since start. */
  stageLosses: number;
}

/** The audio graph and the announcer, as of the call (renderer/display/README.md, "Test hooks"). */
export interface AudioHooks {
  /** The AudioContext's state; 'none' without Web Audio. */
  state: AudioContextState | 'none';
  /** RMS of the latest ~20 ms on Howler's master output (programme + speech). 0 when not running. */
  masterRms: number;
  /** The same after the programme gain (the programme as ducked). */
  programmeRms: number;
  /** The same on the speech bus (announcements only). */
  speechRms: number;
  /** The programme gain's current value: 1, or ≈ 0.178 under speech at −15 dB. */
  programmeGain: number;
  /** Programme <video>s playing through the graph (2 normally; 0 without Web Audio). */
  routed: number;
  /** Id of the announcement this display is speaking, or null. */
  speaking: string | null;
  /** The banner's words (its lines joined by "\n"), or null when it is hidden. */
  banner: string | null;
  /** The last 50 announcement reports sent to the host, oldest first. */
  reports: AnnouncementReport[];
  /** The last 50 announce messages received, with the corrected host clock at arrival (epoch ms). */
  received: { type: 'play' | 'stop'; id: string; speak: boolean | null; at: number }[];
  /**
   * When speech was audible on the speech bus (|x| ≥ −60 dBFS; silences under 0.3 s merged, a new
   * `speaking` id always starts a new span), as heard at the output: corrected host clock, epoch
   * ms, output latency included; `id` = the announcement speaking when the span began; last 50.
   */
  heard: { id: string | null; from: number; until: number }[];
  /** The AudioContext's output latency, ms (0 without Web Audio). */
  outputLatencyMs: number;
}

export interface TestHooks {
  state(): DisplayState | null;
  nowPlaying(): NowPlaying;
  frames(): FrameCounters;
  /** The last queue board, and when each call was first painted (performance.now(), by call key). */
  queue(): { board: QueueBoardState | null; painted: Record<string, number> };
  audio(): AudioHooks;
  /** The care rule whose diversion slide is on screen, or null. */
  diversion(): string | null;
  /**
   * The emergency takeover on screen (its paint on the wall clock), whether the programme is paused,
   * what it showed as it paused, and what it resumed from (null until then).
   */
  emergency(): { shown: TakeoverShown | null; paused: boolean; pausedOn: NowPlaying | null; resumedOn: NowPlaying | null };
  /** Each zone of the layout: its rectangle (CSS pixels) and, for pixi zones, where its words are and what they say. */
  zones(): ReturnType<ZoneBoard['inspect']>;
  /** Call moments (engine/shared-instant.ts): the clock exchange's estimate, and the last 256 paints reported to the host. */
  moments(): { offsetMs: number | null; roundTripMs: number | null; scheduling: boolean; painted: PaintedEntry[] };
}

declare global {
  interface Window {
    /** Test/diagnostics only; see renderer/display/test-hooks.ts. */
    __hallcast?: TestHooks;
  }
}

export function installTestHooks(hooks: TestHooks): void {
  Object.defineProperty(window, '__hallcast', { value: Object.freeze({ ...hooks }), writable: false, configurable: false });
}

/**
 * A picture whose video time stops while the page runs on, for the picture watchdog's e2e test
 * (e2e/faults/picture-watchdog.spec.ts): `window.__hallcastFaults.freezePicture()` from then on
 * makes the heartbeat report a picture standing still. It holds for the tab's session
 * (sessionStorage), so it outlasts a reload but not a browser restart. Returns the heartbeat's
 * `stillForMs` with the freeze applied over `measured`.
 */
export function installPictureFreeze(measured: () => number | null, now: () => number): () => number | null {
  const FROZEN_KEY = 'hallcast-test-picture-frozen';
  const loadedAt = now();
  Object.assign(window, { __hallcastFaults: { freezePicture: () => sessionStorage.setItem(FROZEN_KEY, String(now())) } });
  return () => {
    const at = Number(sessionStorage.getItem(FROZEN_KEY)) || null;
    if (at === null) return measured();
    // Frozen before this page loaded (it was reloaded): it has not moved since.
    return at < loadedAt ? null : Math.max(0, now() - at);
  };
}
