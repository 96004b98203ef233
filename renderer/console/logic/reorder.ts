/**
 * Reordering a list by drag and by keyboard, as pure functions: the editor applies the same move
 * to the items and to their render keys.
 */

/** The list with the element at `from` moved to index `to` (clamped); the same list when nothing moves. */
export function moveItem<T>(list: readonly T[], from: number, to: number): T[] {
  const target = Math.max(0, Math.min(list.length - 1, to));
  if (from < 0 || from >= list.length || target === from) return [...list];
  const next = [...list];
  const [moved] = next.splice(from, 1);
  next.splice(target, 0, moved as T);
  return next;
}

/**
 * Alt+↑ / Alt+↓ on a focused item: the index it moves to, or null when the key is not a move (or
 * the item is already at that end).
 */
export function keyboardMoveTarget(length: number, index: number, key: string, altKey: boolean): number | null {
  if (!altKey) return null;
  if (key === 'ArrowUp' && index > 0) return index - 1;
  if (key === 'ArrowDown' && index < length - 1) return index + 1;
  return null;
}

export interface Span {
  top: number;
  bottom: number;
}

/**
 * Where a dragged item would land, from the pointer's y and the items' boxes (as laid out before
 * the move, including the dragged one): the index it takes in the list after the move. Above the
 * middle of an item means before it.
 */
export function dropIndex(spans: readonly Span[], from: number, y: number): number {
  let slot = spans.length;
  for (let i = 0; i < spans.length; i++) {
    const span = spans[i]!;
    if (y < (span.top + span.bottom) / 2) {
      slot = i;
      break;
    }
  }
  // The slot counts the dragged item itself; removing it first shifts the slots after it by one.
  return slot > from ? slot - 1 : slot;
}
