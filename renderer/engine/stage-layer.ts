/**
 * The pixi.js part of the engine: a transparent WebGL canvas over the DOM layers. Loaded on its own
 * (a separate chunk) after the programme's first frame, because parsing pixi and starting WebGL on
 * SwiftShader cost the cold start more than half a second on this class of machine (BENCHMARKS.md).
 */
import 'pixi.js/unsafe-eval';
import { Application, Container } from 'pixi.js';

export class StageLayer {
  /** pixi content above the media; each zone adds its own container. */
  readonly root = new Container();

  private constructor(private readonly app: Application) {
    app.stage.addChild(this.root);
  }

  static async create(parent: HTMLElement, width: number, height: number): Promise<StageLayer> {
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
    return new StageLayer(app);
  }

  render(): void {
    this.app.render();
  }

  resize(width: number, height: number): void {
    this.app.renderer.resize(width, height);
  }
}
