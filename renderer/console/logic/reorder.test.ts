import { describe, expect, it } from 'vitest';
import { dropIndex, keyboardMoveTarget, moveItem } from './reorder.js';

describe('moveItem', () => {
  it('moves forwards and backwards', () => {
    expect(moveItem(['a', 'b', 'c', 'd'], 0, 2)).toEqual(['b', 'c', 'a', 'd']);
    expect(moveItem(['a', 'b', 'c', 'd'], 3, 1)).toEqual(['a', 'd', 'b', 'c']);
  });
  it('clamps the target and leaves the input alone', () => {
    const list = ['a', 'b', 'c'];
    expect(moveItem(list, 0, 99)).toEqual(['b', 'c', 'a']);
    expect(moveItem(list, 2, -5)).toEqual(['c', 'a', 'b']);
    expect(list).toEqual(['a', 'b', 'c']);
  });
  it('returns a copy for a no-op or a bad index', () => {
    const list = ['a', 'b'];
    expect(moveItem(list, 1, 1)).toEqual(list);
    expect(moveItem(list, 5, 0)).toEqual(list);
    expect(moveItem(list, 1, 1)).not.toBe(list);
  });
});

describe('keyboardMoveTarget', () => {
  it('moves with Alt+arrow only', () => {
    expect(keyboardMoveTarget(3, 1, 'ArrowUp', true)).toBe(0);
    expect(keyboardMoveTarget(3, 1, 'ArrowDown', true)).toBe(2);
    expect(keyboardMoveTarget(3, 1, 'ArrowDown', false)).toBeNull();
    expect(keyboardMoveTarget(3, 1, 'Enter', true)).toBeNull();
  });
  it('stops at the ends', () => {
    expect(keyboardMoveTarget(3, 0, 'ArrowUp', true)).toBeNull();
    expect(keyboardMoveTarget(3, 2, 'ArrowDown', true)).toBeNull();
  });
});

describe('dropIndex', () => {
  // Four items 100 px high, no gaps.
  const spans = [0, 1, 2, 3].map((i) => ({ top: i * 100, bottom: i * 100 + 100 }));
  it('drops before the item whose upper half holds the pointer', () => {
    expect(dropIndex(spans, 3, 10)).toBe(0);
    expect(dropIndex(spans, 3, 160)).toBe(2);
    expect(dropIndex(spans, 0, 260)).toBe(2);
  });
  it('drops at the end below the last middle', () => {
    expect(dropIndex(spans, 0, 390)).toBe(3);
    expect(dropIndex(spans, 1, 1000)).toBe(3);
  });
  it('stays put over its own place', () => {
    expect(dropIndex(spans, 1, 120)).toBe(1);
    expect(dropIndex(spans, 1, 190)).toBe(1);
  });
  it('agrees with moveItem', () => {
    const list = ['a', 'b', 'c', 'd'];
    expect(moveItem(list, 0, dropIndex(spans, 0, 290))).toEqual(['b', 'c', 'a', 'd']);
  });
});
