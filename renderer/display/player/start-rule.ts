/**
 * When a prepared item starts, and where. A video is cued paused on its first frame
 * (VideoSlot.prepare) and started one display refresh before the seam, underneath and with its
 * sound (`ahead`), then raised in the update that releases the item before: its first frame is
 * the first new picture and its sound starts with it. Started 200 ms early underneath (until
 * issue 12) its first ~170 ms played unseen and unheard, and a voice-over lost its first syllable
 * at every loop. Started at the seam itself, on top (issue 12's first cue), its clock began ~5 ms
 * after play() (−9 to +16 ms measured) and its second frame came a frame or two late: the seam's
 * p99 stall was 60 ms on a quiet machine (BENCHMARKS.md). One refresh ahead, its clock has run
 * about 2 refreshes less those ~5 ms (≈ 28 ms at 60 Hz) when the raise reaches the screen: still
 * inside its first 25 fps frame, and the second follows on time. A clip when nothing shows (the
 * first, or after the idle slide) has no seam to run ahead of: it starts on top at once.
 * A still has nothing to lose by starting early: it starts underneath as
 * soon as it is ready and is raised on its first frame once the item before it is done. So is a
 * clip whose first frame was never presented while cued (a file cut to its header is "ready" and
 * has none): started underneath at the seam, raised only on a frame, else skipped by the stall
 * rule while the picture before it stays up.
 * Pure.
 */

/** `underneath`: silent, behind the picture; `ahead`: behind it with its sound, raised at the seam. */
export type StartStep = 'wait' | 'underneath' | 'ahead' | 'on-top';

export interface StartState {
  /** `at-seam`: a clip cued on its first frame; `early`: a still. */
  starts: 'at-seam' | 'early';
  /** prepare() has resolved. */
  ready: boolean;
  /** A clip's first frame was presented while it waited (requestVideoFrameCallback said so). */
  cued: boolean;
  /** begin() was called already. */
  begun: boolean;
  /** The item on screen still has a picture to show: not done, not being replaced, not the idle slide. */
  currentShowing: boolean;
  /** The item on screen will be done at the next update (VideoSlot.done a refresh from now). */
  currentEndsNext: boolean;
}

export function startStep(s: StartState): StartStep {
  if (!s.ready || s.begun) return 'wait';
  if (s.starts === 'early') return 'underneath';
  if (s.currentShowing) return s.cued && s.currentEndsNext ? 'ahead' : 'wait';
  return s.cued ? 'on-top' : 'underneath';
}
