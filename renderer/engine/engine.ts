/**
 * The generic part of the display: a transparent pixi stage over a DOM media layer, sized to the
 * window, with one frame loop and the host clock. Content pieces get the engine passed in.
 *
 * The DOM layers and the frame loop exist at once; pixi's WebGL start (hundreds of milliseconds on
 * SwiftShader) runs in the background, so the programme's first clip loads meanwhile instead of
 * after it. Pieces add to `stage` from the start; it appears when pixi is up.
 */
import 'pixi.js/unsafe-eval';
import { Application, Container } from 'pixi.js';
import { HostClock } from './host-clock.js';

export type TickListener = (dtMs: number) => void;
export type ResizeListener = (width: number, height: number) => void;

export class Engine {
  readonly clock = new HostClock();
  /** pixi content above the media; each zone adds its own container. */
  readonly stage = new Container();
  /** Settles when the pixi stage is on screen. */
  readonly ready: Promise<void>;
  private app: Application | null = null;
  private readonly tickListeners = new Set<TickListener>();
  private readonly resizeListeners = new Set<ResizeListener>();
  private frameCount = 0;
  private dirty = true;
  private renders = 0;
  private lastFrame: number | null = null;

  private constructor(
    root: HTMLElement,
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
    this.ready = this.startPixi(root);
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

  private async startPixi(root: HTMLElement): Promise<void> {
    const app = new Application();
    await app.init({
      // WebGPU loses its device on software rendering and draws nothing.
      preference: 'webgl',
      backgroundAlpha: 0,
      antialias: false,
      resolution: window.devicePixelRatio || 1,
      autoDensity: true,
      width: window.innerWidth,
      height: window.innerHeight,
      // The engine's own frame loop renders, and only when something changed (see frame()).
      autoStart: false,
    });
    app.ticker.stop();
    app.stage.addChild(this.stage);
    app.canvas.classList.add('stage');
    root.append(app.canvas);
    this.app = app;
    this.applySize();
  }

  /**
   * One display refresh: tick the content, then render pixi if something on the stage changed.
   * Render on demand, not every frame: on SwiftShader a full-screen canvas redrawn each frame over a
   * playing video took the page from 60 to ~20 fps and the video from 25 to ~17 fps (measured); an
   * unchanged canvas costs the compositor nothing.
   */
  private frame(now: number): void {
    this.frameCount++;
    // Cap the step so a frame delayed by a long decode does not jump the ticker by seconds.
    const dt = this.lastFrame === null ? 0 : Math.min(now - this.lastFrame, 250);
    this.lastFrame = now;
    for (const l of this.tickListeners) l(dt);
    if (this.dirty && this.app) {
      this.dirty = false;
      this.renders++;
      this.app.render();
    }
    requestAnimationFrame((t) => this.frame(t));
  }

  get width(): number {
    return window.innerWidth;
  }

  get height(): number {
    return window.innerHeight;
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
    this.app?.renderer.resize(w, h);
    this.dirty = true;
    for (const l of this.resizeListeners) l(w, h);
  }
}
