/**
 * The pixi.js part of the engine: a transparent WebGL canvas over the DOM layers. Loaded on its own
 * (a separate chunk) after the programme's first frame, because parsing pixi and starting WebGL on
 * SwiftShader cost the cold start more than half a second on this class of machine (BENCHMARKS.md).
 */
import 'pixi.js/unsafe-eval';
import { Application, Container } from 'pixi.js';
import { boundTextCache } from './text-cache.js';

export class StageLayer {
  /** pixi content above the media; each zone adds its own container. */
  readonly root = new Container();

  private destroyed = false;

  private constructor(
    private readonly app: Application,
    onLost: (layer: StageLayer) => void,
  ) {
    app.stage.addChild(this.root);
    // pixi restores a lost context by itself, but only what it re-uploads: the board's words and
    // the date stayed blank for minutes after a GPU-process crash (issue 11). The engine builds a
    // new stage instead (Engine.stageLost).
    app.canvas.addEventListener('webglcontextlost', () => {
      if (!this.destroyed) onLost(this);
    });
  }

  static async create(parent: HTMLElement, width: number, height: number, onLost: (layer: StageLayer) => void): Promise<StageLayer> {
    // Once per page; a stage rebuilt after a lost context keeps the same bound.
    boundTextCache();
    const app = new Application();
    await app.init({
      // WebGPU loses its device on software rendering and draws nothing.
      preference: 'webgl',
      backgroundAlpha: 0,
      antialias: false,
      resolution: window.devicePixelRatio || 1,
      autoDensity: true,
      width,
      height,
      // The engine's own frame loop renders, and only when something changed (see Engine.frame).
      autoStart: false,
    });
    app.ticker.stop();
    app.canvas.classList.add('stage');
    parent.append(app.canvas);
    return new StageLayer(app, onLost);
  }

  /** Takes the canvas away and frees what pixi holds; safe on a lost context. */
  destroy(): void {
    if (this.destroyed) return;
    this.destroyed = true;
    try {
      this.app.destroy({ removeView: true }, { children: true, texture: true, textureSource: true });
    } catch (err) {
      // A renderer whose context is gone can throw on its way out; the canvas must go regardless.
      console.error('hallcast: the lost stage did not shut down cleanly', err);
      this.app.canvas.remove();
    }
  }

  /**
   * The context is gone, whether or not its event was seen: a GPU process that dies while pixi is
   * still starting loses the context before the listener above exists.
   */
  isLost(): boolean {
    const gl = (this.app.renderer as { gl?: WebGLRenderingContext }).gl;
    return !this.destroyed && gl !== undefined && gl.isContextLost();
  }

  render(): void {
    this.app.render();
  }

  resize(width: number, height: number): void {
    this.app.renderer.resize(width, height);
  }
}
