import type { DisplayState, QueueBoardState } from '../../../electron/contract/messages.js';
import type { Rect } from '../engine/rect.js';

/** One piece of content in a zone of the layout. */
export interface ZonePiece {
  /** New state from the host (ticker text, time zone, …); called before the first show. */
  update(state: DisplayState): void;
  /** New queue board from the host (null: no queue data); only pieces that show the queue take it. */
  queue?(board: QueueBoardState | null): void;
  resize(rect: Rect): void;
  show(): void;
  hide(): void;
  /** Called every frame while the piece exists. */
  tick?(dtMs: number): void;
  destroy(): void;
  /** What the piece shows, for the test hooks (pixi text is not in the DOM). */
  inspect?(): ZoneInspection | null;
}

export interface ZoneInspection {
  /** The union of its visible words' rectangles, CSS pixels of the window; null: no words. */
  text: Rect | null;
  /** Its panel's rectangle (the box drawn behind the words), or null: none. */
  panel: Rect | null;
  /** The words it shows, in drawing order. */
  words: string[];
  /** A call's flash is lit now. */
  flashing: boolean;
}

/** Screen-height scale against the 1080-line design the sizes and speeds are given for. */
export function designScale(screenHeight: number): number {
  return screenHeight / 1080;
}

export const FONT_FAMILY = ['Noto Sans CJK SC', 'Noto Sans SC', 'sans-serif'];
