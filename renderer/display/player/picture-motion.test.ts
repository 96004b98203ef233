import { describe, expect, it } from 'vitest';
import { PictureMotion } from './picture-motion.js';

describe('PictureMotion', () => {
  it('has not moved until the first picture is shown', () => {
    const motion = new PictureMotion();
    motion.saw({ kind: 'none' }, 1_000);
    expect(motion.stillForMs(5_000)).toBeNull();
  });

  it('a still on screen is a picture as intended: still for 0 while it shows', () => {
    const motion = new PictureMotion();
    motion.saw({ kind: 'still' }, 1_000);
    expect(motion.stillForMs(1_000)).toBe(0);
  });

  it('a video whose picture stops advancing is still for as long as it has not advanced', () => {
    const motion = new PictureMotion();
    motion.saw({ kind: 'video', advancedAt: 1_000 }, 1_000);
    motion.saw({ kind: 'video', advancedAt: 2_000 }, 2_000);
    motion.saw({ kind: 'video', advancedAt: 2_000 }, 9_000);
    expect(motion.stillForMs(9_000)).toBe(7_000);
  });

  it('grows on when the frame loop stops seeing anything (a wedged compositor): only the heartbeat asks', () => {
    const motion = new PictureMotion();
    motion.saw({ kind: 'still' }, 1_000);
    expect(motion.stillForMs(31_000)).toBe(30_000);
  });

  it('between items (nothing to judge) keeps the last movement', () => {
    const motion = new PictureMotion();
    motion.saw({ kind: 'video', advancedAt: 4_000 }, 4_000);
    motion.saw({ kind: 'none' }, 6_000);
    expect(motion.stillForMs(6_000)).toBe(2_000);
  });
});
