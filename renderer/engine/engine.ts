/**
 * The generic part of the display: DOM layers for media and static panels, sized to the window,
 * one frame loop and the host clock. Content pieces get the engine passed in.
 *
 * The pixi stage (`stage()`) is not part of the first picture: it loads as a separate chunk once
 * `settle()` says the programme is on screen, so the first clip does not wait for (or compete
 * with) parsing pixi and starting WebGL.
 */
import { HostClock } from './host-clock.js';
import { RefreshEstimate } from './refresh-estimate.js';
import type { StageLayer } from './stage-layer.js';

export type TickListener = (dtMs: number) => void;
export type ResizeListener = (width: number, height: number) => void;

export class Engine {
  readonly clock = new HostClock();
  private layer: StageLayer | null = null;
  private layerLoad: Promise<StageLayer> | null = null;
  private settled!: () => void;
  private readonly whenSettled = new Promise<void>((resolve) => (this.settled = resolve));
  private readonly tickListeners = new Set<TickListener>();
  private readonly resizeListeners = new Set<ResizeListener>();
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
    this.layerLoad ??= this.whenSettled
      .then(() => import('./stage-layer.js'))
      .then(({ StageLayer }) => StageLayer.create(this.root, window.innerWidth, window.innerHeight))
      .then((layer) => {
        this.layer = layer;
        this.applySize();
        return layer;
      });
    return this.layerLoad;
  }

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
    for (const l of this.tickListeners) l(dt);
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
