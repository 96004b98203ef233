/** Where a pixi zone's words are on the screen, for the test hooks' "text inside its panel" check. */
import type { Container } from 'pixi.js';
import type { Rect } from '../engine/rect.js';

/** The union of the visible texts' rectangles, in the stage's (CSS) pixels; null: none shown. */
export function textBounds(view: Container): Rect | null {
  let box: { x0: number; y0: number; x1: number; y1: number } | null = null;
  if (!view.visible) return null;
  for (const child of view.children) {
    if (!child.visible) continue;
    const b = child.getBounds();
    if (b.width === 0 || b.height === 0) continue;
    box = box
      ? { x0: Math.min(box.x0, b.x), y0: Math.min(box.y0, b.y), x1: Math.max(box.x1, b.x + b.width), y1: Math.max(box.y1, b.y + b.height) }
      : { x0: b.x, y0: b.y, x1: b.x + b.width, y1: b.y + b.height };
  }
  return box ? { x: box.x0, y: box.y0, w: box.x1 - box.x0, h: box.y1 - box.y0 } : null;
}

