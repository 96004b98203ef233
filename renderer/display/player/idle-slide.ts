/**
 * The branding slide shown when nothing is scheduled or nothing can play: the hall's picture if
 * the state names one (and it loads), else a drawn "中国移动 营业厅 / Customer Service Hall".
 * Static, so it is DOM: a full-zone fill in pixi costs SwiftShader most of a frame.
 */
import { bilingualLines } from '../engine/bilingual.js';
import { conceal, stack, Z, type MediaLayers } from './media-layers.js';

export class IdleSlide {
  private url: string | null = null;
  private imageOk = false;
  private visible = false;
  private readonly drawn: HTMLElement;

  constructor(private readonly layers: MediaLayers) {
    this.drawn = document.createElement('div');
    this.drawn.className = 'idle-drawn';
    this.drawn.append(...bilingualLines('中国移动 营业厅', 'Customer Service Hall', 'title'));
    layers.idle.append(this.drawn);
    layers.idleImage.addEventListener('error', () => {
      this.imageOk = false;
      this.apply();
    });
  }

  setImage(url: string | null): void {
    if (url === this.url) return;
    this.url = url;
    this.imageOk = false;
    const img = this.layers.idleImage;
    if (!url) img.removeAttribute('src');
    else {
      img.src = url;
      img.decode().then(
        () => {
          if (this.url !== url) return;
          this.imageOk = true;
          this.apply();
        },
        () => undefined, // the error listener keeps the drawn slide
      );
    }
    this.apply();
  }

  show(): void {
    this.visible = true;
    this.apply();
  }

  hide(): void {
    this.visible = false;
    this.apply();
  }

  get showing(): boolean {
    return this.visible;
  }

  private apply(): void {
    if (this.visible) stack(this.layers.idle, Z.idle);
    else conceal(this.layers.idle);
    // Until the picture has decoded, the drawn slide stands in, so idle is never a blank zone.
    this.layers.idleImage.hidden = !this.imageOk;
    this.drawn.hidden = this.imageOk;
  }
}
