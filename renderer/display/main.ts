/**
 * The display: picks the bridge for the shell it runs in, builds the engine and the content, and
 * wires host states and announce messages into them. Everything else lives in engine/, zones/,
 * player/, audio/ and announce/.
 */
import type { DisplayState, ItemPlan, PlaybackEvent, QueueBoardState } from '../../electron/contract/messages.js';
import { AnnouncementBanner } from './announce/announcement-banner.js';
import { startAnnouncements } from './announce/announcements.js';
import type { Bridge } from '../../electron/contract/bridge.js';
import { Engine } from './engine/engine.js';
import { IdleSlide } from './player/idle-slide.js';
import { MediaLayers } from './player/media-layers.js';
import { ProgrammePlayer, type NowPlaying } from './player/programme-player.js';
import { ScreenSleep } from './player/screen-sleep.js';
import { installPictureFreeze, installTestHooks } from './test-hooks.js';
import { reloadDue } from './engine/load-again.js';
import { startClockPings } from './engine/clock-exchange.js';
import { createWsBridge, isPreview, wsUrlFor } from './ws-bridge.js';
import { muteOutput } from './audio/howler-output.js';
import { DiversionSlide } from './zones/diversion-slide.js';
import { EmergencyTakeover } from './emergency/emergency-takeover.js';
import { ProgrammePause } from './player/programme-pause.js';
import { ZoneBoard } from './zones/zone-board.js';

/** true in the test build only (scripts/display-bundle.mjs writes it in); the production bundle leaves the hooks out. */
declare const HALLCAST_TEST_HOOKS: boolean | undefined;
/** When the page last reloaded itself for code that would not load (sessionStorage: it outlives the reload). */
const CODE_RELOAD_KEY = 'hallcast-code-reload-at';

const HEARTBEAT_MS = 2_000;
/** The pixi zones load after the first programme frame, or after this long without one. */
const SETTLE_LATEST_MS = 2_000;

async function start(): Promise<void> {
  const electron = window.hallcast;
  const bridge: Bridge = electron ?? createWsBridge(wsUrlFor(window.location));
  const engine = Engine.create(document.getElementById('app') ?? document.body);
  setTimeout(() => engine.settle(), SETTLE_LATEST_MS);

  const layers = new MediaLayers(engine.mediaRoot);
  const idle = new IdleSlide(layers);
  const banner = new AnnouncementBanner(engine.panelRoot);
  const announceLeadMs = msOverride('announceLeadMs');
  // Before the first clip plays: each <video> joins the audio graph once, for the announcer's duck.
  const announcements = startAnnouncements({
    ...(announceLeadMs === undefined ? {} : { leadSeconds: announceLeadMs / 1000 }),
    bridge,
    videos: layers.videos,
    banner,
    hostNow: () => engine.clock.now(),
    settled: engine.afterSettle(),
  });
  // The console's live frame plays on a manager's phone or desk: never a sound from it.
  if (isPreview(window.location)) muteOutput();
  const diversion = new DiversionSlide(layers.zone);
  const report = (event: PlaybackEvent, programme: string, item: ItemPlan, reason?: string, detail?: string): void => {
    if (event === 'first-frame') engine.settle();
    bridge.report({
      event,
      programme,
      item: item.key,
      url: item.type === 'text' ? null : item.url,
      at: engine.clock.now(),
      ...(reason ? { reason } : {}),
      ...(detail ? { detail } : {}),
    });
  };
  // An emergency pauses the programme where it is (programme-pause.ts): the player's clock stands still with it.
  const pause = new ProgrammePause(layers.videos, () => performance.now());
  // Above every layer, the banner too: a sleeping screen shows nothing (screen-sleep.ts). Its clock
  // is the pause's, so the programme's time stands still while either holds it.
  const curtain = document.body.appendChild(Object.assign(document.createElement('div'), { className: 'screen-asleep' }));
  const sleep = new ScreenSleep(curtain, layers.videos, pause.now);
  const player = new ProgrammePlayer({
    layers,
    idle,
    nowMs: sleep.now,
    refreshMs: () => engine.refreshMs,
    report,
  });
  const board = new ZoneBoard(engine, player, banner);
  // The board rebuilds its pixi zones by itself (ZoneBoard); the host counts the loss in its health.
  engine.onStageLost(() => bridge.fault({ kind: 'gpu-context-lost', at: engine.clock.now() }));
  engine.onLoadFailed((part, attempt) => {
    bridge.fault({ kind: 'code-load-failed', at: engine.clock.now(), part });
    // A browser that keeps a failed chunk (load-again.ts) is only helped by a new page.
    const lastReload = Number(sessionStorage.getItem(CODE_RELOAD_KEY)) || null;
    if (!reloadDue(attempt, lastReload, Date.now())) return;
    sessionStorage.setItem(CODE_RELOAD_KEY, String(Date.now()));
    console.warn(`hallcast: the ${part} code still did not load after ${attempt} attempts; reloading the page`);
    // A moment for the fault report to leave.
    setTimeout(() => location.reload(), 250);
  });

  let state: DisplayState | null = null;
  bridge.onState((next) => {
    // Apply every state in arrival order: seq restarts at 0 when the host restarts.
    state = next;
    engine.clock.sync(next.serverTime);
    idle.setImage(next.idleImage);
    // The programme first: its clip starts loading before the zones lay out text (the first
    // CJK layout loads the font, ~100 ms). The pending clip is hidden until the board sizes it.
    player.setProgramme(next.programme);
    board.apply(next);
    diversion.apply(next.diversion, engine.clock.now());
    sleep.apply(next.power);
  });
  let queue: QueueBoardState | null = null;
  bridge.onQueue((next) => {
    queue = next;
    board.applyQueue(next);
  });
  // What the programme showed as it paused, and as it resumed (the test hooks).
  const held: { pausedOn: NowPlaying | null; resumedOn: NowPlaying | null } = { pausedOn: null, resumedOn: null };
  const takeover = new EmergencyTakeover({
    root: document.body,
    pauseProgramme: (paused) => {
      if (paused === pause.paused) return;
      if (paused) {
        pause.pause();
        held.pausedOn = player.nowPlaying();
        held.resumedOn = null;
      } else {
        // Before resume(): its play() starts the clock again only once the browser has run it.
        held.resumedOn = player.nowPlaying();
        pause.resume();
      }
    },
    hidePanels: (hidden) => (engine.panelRoot.style.visibility = hidden ? 'hidden' : ''),
    acknowledge: (id) => bridge.acknowledge({ id, at: engine.clock.now() }),
  });
  bridge.onEmergency((emergency) => takeover.apply(emergency));
  engine.onTick((dt) => {
    // Asleep, nothing moves: no item starts, ends or stalls in the dark, and the zones (the ticker's
    // scroll) stop asking pixi for a render each frame behind the black. Paused by an emergency,
    // nothing of the programme moves on (no item ends, no stall is seen, nothing new is picked).
    if (!sleep.asleep) {
      board.tick(dt);
      if (!pause.paused) player.update();
    }
    diversion.tick(engine.clock.now());
    announcements.tick();
  });

  // The call moment: the host's clock to a few ms, and each moment painted told to the host.
  const pings = startClockPings(bridge, engine.hostOffset);
  engine.instants.onPainted((painted) => bridge.painted(painted));

  bridge.hello({
    shell: electron ? 'electron' : 'chromium',
    width: Math.round(window.innerWidth * window.devicePixelRatio),
    height: Math.round(window.innerHeight * window.devicePixelRatio),
    userAgent: navigator.userAgent,
    // Who it is in the hall: `/?display=ID` (the kiosk's --display and the Electron shell's config open it so).
    ...displayIdFrom(location.search),
  });
  // How long the picture has stood still, for the host's picture watchdog. Asleep or paused by an
  // emergency, the player's clock stands still too, so a dark or held screen is not a frozen one; a
  // hidden page (a minimised window) gets no frames from the browser at all, which is not a fault.
  let stillForMs = (): number | null => (document.visibilityState === 'hidden' ? 0 : player.pictureStillMs());
  // The heartbeat is a liveness signal, not animation: a plain interval is right here.
  setInterval(() => {
    const now = player.nowPlaying();
    bridge.heartbeat({ at: engine.clock.now(), programme: now.programme, item: now.item, position: now.position, stillForMs: stillForMs() });
    pings.ping();
  }, HEARTBEAT_MS);

  // `typeof`: a bundle made without the constant (a dev probe's own esbuild call) gets no hooks rather than a ReferenceError.
  if (typeof HALLCAST_TEST_HOOKS !== 'undefined' && HALLCAST_TEST_HOOKS) {
    // `?flash=arrival`: every call flashes when its board arrives (the call-moment bench's baseline).
    if (new URLSearchParams(window.location.search).get('flash') === 'arrival') engine.instants.scheduling = false;
    // The picture watchdog's e2e test can stop the picture's clock (test-hooks.ts).
    stillForMs = installPictureFreeze(stillForMs, () => engine.clock.now());
    installTestHooks({
      state: () => state,
      nowPlaying: () => player.nowPlaying(),
      frames: () => ({ stage: engine.frames, seams: player.seams, stageLosses: engine.stageLosses }),
      queue: () => ({ board: queue, painted: Object.fromEntries(board.queuePaints) }),
      audio: () => announcements.audio(),
      diversion: () => diversion.shown,
      emergency: () => ({ shown: takeover.shown, paused: pause.paused, ...held }),
      zones: () => board.inspect(),
      moments: () => ({ offsetMs: engine.hostOffset.offsetMs, roundTripMs: engine.hostOffset.roundTripMs, scheduling: engine.instants.scheduling, painted: [...engine.instants.log] }),
    });
  }
}

/** `<html data-announce-lead-ms="…">` overrides the announcer's schedule-ahead lead (used to measure it; see README). */
function msOverride(name: 'announceLeadMs'): number | undefined {
  const raw = document.documentElement.dataset[name];
  const v = Number(raw);
  return raw !== undefined && raw !== '' && Number.isFinite(v) && v >= 0 ? v : undefined;
}

// Never an error on the hall screen: log it for the technician and keep the last picture.
/** The page's `?display=ID`, as the hello carries it; the host checks it. */
function displayIdFrom(search: string): { display?: string } {
  const id = new URLSearchParams(search).get('display');
  return id === null ? {} : { display: id.slice(0, 200) };
}

start().catch((err: unknown) => console.error('hallcast: display failed to start', err));
