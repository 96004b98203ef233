/**
 * Stands in for a zone piece whose code loads later (the pixi pieces, see Engine.stage): it keeps
 * the latest state, size and visibility, and hands them to the real piece when it arrives.
 */
import type { DisplayState, QueueBoardState } from '../../../electron/contract/messages.js';
import type { Rect } from '../engine/rect.js';
import type { ZoneInspection, ZonePiece } from './zone-piece.js';

export class DeferredPiece implements ZonePiece {
  private piece: ZonePiece | null = null;
  private state: DisplayState | null = null;
  private board: QueueBoardState | null | undefined = undefined;
  private rect: Rect | null = null;
  private visible = false;
  private destroyed = false;

  constructor(load: () => Promise<ZonePiece>, onError: (err: unknown) => void) {
    load().then(
      (piece) => {
        // The layout changed while it loaded: the piece is no longer wanted.
        if (this.destroyed) return piece.destroy();
        this.piece = piece;
        if (this.state) piece.update(this.state);
        if (this.board !== undefined) piece.queue?.(this.board);
        if (this.rect) piece.resize(this.rect);
        if (this.visible) piece.show();
        else piece.hide();
      },
      onError,
    );
  }

  update(state: DisplayState): void {
    this.state = state;
    this.piece?.update(state);
  }

  queue(board: QueueBoardState | null): void {
    this.board = board;
    this.piece?.queue?.(board);
  }

  resize(rect: Rect): void {
    this.rect = rect;
    this.piece?.resize(rect);
  }

  show(): void {
    this.visible = true;
    this.piece?.show();
  }

  hide(): void {
    this.visible = false;
    this.piece?.hide();
  }

  tick(dtMs: number): void {
    this.piece?.tick?.(dtMs);
  }

  inspect(): ZoneInspection | null {
    return this.piece?.inspect?.() ?? null;
  }

  destroy(): void {
    this.destroyed = true;
    this.piece?.destroy();
    this.piece = null;
  }
}
