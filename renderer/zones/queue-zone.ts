/** Placeholder for the queue board (a later issue): a subtle panel with its heading. */
import { bilingualLines } from '../engine/bilingual.js';
import type { Engine } from '../engine/engine.js';
import { placeElement, type Rect } from '../engine/rect.js';
import type { ZonePiece } from './zone-piece.js';

export class QueueZone implements ZonePiece {
  private readonly panel = document.createElement('div');

  constructor(engine: Engine) {
    // Static, so DOM: the compositor draws it without a pixi frame (see Engine.panelRoot).
    this.panel.className = 'queue-panel';
    this.panel.append(...bilingualLines('叫号信息', 'Queue', 'heading'));
    engine.panelRoot.append(this.panel);
  }

  update(): void {}

  resize(r: Rect): void {
    placeElement(this.panel, r);
    this.panel.style.setProperty('--unit', `${Math.round(Math.min(r.h * 0.06, r.w * 0.09))}px`);
  }

  show(): void {
    this.panel.hidden = false;
  }

  hide(): void {
    this.panel.hidden = true;
  }

  destroy(): void {
    this.panel.remove();
  }
}
