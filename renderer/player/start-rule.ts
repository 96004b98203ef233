/**
 * When a prepared item starts, and where. A video is cued paused on its first frame
 * (VideoSlot.prepare) and started at the seam itself, on top, in the same update that raises it
 * and releases the item before: its first frame is the first new picture and its sound starts
 * with it. Started 200 ms early underneath (until issue 12) its first ~170 ms played unseen and
 * unheard, and a voice-over lost its first syllable at every loop. A cued clip's clock runs ~5 ms
 * after play() (measured on this machine, −9 to +16 ms), well inside the content frame its first
 * picture stays up for. A still has nothing to lose by starting early: it starts underneath as
 * soon as it is ready and is raised on its first frame once the item before it is done. So is a
 * clip whose first frame was never presented while cued (a file cut to its header is "ready" and
 * has none): started underneath at the seam, raised only on a frame, else skipped by the stall
 * rule while the picture before it stays up.
 * Pure.
 */

export type StartStep = 'wait' | 'underneath' | 'on-top';

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
}

export function startStep(s: StartState): StartStep {
  if (!s.ready || s.begun) return 'wait';
  if (s.starts === 'early') return 'underneath';
  if (s.currentShowing) return 'wait';
  return s.cued ? 'on-top' : 'underneath';
}
