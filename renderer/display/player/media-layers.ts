/**
 * The DOM elements the programme plays in, under the transparent pixi canvas: two videos (A/B,
 * so the next clip loads while the current one plays), one <img> per picture (see MAX_PICTURES)
 * and two text slides. Software WebGL would spend most of a frame uploading a 1080p video texture; the
 * compositor shows a <video> for free.
 */
import { placeElement, type Rect } from '../engine/rect.js';

/**
 * Pictures kept decoded, each in its own <img> (`takePicture`). Giving an <img> another picture
 * costs the renderer a new decode that Chromium keeps: a programme alternating two 1080p slides on
 * the pair of <img>s grew the renderer ~12 MB a minute, no plateau in 10 min (BENCHMARKS.md, "Soak");
 * one <img> per picture, shown and hidden, stays flat. A programme rarely has more pictures than
 * this; beyond it the least recently shown picture is dropped and decoded again when it returns.
 */
export const MAX_PICTURES = 8;

export class MediaLayers {
  readonly zone: HTMLElement;
  readonly videos: [HTMLVideoElement, HTMLVideoElement];
  readonly texts: [HTMLElement, HTMLElement];
  readonly idle: HTMLElement;
  readonly idleImage: HTMLImageElement;
  private readonly busy = new Set<HTMLElement>();
  /** Picture elements by URL, least recently taken first (two when a picture follows itself). */
  private readonly pictures = new Map<string, HTMLImageElement[]>();

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
    this.videos = [video('A'), video('B')];
    this.texts = [div('layer text-slide'), div('layer text-slide')];
    // Not a `.layer`: its picture covers the zone, and the drawn slide must not be letterboxed.
    this.idle = div('idle');
    this.idleImage = image();
    this.idleImage.className = ''; // shown with its parent, not as a hidden-by-default layer
    this.idle.append(this.idleImage);
    this.zone.append(...this.videos, ...this.texts, this.idle);
    for (const el of [...this.videos, ...this.texts, this.idle]) conceal(el);
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

  /**
   * A free <img> that holds (or will load) `url` and keeps it after `free`, so showing the picture
   * again costs no decode; marked busy until `free`.
   */
  takePicture(url: string): HTMLImageElement {
    const els = this.pictures.get(url) ?? [];
    this.pictures.delete(url);
    this.pictures.set(url, els);
    let el = els.find((e) => !this.busy.has(e));
    if (!el) {
      el = image();
      conceal(el);
      this.zone.insertBefore(el, this.idle);
      els.push(el);
    }
    this.busy.add(el);
    let count = 0;
    for (const list of this.pictures.values()) count += list.length;
    for (const [key, list] of this.pictures) {
      if (count <= MAX_PICTURES) break;
      for (const old of list.filter((e) => !this.busy.has(e))) {
        old.removeAttribute('src');
        old.remove();
        list.splice(list.indexOf(old), 1);
        count--;
      }
      if (list.length === 0) this.pictures.delete(key);
    }
    return el;
  }

  free(el: HTMLElement): void {
    conceal(el);
    this.busy.delete(el);
  }

  isBusy(el: HTMLElement): boolean {
    return this.busy.has(el);
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

function image(): HTMLImageElement {
  const i = document.createElement('img');
  i.className = 'layer';
  i.alt = '';
  i.decoding = 'async';
  return i;
}

function div(className: string): HTMLElement {
  const d = document.createElement('div');
  d.className = className;
  return d;
}
