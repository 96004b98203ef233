/** Date and time in the hall's time zone, Chinese large, English small below. */
import { Container, Text } from 'pixi.js';
import type { DisplayState } from '../../../electron/contract/messages.js';
import type { Engine } from '../engine/engine.js';
import type { StageLayer } from '../engine/stage-layer.js';
import type { Rect } from '../engine/rect.js';
import { clockText } from './clock-format.js';
import { clockTextSizes } from '../../../electron/contract/zone-text.js';
import { FONT_FAMILY, type ZonePiece } from './zone-piece.js';
import { HALL_TIME_ZONE } from '../../../electron/contract/hall-defaults.js';

export class ClockZone implements ZonePiece {
  private readonly view = new Container();
  private readonly time = new Text({ text: '', style: { fontFamily: FONT_FAMILY, fill: 0xffffff, fontWeight: '600' } });
  private readonly date = new Text({ text: '', style: { fontFamily: FONT_FAMILY, fill: 0xffffff } });
  private readonly english = new Text({ text: '', style: { fontFamily: FONT_FAMILY, fill: 0xb8c7dc } });
  private timeZone = HALL_TIME_ZONE;
  private rect: Rect = { x: 0, y: 0, w: 0, h: 0 };
  private sinceCheck = Infinity;
  private shown = '';

  constructor(
    private readonly engine: Engine,
    layer: StageLayer,
  ) {
    this.view.addChild(this.time, this.date, this.english);
    layer.root.addChild(this.view);
  }

  update(state: DisplayState): void {
    this.timeZone = state.timezone;
    this.sinceCheck = Infinity;
  }

  resize(rect: Rect): void {
    this.rect = rect;
    this.view.position.set(rect.x, rect.y);
    this.shown = '';
    this.sinceCheck = Infinity;
  }

  tick(dtMs: number): void {
    // Formatting every frame is wasted work; four checks a second keep the minute flip prompt.
    this.sinceCheck += dtMs;
    if (this.sinceCheck < 250) return;
    this.sinceCheck = 0;
    const t = clockText(this.engine.clock.now(), this.timeZone);
    const key = `${t.time}|${t.date}|${t.english}`;
    if (key === this.shown) return;
    this.shown = key;
    this.time.text = t.time;
    this.date.text = t.date;
    this.english.text = t.english;
    this.layout();
    this.engine.invalidate();
  }

  private layout(): void {
    const { w, h } = this.rect;
    const pad = Math.round(Math.min(w, h) * 0.08);
    // The sizes the validator's glyph check reads too (contract/zone-text.ts).
    const size = clockTextSizes(w, h);
    this.time.style.fontSize = Math.round(size.time);
    this.date.style.fontSize = Math.round(size.date);
    this.english.style.fontSize = Math.round(size.english);
    if (size.wide) {
      // Landscape strip: big time on the left, two date lines to its right.
      this.time.anchor.set(0, 0.5);
      this.time.position.set(pad, h / 2);
      const x = pad * 2 + this.time.width;
      this.date.position.set(x, h / 2 - this.date.height * 0.95);
      this.english.position.set(x, h / 2 + this.date.height * 0.1);
    } else {
      this.time.anchor.set(0, 0);
      this.time.position.set(pad, pad * 0.5);
      this.date.position.set(pad, this.time.y + this.time.height);
      this.english.position.set(pad, this.date.y + this.date.height);
    }
    // Narrow zones: shrink the whole block rather than let it spill into the next zone.
    const overflow = Math.max(this.view.width / Math.max(1, w - pad), this.view.height / Math.max(1, h));
    this.view.scale.set(overflow > 1 ? 1 / overflow : 1);
  }

  show(): void {
    this.view.visible = true;
    this.engine.invalidate();
  }

  hide(): void {
    this.view.visible = false;
    this.engine.invalidate();
  }

  destroy(): void {
    this.engine.invalidate();
    this.view.destroy({ children: true });
  }
}
