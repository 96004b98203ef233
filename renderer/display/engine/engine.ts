/**
 * The generic part of the display: DOM layers for media and static panels, sized to the window,
 * one frame loop and the host clock. Content pieces get the engine passed in.
 *
 * The pixi stage (`stage()`) is not part of the first picture: it loads as a separate chunk once
 * `settle()` says the programme is on screen, so the first clip does not wait for (or compete
 * with) parsing pixi and starting WebGL.
 */
import { HostClock } from './host-clock.js';
import { loadAgain } from './load-again.js';
import { RefreshEstimate } from './refresh-estimate.js';
import { HostOffset } from './host-offset.js';
import { SharedInstants } from './shared-instant.js';
import type { StageLayer } from './stage-layer.js';

export type TickListener = (dtMs: number) => void;
export type StageLostListener = () => void;
/** A part of the display's code failed to load (attempt 1 = the first failure); it is asked for again. */
export type LoadFailedListener = (part: string, attempt: number) => void;

/** A new stage after a failed start is tried this long after the last, doubling up to the cap. */
const STAGE_RETRY_MS = 500;
const STAGE_RETRY_CAP_MS = 10_000;
const STAGE_REBUILD_DELAY_MS = 3_000;
export type ResizeListener = (width: number, height: number) => void;

export class Engine {
  readonly clock = new HostClock();
  /** The host's clock to a few ms (clock exchanges), for shared instants. */
  readonly hostOffset = new HostOffset();
  /** Moments every display shows at once (a queue call's flash); painted at the start of a frame. */
  readonly instants = new SharedInstants({
    // Before the first exchange, the clock the states set (serverTime; off by the state's transit).
    hostMinusFrame: () => (this.hostOffset.offsetMs ?? this.clock.now() - performance.timeOrigin - performance.now()) + performance.timeOrigin,
    frameNow: () => performance.now(),
    refreshMs: () => this.refresh.ms(),
  });
  private layer: StageLayer | null = null;
  private layerLoad: Promise<StageLayer> | null = null;
  private settled!: () => void;
  private readonly whenSettled = new Promise<void>((resolve) => (this.settled = resolve));
  private readonly tickListeners = new Set<TickListener>();
  private readonly resizeListeners = new Set<ResizeListener>();
  private readonly stageLostListeners = new Set<StageLostListener>();
  private readonly loadFailedListeners = new Set<LoadFailedListener>();
  private frameCount = 0;
  private dirty = true;
  private renders = 0;
  private lastFrame: number | null = null;
  private readonly refresh = new RefreshEstimate();

  private constructor(
    private readonly root: HTMLElement,
    /** Full-screen backdrop colour (the layout's background), behind the media. */
    readonly backdrop: HTMLElement,
    /** DOM layer for video, images and slides, under the canvas. */
    readonly mediaRoot: HTMLElement,
    /**
     * DOM layer for the zones' static surfaces (panels, bands), above the media and under the
     * canvas. Large fills cost SwiftShader a whole frame in pixi (measured: a panel and a band
     * took 60 fps to ~15); the compositor draws them for free.
     */
    readonly panelRoot: HTMLElement,
  ) {
    window.addEventListener('resize', () => this.applySize());
    requestAnimationFrame((t) => this.frame(t));
  }

  static create(root: HTMLElement): Engine {
    const backdrop = document.createElement('div');
    backdrop.className = 'backdrop';
    const mediaRoot = document.createElement('div');
    mediaRoot.className = 'media';
    const panelRoot = document.createElement('div');
    panelRoot.className = 'panels';
    root.append(backdrop, mediaRoot, panelRoot);
    return new Engine(root, backdrop, mediaRoot, panelRoot);
  }

  /** The first picture is up (or will not come soon): secondary content may load now. */
  settle(): void {
    this.settled();
  }

  /** Resolves after settle(): when code that is not part of the first picture may load. */
  afterSettle(): Promise<void> {
    return this.whenSettled;
  }

  /** The pixi stage, loaded and started after settle(); the same layer for every caller. */
  stage(): Promise<StageLayer> {
    this.layerLoad ??= this.whenSettled.then(() => this.startStage());
    return this.layerLoad;
  }

  private rebuildDelay(): Promise<void> {
    // After a loss, give the browser time to bring its GPU process back: a stage built at once
    // (~1 s after a GPU-process kill) started fine, yet the words drawn in it never showed (measured).
    const wait = this.lostAt === null ? 0 : Math.max(0, this.lostAt + STAGE_REBUILD_DELAY_MS - performance.now());
    return new Promise((resolve) => setTimeout(resolve, wait));
  }

  /**
   * Until a stage starts: right after a GPU-process crash a new WebGL context can fail while the
   * browser brings its GPU process back.
   */
  private async startStage(): Promise<StageLayer> {
    const { StageLayer } = await this.loadPart('pixi stage', () => import('./stage-layer.js'));
    await this.rebuildDelay();
    for (let attempt = 0; ; attempt++) {
      try {
        const layer = await StageLayer.create(this.root, window.innerWidth, window.innerHeight, (lost) => this.stageLost(lost));
        this.layer = layer;
        this.applySize();
        if (this.lostAt !== null) console.warn(`hallcast: new pixi stage ${Math.round(performance.now() - this.lostAt)} ms after the WebGL context was lost`);
        this.lostAt = null;
        return layer;
      } catch (err) {
        console.error('hallcast: the pixi stage did not start; trying again', err);
        await new Promise((resolve) => setTimeout(resolve, Math.min(STAGE_RETRY_MS * 2 ** attempt, STAGE_RETRY_CAP_MS)));
      }
    }
  }

  /**
   * The stage's WebGL context was lost (a GPU-process crash, a driver reset): its textures are gone.
   * Listeners drop their pieces, the old stage goes, and the next `stage()` builds a new one.
   */
  private stageLost(layer: StageLayer): void {
    if (this.layer !== layer) return;
    this.layer = null;
    this.layerLoad = null;
    this.stageLosses++;
    this.lostAt = performance.now();
    console.warn('hallcast: the WebGL context was lost; rebuilding the pixi stage');
    for (const l of this.stageLostListeners) l();
    layer.destroy();
    this.dirty = true;
  }

  /**
   * A lazily loaded part of the display's own code (`import()` of a chunk), asked for again until it
   * arrives (load-again.ts); each failure is logged and told to `onLoadFailed` listeners.
   */
  loadPart<T>(part: string, load: () => Promise<T>): Promise<T> {
    return loadAgain(load, {
      sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
      failed: (attempt, err) => {
        console.error(`hallcast: the ${part} code did not load (attempt ${attempt}); asking again`, err);
        for (const l of this.loadFailedListeners) l(part, attempt);
      },
    });
  }

  onLoadFailed(l: LoadFailedListener): () => void {
    this.loadFailedListeners.add(l);
    return () => this.loadFailedListeners.delete(l);
  }

  /** `l` runs when the stage is lost, before it is destroyed: pieces on it must be rebuilt. */
  onStageLost(l: StageLostListener): () => void {
    this.stageLostListeners.add(l);
    return () => this.stageLostListeners.delete(l);
  }

  /** WebGL contexts lost (and stages rebuilt) since start. */
  stageLosses = 0;
  private lostAt: number | null = null;

  /**
   * One display refresh: tick the content, then render pixi if something on the stage changed.
   * Render on demand, not every frame: on SwiftShader a full-screen canvas redrawn each frame over a
   * playing video took the page from 60 to ~20 fps and the video from 25 to ~17 fps (measured); an
   * unchanged canvas costs the compositor nothing.
   */
  private frame(now: number): void {
    this.frameCount++;
    if (this.lastFrame !== null) this.refresh.add(now - this.lastFrame);
    // Cap the step so a frame delayed by a long decode does not jump the ticker by seconds.
    const dt = this.lastFrame === null ? 0 : Math.min(now - this.lastFrame, 250);
    this.lastFrame = now;
    // Before the zones tick: a moment's paint lays out what this frame renders.
    this.instants.frame(now);
    for (const l of this.tickListeners) l(dt);
    if (this.layer?.isLost()) this.stageLost(this.layer);
    if (this.dirty && this.layer) {
      this.dirty = false;
      this.renders++;
      this.layer.render();
    }
    requestAnimationFrame((t) => this.frame(t));
  }

  get width(): number {
    return window.innerWidth;
  }

  get height(): number {
    return window.innerHeight;
  }

  /** The display's refresh interval, ms. */
  get refreshMs(): number {
    return this.refresh.ms();
  }

  /** Animation frames ticked since start. */
  get frames(): number {
    return this.frameCount;
  }

  /** pixi renders since start (only frames where something changed). */
  get renderCount(): number {
    return this.renders;
  }

  /** Something on the stage changed: render it on the next frame. */
  invalidate(): void {
    this.dirty = true;
  }

  onTick(l: TickListener): () => void {
    this.tickListeners.add(l);
    return () => this.tickListeners.delete(l);
  }

  onResize(l: ResizeListener): () => void {
    this.resizeListeners.add(l);
    return () => this.resizeListeners.delete(l);
  }

  setBackground(color: string): void {
    this.backdrop.style.background = color;
    // Letterbox bars of the media layers take the hall's colour too, not a black that reads as a fault.
    document.documentElement.style.setProperty('--hall-background', color);
  }

  private applySize(): void {
    const w = window.innerWidth;
    const h = window.innerHeight;
    this.layer?.resize(w, h);
    this.dirty = true;
    for (const l of this.resizeListeners) l(w, h);
  }
}
