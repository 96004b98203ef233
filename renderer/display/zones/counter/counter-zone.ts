/**
 * A counter screen's zone: the counter's name, and big under it the ticket the counter serves —
 * flashing a few times when the counter calls — or "暂停服务 · Closed" while the counter is closed.
 * Fed by the same queue board as the board zone; the counter is the display's own
 * (displays.json "counter", in state.display). A call to the counter shows its ticket, flashing, at
 * the call's moment (QueueBoardCall.flashAt, engine.instants), so the counter's screen and every
 * board of the hall flash in one refresh, not each when its board arrived. Text sizes come from contract/zone-text.ts, which
 * the validator's glyph-height check reads too.
 */
import { Container } from 'pixi.js';
import type { DisplayIdentity, DisplayState, QueueBoardState } from '../../../../electron/contract/messages.js';
import { counterText } from '../../../../electron/contract/zone-text.js';
import type { Engine } from '../../engine/engine.js';
import { placeElement, type Rect } from '../../engine/rect.js';
import type { StageLayer } from '../../engine/stage-layer.js';
import { flashLit, FLASHES, FLASH_PERIOD_MS } from '../queue-board/board-view.js';
import { TextPool } from '../queue-board/text-pool.js';
import { FONT_FAMILY, type ZoneInspection, type ZonePiece } from '../zone-piece.js';
import { textBounds } from '../text-bounds.js';
import { callToFlash, counterView, type CounterView } from './counter-view.js';

const WHITE = 0xffffff;
const GREY = 0xb8c7dc;
const PRIORITY = 0xffa3c0;
const PANEL = 'rgb(255 255 255 / 0.06)';
const PANEL_LIT = 'rgb(255 195 77 / 0.55)';

export class CounterZone implements ZonePiece {
  private readonly view = new Container();
  private readonly texts: TextPool;
  private readonly panel = document.createElement('div');
  private rect: Rect = { x: 0, y: 0, w: 0, h: 0 };
  private identity: DisplayIdentity | null = null;
  private board: QueueBoardState | null = null;
  /** Key of the counter's newest call on the last board; undefined before the first board. */
  private seen: string | null | undefined = undefined;
  /** A call to this counter waiting for its moment: the board it came on (kept newest), and the cancel of its moment. */
  private held: { key: string; board: QueueBoardState | null; cancel: () => void } | null = null;
  private flashStartedAt: number | null = null;
  private lit = false;
  private shown: CounterView | null = null;

  constructor(
    private readonly engine: Engine,
    layer: StageLayer,
  ) {
    this.texts = new TextPool(this.view);
    layer.root.addChild(this.view);
    this.panel.className = 'counter-panel';
    // Inline, so the zone brings its own look: the panel is the zone, its colour the flash.
    this.panel.style.cssText = `border-radius: 0; background: ${PANEL}; transition: none;`;
    engine.panelRoot.append(this.panel);
  }

  update(state: DisplayState): void {
    if (JSON.stringify(state.display) === JSON.stringify(this.identity)) return;
    this.identity = state.display;
    this.layout();
  }

  queue(board: QueueBoardState | null): void {
    const { call, flash } = callToFlash(board, this.identity?.counter ?? null, this.seen);
    // A board before the display knows its counter is not "seen": its calls may still be news.
    if (board && this.identity) this.seen = call?.key ?? null;
    if (this.held && call?.key === this.held.key) {
      // Its moment has not come: the newer figures wait with it.
      this.held.board = board;
      return;
    }
    // A newer call to the counter, or one listed without a flash, supersedes a held one.
    this.held?.cancel();
    this.held = null;
    if (flash && call) {
      const key = call.key;
      const held: { key: string; board: QueueBoardState | null; cancel: () => void } = { key, board, cancel: () => undefined };
      this.held = held;
      held.cancel = this.engine.instants.at(key, call.flashAt, (frame) => this.callMoment(held, frame.frameTime), this);
      return;
    }
    this.board = board;
    this.layout();
  }

  /** The held call's moment: its ticket goes up, flashing, in this frame. */
  private callMoment(held: { board: QueueBoardState | null }, frameTime: number): void {
    if (this.held !== held) return;
    this.held = null;
    this.board = held.board;
    this.flashStartedAt = frameTime;
    this.setLit(flashLit(0));
    this.layout();
  }

  resize(rect: Rect): void {
    this.rect = rect;
    this.view.position.set(rect.x, rect.y);
    placeElement(this.panel, rect);
    this.layout();
  }

  tick(): void {
    const lit = this.flashStartedAt !== null && flashLit(performance.now() - this.flashStartedAt);
    if (lit !== this.lit) this.setLit(lit);
    if (this.flashStartedAt !== null && performance.now() - this.flashStartedAt > FLASHES * FLASH_PERIOD_MS) this.flashStartedAt = null;
  }

  show(): void {
    this.view.visible = true;
    this.panel.hidden = false;
    this.engine.invalidate();
  }

  hide(): void {
    this.view.visible = false;
    this.panel.hidden = true;
    this.engine.invalidate();
  }

  destroy(): void {
    this.held?.cancel();
    this.held = null;
    this.texts.destroy();
    this.view.destroy({ children: true });
    this.panel.remove();
    this.engine.invalidate();
  }

  inspect(): ZoneInspection {
    const v = this.shown;
    const words =
      v === null ? [] : v.kind === 'no-counter' ? [v.zh, v.en] : v.kind === 'no-queue' ? [v.name.zh, v.name.en] : v.kind === 'closed' ? [v.name.zh, v.name.en, v.zh, v.en] : [v.name.zh, v.name.en, v.ticket ?? '—'];
    return { text: textBounds(this.view), words, flashing: this.lit, panel: this.panel.hidden ? null : rectOf(this.panel.getBoundingClientRect()) };
  }

  private setLit(lit: boolean): void {
    this.lit = lit;
    this.panel.style.background = lit ? PANEL_LIT : PANEL;
  }

  private layout(): void {
    const { w, h } = this.rect;
    if (w === 0 || h === 0) return;
    const v = counterView(this.identity, this.board);
    this.shown = v;
    const s = counterText(w, h);
    const style = (size: number, fill = WHITE, bold = false, wrap = 0) => ({
      fontFamily: FONT_FAMILY,
      fontSize: Math.round(size),
      fill,
      fontWeight: bold ? ('700' as const) : ('400' as const),
      wordWrap: wrap > 0,
      wordWrapWidth: wrap > 0 ? wrap : 100,
      breakWords: wrap > 0,
    });
    const t = this.texts;
    t.begin();
    const pad = s.pad;
    // The space under the name, where the ticket (or "closed") stands centred.
    const top = pad + s.label * 1.3;
    const middle = top + (h - pad - top) / 2;
    if (v.kind === 'no-counter') {
      t.text('hint-zh', v.zh, style(s.label, WHITE, true), pad, pad);
      t.text('hint-en', v.en, style(s.label * 0.4, GREY, false, w - 2 * pad), pad, top);
    } else {
      t.text('name-zh', v.name.zh, style(s.label, WHITE, true), pad, pad);
      t.text('name-en', v.name.en, style(s.label, GREY), w - pad, pad, 1);
      if (v.kind === 'serving') {
        const ticket = t.text('ticket', v.ticket ?? '—', style(s.ticket, v.priority ? PRIORITY : WHITE, true), w / 2, 0, 0.5);
        ticket.y = Math.round(middle - ticket.height / 2);
      } else {
        const zh = v.kind === 'closed' ? v.zh : '未接入叫号数据';
        const en = v.kind === 'closed' ? v.en : 'No queue data';
        const a = t.text('closed-zh', zh, style(s.closed, GREY, true), w / 2, 0, 0.5);
        const b = t.text('closed-en', en, style(s.label, GREY), w / 2, 0, 0.5);
        const total = a.height + b.height;
        a.y = Math.round(middle - total / 2);
        b.y = Math.round(a.y + a.height);
      }
    }
    t.end();
    // A name or ticket longer than the zone was drawn for shrinks rather than spill out of it.
    this.view.scale.set(1);
    const bounds = textBounds(this.view);
    const over = bounds ? Math.max(1, (bounds.w + 0) / Math.max(1, w), (bounds.h + 0) / Math.max(1, h)) : 1;
    if (over > 1) this.view.scale.set(1 / over);
    this.engine.invalidate();
  }
}

function rectOf(r: DOMRect): Rect {
  return { x: r.x, y: r.y, w: r.width, h: r.height };
}
