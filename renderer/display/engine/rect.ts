/** A rectangle in CSS pixels of the window. */
export interface Rect {
  x: number;
  y: number;
  w: number;
  h: number;
}

/** A zone's fractions of the screen as whole CSS pixels; edges are rounded, not sizes, so neighbours never overlap or leave a seam. */
export function zoneRect(zone: Rect, width: number, height: number): Rect {
  const x0 = Math.round(zone.x * width);
  const y0 = Math.round(zone.y * height);
  const x1 = Math.round((zone.x + zone.w) * width);
  const y1 = Math.round((zone.y + zone.h) * height);
  return { x: x0, y: y0, w: Math.max(0, x1 - x0), h: Math.max(0, y1 - y0) };
}

export function placeElement(el: HTMLElement, r: Rect): void {
  el.style.left = `${r.x}px`;
  el.style.top = `${r.y}px`;
  el.style.width = `${r.w}px`;
  el.style.height = `${r.h}px`;
}
