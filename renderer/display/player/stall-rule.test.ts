import { describe, expect, it } from 'vitest';
import { FROZEN_MS, LOAD_TIMEOUT_MS, OVERRUN_MARGIN_MS, stallOf, type ItemClock, type ItemTimes } from './stall-rule.js';

const loading: ItemTimes = { attemptedAt: 1000, readyAt: null, begunAt: null, firstFrameAt: null, raisedAt: null, ended: false };
const still: ItemClock = { advancedAt: null, expectedMs: 4000 };
const video = (advancedAt: number, expectedMs: number | null = 8000): ItemClock => ({ advancedAt, expectedMs });

describe('stallOf', () => {
  it('gives a load one load time', () => {
    expect(stallOf(loading, still, 1000 + LOAD_TIMEOUT_MS)).toBeNull();
    expect(stallOf(loading, still, 1001 + LOAD_TIMEOUT_MS)).toBe('not-loaded');
  });

  it('lets a loaded item wait for its turn as long as it takes', () => {
    expect(stallOf({ ...loading, readyAt: 2000 }, still, 500_000)).toBeNull();
  });

  it('skips a started item that presents no frame within one load time (a header-only video: ready, at its end, no frames)', () => {
    const begun = { ...loading, readyAt: 2000, begunAt: 60_000 };
    expect(stallOf(begun, video(60_000), 60_000 + LOAD_TIMEOUT_MS)).toBeNull();
    expect(stallOf(begun, video(60_000), 60_001 + LOAD_TIMEOUT_MS)).toBe('no-first-frame');
  });

  it('does not time a picture underneath, only on screen', () => {
    const under = { ...loading, readyAt: 2000, begunAt: 3000, firstFrameAt: 3100 };
    expect(stallOf(under, video(3100), 100_000)).toBeNull();
  });

  it('skips a video whose picture stands still on screen (a file cut short)', () => {
    const up = { ...loading, readyAt: 2000, begunAt: 3000, firstFrameAt: 3100, raisedAt: 3200 };
    expect(stallOf(up, video(5000), 5000 + FROZEN_MS)).toBeNull();
    expect(stallOf(up, video(5000), 5001 + FROZEN_MS)).toBe('frozen');
    // Frozen is counted from the raise at the earliest: frames seen underneath do not age it.
    expect(stallOf(up, video(3100), 3200 + FROZEN_MS)).toBeNull();
  });

  it('skips an item that runs past its known length plus a margin, whatever its frames do', () => {
    const up = { ...loading, readyAt: 2000, begunAt: 3000, firstFrameAt: 3100, raisedAt: 4000 };
    const end = 4000 + 8000 + OVERRUN_MARGIN_MS;
    expect(stallOf(up, video(end), end)).toBeNull();
    expect(stallOf(up, video(end + 1), end + 1)).toBe('overran');
    expect(stallOf(up, still, 4000 + 4000 + OVERRUN_MARGIN_MS + 1)).toBe('overran');
    // Unknown length: only the frames can tell.
    expect(stallOf(up, video(1e9, null), 1e9)).toBeNull();
  });

  it('never calls an item that reached its end stalled', () => {
    const done = { ...loading, readyAt: 2000, begunAt: 3000, firstFrameAt: 3100, raisedAt: 4000, ended: true };
    expect(stallOf(done, video(4000), 1e9)).toBeNull();
  });
});
