import { describe, expect, it } from 'vitest';
import { dueAtNextRefresh, PresentedFrames } from './presented-frames.js';

/** A 25 fps clip of `seconds`, presented from `start` ms, one frame every 40 ms. */
function played(seconds: number, start = 1000, upTo = seconds): PresentedFrames {
  const frames = new PresentedFrames();
  for (let i = 0; i * 0.04 < upTo - 1e-9; i++) frames.record(i * 0.04, start + i * 40);
  return frames;
}

describe('PresentedFrames', () => {
  it('is unknown before the last frame is up', () => {
    expect(played(1.2, 1000, 1.1).endsAt(1.2)).toBeNull();
    expect(new PresentedFrames().endsAt(1.2)).toBeNull();
  });

  it('ends one content frame after the last frame went up', () => {
    // Last frame: media 1.16 s, presented at 1000 + 29 × 40 ms.
    expect(played(1.2).endsAt(1.2)).toBeCloseTo(1000 + 29 * 40 + 40, 6);
  });

  it('learns the frame from the shortest step, so a dropped frame does not stretch it', () => {
    const frames = new PresentedFrames();
    frames.record(0, 0);
    frames.record(0.12, 120); // two frames dropped
    frames.record(0.16, 160);
    expect(frames.endsAt(0.2)).toBe(200);
  });

  it('holds the last frame only until an out point inside it', () => {
    const frames = played(1.2, 0, 0.53); // frames at 0 … 0.52
    expect(frames.endsAt(0.55)).toBeCloseTo(520 + 30, 6);
  });

  it('is unknown for an unknown end', () => {
    expect(played(1.2).endsAt(Number.NaN)).toBeNull();
  });
});

describe('dueAtNextRefresh', () => {
  it('picks the refresh nearest the end', () => {
    // 60 Hz: a change made at t shows at about t + 16.7.
    expect(dueAtNextRefresh(1000, 1030, 16.7)).toBe(false); // would show at 1016.7, 13 ms early
    expect(dueAtNextRefresh(1006, 1030, 16.7)).toBe(true); // shows at 1022.7, within half a refresh
    expect(dueAtNextRefresh(1020, 1030, 16.7)).toBe(true);
  });
});
