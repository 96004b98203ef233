/**
 * Scrolling notices along the bottom, Chinese then English. The engine's frame ticker moves the
 * strip by speed × delta time, so the speed holds whatever the frame rate. The strip is DOM moved
 * by a compositor transform: on SwiftShader, redrawing pixi text every frame over a playing video
 * cost ~40 % of the frame rate and a mask for clipping another ~40 fps (measured); a transformed
 * layer costs nothing. Notices are recycled to the end of the strip when they leave on the left.
 */
import type { DisplayState } from '../../../electron/contract/messages.js';
import type { Localized } from '../../../electron/contract/hall-config.js';
import type { Engine } from '../engine/engine.js';
import { placeElement, type Rect } from '../engine/rect.js';
import { designScale, type ZonePiece } from './zone-piece.js';
import { tickerTextSizes } from '../../../electron/contract/zone-text.js';

interface Notice {
  el: HTMLElement;
  width: number;
  x: number;
}

export class TickerZone implements ZonePiece {
  private readonly band = document.createElement('div');
  private items: Notice[] = [];
  private notices: Localized[] = [];
  private speed = 0;
  private rect: Rect = { x: 0, y: 0, w: 0, h: 0 };
  private gap = 0;
  private key = '';

  constructor(private readonly engine: Engine) {
    this.band.className = 'ticker';
    engine.panelRoot.append(this.band);
  }

  update(state: DisplayState): void {
    this.speed = state.ticker.speed;
    const key = JSON.stringify(state.ticker.notices);
    if (key === this.key) return;
    this.key = key;
    this.notices = state.ticker.notices;
    this.build();
  }

  resize(rect: Rect): void {
    const same = rect.w === this.rect.w && rect.h === this.rect.h;
    this.rect = rect;
    placeElement(this.band, rect);
    if (!same) this.build();
  }

  tick(dtMs: number): void {
    if (this.items.length === 0) return;
    const dx = (this.speed * designScale(this.engine.height) * dtMs) / 1000;
    for (const item of this.items) item.x -= dx;
    // Recycle every notice that has fully left on the left to the end of the strip.
    for (;;) {
      const first = this.items[0]!;
      if (first.x + first.width > 0) break;
      const last = this.items[this.items.length - 1]!;
      first.x = last.x + last.width + this.gap;
      this.items.push(this.items.shift()!);
    }
    for (const item of this.items) item.el.style.transform = `translate3d(${item.x.toFixed(2)}px, 0, 0)`;
  }

  private build(): void {
    for (const item of this.items) item.el.remove();
    this.items = [];
    const { w, h } = this.rect;
    this.band.style.setProperty('--h', `${h}px`);
    if (w === 0 || h === 0 || this.notices.length === 0) return;
    this.gap = Math.round(h * 1.6);
    // The sizes the validator's glyph check reads too (contract/zone-text.ts), over style.css's.
    const size = tickerTextSizes(h);
    const make = (n: Localized): HTMLElement => {
      const el = document.createElement('div');
      el.className = 'notice';
      const zh = document.createElement('span');
      zh.className = 'zh';
      zh.textContent = n['zh-CN'];
      zh.style.fontSize = `${size.zh}px`;
      el.append(zh);
      if (n.en) {
        const en = document.createElement('span');
        en.className = 'en';
        en.lang = 'en';
        en.textContent = n.en;
        en.style.fontSize = `${size.en}px`;
        el.append(en);
      }
      return el;
    };
    // Enough copies that the strip always covers the zone plus one notice entering on the right.
    let x = w;
    let covered = 0;
    do {
      for (const n of this.notices) {
        const el = make(n);
        this.band.append(el);
        const width = el.getBoundingClientRect().width;
        this.items.push({ el, width, x });
        el.style.transform = `translate3d(${x}px, 0, 0)`;
        x += width + this.gap;
        covered += width + this.gap;
      }
    } while (covered < w * 2);
  }

  show(): void {
    this.band.hidden = false;
  }

  hide(): void {
    this.band.hidden = true;
  }

  destroy(): void {
    this.band.remove();
  }
}
