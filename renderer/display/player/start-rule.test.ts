import { describe, expect, it } from 'vitest';
import { startStep, type StartState } from './start-rule.js';

const clip: StartState = { starts: 'at-seam', ready: true, cued: true, begun: false, currentShowing: true, currentEndsNext: false };
const still: StartState = { ...clip, starts: 'early' };

describe('startStep', () => {
  it('holds a cued clip paused on its first frame while the item before it still shows, until one refresh before the seam', () => {
    // Issue 12: it used to start 200 ms before the seam, underneath, and lost those 200 ms.
    expect(startStep(clip)).toBe('wait');
  });

  it('starts a cued clip underneath with its sound one refresh before the seam, so its clock runs when it is raised', () => {
    expect(startStep({ ...clip, currentEndsNext: true })).toBe('ahead');
  });

  it('starts a cued clip on top in the update the item before it is done (or at once when nothing shows), so its first frame is the first new picture', () => {
    expect(startStep({ ...clip, currentShowing: false })).toBe('on-top');
  });

  it('starts a clip with no presented first frame underneath at the seam, to be raised on a frame (a file cut to its header has none)', () => {
    expect(startStep({ ...clip, cued: false })).toBe('wait');
    expect(startStep({ ...clip, cued: false, currentEndsNext: true })).toBe('wait');
    expect(startStep({ ...clip, cued: false, currentShowing: false })).toBe('underneath');
  });

  it('starts a still underneath as soon as it is ready (raised later, on its first frame)', () => {
    expect(startStep(still)).toBe('underneath');
    expect(startStep({ ...still, currentShowing: false })).toBe('underneath');
  });

  it('waits for the load and starts each item once', () => {
    expect(startStep({ ...clip, ready: false, currentShowing: false })).toBe('wait');
    expect(startStep({ ...clip, begun: true, currentShowing: false })).toBe('wait');
    expect(startStep({ ...still, begun: true })).toBe('wait');
  });
});
