import { describe, expect, it } from 'vitest';
import { MOVING_WITHIN_MS, pictureMoves } from './picture-rule.js';

describe('pictureMoves', () => {
  it('a display that does not report its picture is taken as moving (an older page)', () => {
    expect(pictureMoves(undefined)).toBe(true);
  });
  it('a picture that advanced within the last few seconds moves; a still image reports 0 and moves', () => {
    expect(pictureMoves(0)).toBe(true);
    expect(pictureMoves(MOVING_WITHIN_MS - 1)).toBe(true);
  });
  it('a picture still for longer, or never moved since the page loaded, does not', () => {
    expect(pictureMoves(MOVING_WITHIN_MS)).toBe(false);
    expect(pictureMoves(60_000)).toBe(false);
    expect(pictureMoves(null)).toBe(false);
  });
});
