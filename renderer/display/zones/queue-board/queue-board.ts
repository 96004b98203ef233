/**
 * The live queue board in its zone: the call being made (flashing a few times, then settling), who
 * each counter serves, who waits for how long per service, and the latest calls. Text is pixi;
 * the panel is DOM under the canvas, which the compositor draws for free; the call's highlight is
 * pixi, drawn only while the call flashes.
 * Sizes follow the zone (the layout): the call's number is about a ninth of the zone's height, so
 * a 0.7-high zone on a 1080p screen shows it ~84 px tall, readable from well beyond 5 m.
 */
import { Container, Graphics } from 'pixi.js';
import type { DisplayState, QueueBoardState } from '../../../../electron/contract/messages.js';
import type { Engine } from '../../engine/engine.js';
import { placeElement, type Rect } from '../../engine/rect.js';
import type { StageLayer } from '../../engine/stage-layer.js';
import { queueBoardText } from '../../../../electron/contract/zone-text.js';
import { textBounds } from '../text-bounds.js';
import { FONT_FAMILY, type ZoneInspection, type ZonePiece } from '../zone-piece.js';
import { boardView, flashLit, type BoardView } from './board-view.js';
import { TextPool } from './text-pool.js';
import { CallHold } from './call-hold.js';

const WHITE = 0xffffff;
const GREY = 0xb8c7dc;
const PRIORITY = 0xffa3c0;
const AMBER = 0xffc34d;
/** "3 分钟前" moves on by itself: re-say it this often. */
const AGO_REFRESH_MS = 15_000;
const RECENT = 3;
/** The panel is drawn at 94 % of the zone (style.css .queue-panel): words start inside its edge. */
const PANEL_INSET = 0.03;

export class QueueBoard implements ZonePiece {
  private readonly view = new Container();
  private readonly texts: TextPool;
  private readonly panel = document.createElement('div');
  private readonly highlight = new Graphics();
  private rect: Rect = { x: 0, y: 0, w: 0, h: 0 };
  private board: QueueBoardState | null = null;
  private boardArrivedAt = 0;
  private flash: { key: string; startedAt: number } | null = null;
  private lit = false;
  private sinceAgo = 0;
  private pendingPaint: string | null = null;
  private readonly hold = new CallHold();
  private readonly cancels = new Map<string, () => void>();

  constructor(
    private readonly engine: Engine,
    layer: StageLayer,
    /** performance.now() of the frame that first painted each call, by call key (bench, tests). */
    private readonly painted: Map<string, number>,
  ) {
    this.view.addChild(this.highlight);
    this.highlight.visible = false;
    this.texts = new TextPool(this.view);
    layer.root.addChild(this.view);
    this.panel.className = 'queue-panel';
    engine.panelRoot.append(this.panel);
  }

  update(_state: DisplayState): void {}

  queue(board: QueueBoardState | null): void {
    const step = this.hold.receive(board);
    if (step.kind === 'kept') return;
    if (step.kind === 'hold') {
      // The call appears with its flash at the hall's shared moment, not when this display heard of it.
      const key = step.key;
      this.cancels.set(key, this.engine.instants.at(key, step.flashAt, (frame) => this.callMoment(key, frame.frameTime), this));
      return;
    }
    if (step.listed) {
      this.flash = null;
      this.pendingPaint = step.listed;
    }
    this.showBoard(step.board);
  }

  /** The shared moment of a held call: its board goes up, flashing, in this frame. */
  private callMoment(key: string, frameTime: number): void {
    this.cancels.delete(key);
    const board = this.hold.moment(key);
    // A board that went up meanwhile (a call listed at once, not flashed) is newer: it stays, unflashed.
    if (!board) return;
    this.showBoard(board, false);
    this.flash = { key, startedAt: frameTime };
    this.pendingPaint = key;
    this.layout();
  }

  private showBoard(board: QueueBoardState | null, layout = true): void {
    this.board = board;
    this.boardArrivedAt = performance.now();
    if (layout) this.layout();
  }

  resize(rect: Rect): void {
    this.rect = rect;
    this.view.position.set(rect.x, rect.y);
    placeElement(this.panel, rect);
    this.layout();
  }

  tick(dtMs: number): void {
    this.sinceAgo += dtMs;
    // Lay out (and so re-render the stage) only when the flash turns on or off, not every frame:
    // a full-screen pixi render costs SwiftShader tens of ms, which delayed the next call's paint.
    if (this.flashPhase(performance.now()) !== this.lit || this.sinceAgo >= AGO_REFRESH_MS) this.layout();
    if (this.pendingPaint) {
      // This frame renders the layout that holds the call.
      this.painted.set(this.pendingPaint, performance.now());
      this.pendingPaint = null;
    }
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

  inspect(): ZoneInspection {
    const words = this.view.children.filter((c) => c.visible && 'text' in c).map((c) => String((c as unknown as { text: string }).text));
    const r = this.panel.hidden ? null : this.panel.getBoundingClientRect();
    return { text: textBounds(this.view), panel: r && { x: r.x, y: r.y, w: r.width, h: r.height }, words, flashing: this.lit };
  }

  destroy(): void {
    for (const cancel of this.cancels.values()) cancel();
    this.cancels.clear();
    this.texts.destroy();
    this.view.destroy({ children: true });
    this.panel.remove();
    this.engine.invalidate();
  }

  private layout(): void {
    this.sinceAgo = 0;
    const { w, h } = this.rect;
    if (w === 0 || h === 0) return;
    const now = performance.now();
    const view: BoardView | null = this.board
      ? boardView(this.board, this.board.at + (now - this.boardArrivedAt), this.flash ? { ...this.flash, now } : null, RECENT)
      : null;
    // Every font size is the contract's (zone-text.ts), which the validator's glyph check reads too.
    const sz = queueBoardText(w, h);
    const u = sz.unit;
    const pad = Math.round(u * 0.6);
    const insetX = Math.round(w * PANEL_INSET);
    const insetY = Math.round(h * PANEL_INSET);
    const x0 = insetX + pad;
    const right = w - insetX - pad;
    const bottom = h - insetY;
    const t = this.texts;
    const style = (size: number, fill = WHITE, bold = false) => ({ fontFamily: FONT_FAMILY, fontSize: Math.round(size), fill, fontWeight: bold ? ('700' as const) : ('400' as const) });
    t.begin();
    let y = insetY + pad;

    // The call being made.
    t.text('call-label', '正在呼叫  Now calling', style(sz.caption, GREY), x0, y);
    if (view?.delayed) t.text('delayed', '叫号数据延迟 · data delayed', style(sz.recentWhen, AMBER), right, y + u * 0.04, 1);
    y += u * 0.8;
    const headTop = y - u * 0.15;
    const head = view?.headline;
    if (head) {
      const ticket = t.text('call-ticket', head.ticket, style(sz.ticket, head.priority ? PRIORITY : WHITE, true), x0, y);
      const tx = x0 + ticket.width + u * 0.5;
      t.text('call-counter', `${head.counter} 号窗口${head.recall ? ' · 重呼' : ''}`, style(sz.callCounter, WHITE, true), tx, y + u * 0.2);
      t.text('call-en', `counter ${head.counter}${head.recall ? ' · recall' : ''}${head.priority ? ' · priority' : ''}`, style(sz.caption, GREY), tx, y + u * 1.35);
    } else {
      // No queue.json (or the host has not sent a board yet) is not "no calls": say which.
      t.text('call-none', view ? '暂无叫号  No calls yet' : '未接入叫号数据  No queue data', style(sz.none, GREY), x0, y + u * 0.5);
    }
    y += u * 2.6;
    this.setHighlight(head?.lit ?? false, { x: insetX + pad * 0.5, y: headTop, w: w - 2 * insetX - pad, h: y - headTop });

    // Who each counter serves.
    y += u * 0.3;
    t.text('serving-label', '正在办理  Now serving', style(sz.caption, GREY), x0, y);
    y += u * 0.8;
    const cols = w >= u * 13 ? 4 : 3;
    const cellW = (right - x0) / cols;
    const serving = (view?.serving ?? []).slice(0, cols * 2);
    serving.forEach((s, i) => {
      const cx = x0 + (i % cols) * cellW;
      const cy = y + Math.floor(i / cols) * u * 1.6;
      t.text(`serving-ticket-${i}`, `${s.ticket}${s.priority ? ' ♥' : ''}`, style(sz.serving, s.priority ? PRIORITY : WHITE, true), cx, cy);
      t.text(`serving-counter-${i}`, s.zh, style(sz.english, GREY), cx, cy + u * 1.05);
    });
    if (serving.length === 0) t.text('serving-none', '—', style(sz.none, GREY), x0, y);
    y += Math.max(1, Math.ceil(serving.length / cols)) * u * 1.6;

    // Who waits, for how long.
    y += u * 0.2;
    t.text('waiting-label', '等候  Waiting', style(sz.caption, GREY), x0, y);
    y += u * 0.8;
    // A narrow zone (a tall column) puts each service's wait under its name instead of beside it.
    const narrow = w < u * 12.5;
    (view?.services ?? []).forEach((s, i) => {
      const colour = s.priority ? PRIORITY : WHITE;
      t.text(`service-name-${i}`, `${s.id} ${s.zh}`, style(sz.row, colour, true), x0, y);
      if (narrow) {
        t.text(`service-wait-${i}`, `${s.waiting} · ${s.wait}`, style(sz.rowNarrow, colour, true), x0, y + u * 0.85);
        t.text(`service-en-${i}`, `${s.en} · ${s.waitingEn} · ${s.waitEn}`, style(sz.english, GREY), x0, y + u * 1.6);
        y += u * 2.25;
        return;
      }
      t.text(`service-en-${i}`, s.en, style(sz.english, GREY), x0, y + u * 0.8);
      t.text(`service-wait-${i}`, `${s.waiting} · ${s.wait}`, style(sz.row, colour, true), right, y, 1);
      t.text(`service-wait-en-${i}`, `${s.waitingEn} · ${s.waitEn}`, style(sz.english, GREY), right, y + u * 0.8, 1);
      y += u * 1.5;
    });

    // The latest calls before the one being made.
    // The caption only with room for at least one call under it.
    if (view && view.recent.length && y + u * 1.45 <= bottom - pad * 0.5) {
      y += u * 0.1;
      t.text('recent-label', '最近叫号  Recent calls', style(sz.caption, GREY), x0, y);
      y += u * 0.75;
      view.recent.forEach((r, i) => {
        if (y + u * 0.6 > bottom - pad * 0.5) return;
        t.text(`recent-ticket-${i}`, r.ticket, style(sz.recentTicket, r.priority ? PRIORITY : WHITE, true), x0, y);
        t.text(`recent-when-${i}`, narrow ? r.zh : `${r.zh}  ${r.en}`, style(sz.recentWhen, GREY), x0 + u * 2.6, y + u * 0.07);
        y += u * 0.7;
      });
    }
    t.end();
    this.engine.invalidate();
  }

  /** Whether the call's highlight should be on now, as boardView decides it. */
  private flashPhase(now: number): boolean {
    return this.flash !== null && flashLit(now - this.flash.startedAt);
  }

  private setHighlight(lit: boolean, r: Rect): void {
    if (lit === this.lit && (!lit || this.highlight.width > 0)) return;
    this.lit = lit;
    this.highlight.clear();
    if (lit) this.highlight.roundRect(r.x, r.y, r.w, r.h, Math.round(r.h * 0.1)).fill({ color: AMBER, alpha: 0.3 }).stroke({ color: AMBER, width: 3, alpha: 0.9 });
    this.highlight.visible = lit;
  }
}
