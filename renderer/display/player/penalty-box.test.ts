import { describe, expect, it } from 'vitest';
import { PENALTY_MS, PenaltyBox } from './penalty-box.js';

describe('PenaltyBox', () => {
  it('keeps a stalled item out for the penalty, then lets it rejoin (a bounded retry delay)', () => {
    const box = new PenaltyBox();
    box.add('alpha#1', 1000);
    expect(box.isOut('alpha#1', 1000 + PENALTY_MS - 1)).toBe(true);
    expect(box.isOut('alpha#2', 1000)).toBe(false);
    expect(box.isOut('alpha#1', 1000 + PENALTY_MS)).toBe(false);
  });

  it('says when the first of a programme’s items comes back, so an all-broken programme idles until then', () => {
    const box = new PenaltyBox(60_000);
    box.add('a#0', 0);
    box.add('a#1', 5_000);
    expect(box.nextRelease(['a#0', 'a#1'], 10_000)).toBe(60_000);
    expect(box.nextRelease(['a#0', 'a#1'], 60_000)).toBe(65_000);
    expect(box.nextRelease(['a#0', 'a#1'], 65_000)).toBeNull();
  });

  it('starts the penalty again when the item fails again on its retry', () => {
    const box = new PenaltyBox(60_000);
    box.add('a#0', 0);
    expect(box.isOut('a#0', 60_000)).toBe(false);
    box.add('a#0', 70_000);
    expect(box.isOut('a#0', 129_999)).toBe(true);
  });
});
