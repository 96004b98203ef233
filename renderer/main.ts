/**
 * The display: picks the bridge for the shell it runs in, builds the engine and the content, and
 * wires host states into them. Everything else lives in engine/, zones/ and player/.
 */
import type { DisplayState, ItemPlan, PlaybackEvent, QueueBoardState } from '../electron/contract.js';
import type { Bridge } from './bridge.js';
import { Engine } from './engine/engine.js';
import { IdleSlide } from './player/idle-slide.js';
import { MediaLayers } from './player/media-layers.js';
import { DEFAULT_LEAD_MS, ProgrammePlayer } from './player/programme-player.js';
import { installTestHooks } from './test-hooks.js';
import { createWsBridge, wsUrlFor } from './ws-bridge.js';
import { ZoneBoard } from './zones/zone-board.js';

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
  const report = (event: PlaybackEvent, programme: string, item: ItemPlan, reason?: string): void => {
    if (event === 'first-frame') engine.settle();
    bridge.report({
      event,
      programme,
      item: item.key,
      url: item.type === 'text' ? null : item.url,
      at: engine.clock.now(),
      ...(reason ? { reason } : {}),
    });
  };
  const player = new ProgrammePlayer({
    layers,
    idle,
    nowMs: () => performance.now(),
    refreshMs: () => engine.refreshMs,
    report,
    leadMs: seamLeadMs(),
  });
  const board = new ZoneBoard(engine, player);

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
  });
  let queue: QueueBoardState | null = null;
  bridge.onQueue((next) => {
    queue = next;
    board.applyQueue(next);
  });
  engine.onTick((dt) => {
    board.tick(dt);
    player.update();
  });

  bridge.hello({
    shell: electron ? 'electron' : 'chromium',
    width: Math.round(window.innerWidth * window.devicePixelRatio),
    height: Math.round(window.innerHeight * window.devicePixelRatio),
    userAgent: navigator.userAgent,
  });
  // The heartbeat is a liveness signal, not animation: a plain interval is right here.
  setInterval(() => {
    const now = player.nowPlaying();
    bridge.heartbeat({ at: engine.clock.now(), programme: now.programme, item: now.item, position: now.position });
  }, HEARTBEAT_MS);

  installTestHooks({
    state: () => state,
    nowPlaying: () => player.nowPlaying(),
    frames: () => ({ stage: engine.frames, seams: player.seams }),
    queue: () => ({ board: queue, painted: Object.fromEntries(board.queuePaints) }),
  });
}

/** `<html data-seam-lead-ms="…">` overrides the seam lead (used to measure them; see README). */
function seamLeadMs(): number {
  const v = Number(document.documentElement.dataset['seamLeadMs']);
  return Number.isFinite(v) && v >= 0 && document.documentElement.dataset['seamLeadMs'] !== undefined ? v : DEFAULT_LEAD_MS;
}

// Never an error on the hall screen: log it for the technician and keep the last picture.
start().catch((err: unknown) => console.error('hallcast: display failed to start', err));
