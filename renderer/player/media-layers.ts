/**
 * The DOM elements the programme plays in, under the transparent pixi canvas: two videos (A/B,
 * so the next clip loads while the current one plays), two pictures and two text slides for the
 * same reason. Software WebGL would spend most of a frame uploading a 1080p video texture; the
 * compositor shows a <video> for free.
 */
import { placeElement, type Rect } from '../engine/rect.js';

export class MediaLayers {
  readonly zone: HTMLElement;
  readonly videos: [HTMLVideoElement, HTMLVideoElement];
  readonly images: [HTMLImageElement, HTMLImageElement];
  readonly texts: [HTMLElement, HTMLElement];
  readonly idle: HTMLElement;
  readonly idleImage: HTMLImageElement;
  private readonly busy = new Set<HTMLElement>();

  constructor(root: HTMLElement) {
    this.zone = div('programme');
    const video = (name: string): HTMLVideoElement => {
      const v = document.createElement('video');
      v.className = 'layer';
      v.dataset['slot'] = name;
      v.playsInline = true;
      v.preload = 'auto';
      v.disablePictureInPicture = true;
      v.disableRemotePlayback = true;
      return v;
    };
    const image = (): HTMLImageElement => {
      const i = document.createElement('img');
      i.className = 'layer';
      i.alt = '';
      i.decoding = 'async';
      return i;
    };
    this.videos = [video('A'), video('B')];
    this.images = [image(), image()];
    this.texts = [div('layer text-slide'), div('layer text-slide')];
    // Not a `.layer`: its picture covers the zone, and the drawn slide must not be letterboxed.
    this.idle = div('idle');
    this.idleImage = image();
    this.idleImage.className = ''; // shown with its parent, not as a hidden-by-default layer
    this.idle.append(this.idleImage);
    this.zone.append(...this.videos, ...this.images, ...this.texts, this.idle);
    for (const el of [...this.videos, ...this.images, ...this.texts, this.idle]) conceal(el);
    root.append(this.zone);
  }

  resize(rect: Rect): void {
    placeElement(this.zone, rect);
  }

  /** A free element of the pair, marked busy until `free`. */
  take<T extends HTMLElement>(pair: readonly [T, T]): T | null {
    const el = pair.find((e) => !this.busy.has(e));
    if (el) this.busy.add(el);
    return el ?? null;
  }

  free(el: HTMLElement): void {
    conceal(el);
    this.busy.delete(el);
  }
}

/**
 * Stacking inside the programme zone: a care rule's diversion slide above all (zones/diversion-slide.ts),
 * then idle, then the item on screen, then the one starting.
 */
export const Z = { underneath: '1', top: '2', idle: '3', diversion: '4' } as const;

export function conceal(el: HTMLElement): void {
  el.style.visibility = 'hidden';
  el.style.zIndex = '0';
}

export function stack(el: HTMLElement, z: string): void {
  el.style.zIndex = z;
  el.style.visibility = 'visible';
}

function div(className: string): HTMLElement {
  const d = document.createElement('div');
  d.className = className;
  return d;
}
