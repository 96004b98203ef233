import type { Page } from '@playwright/test';
import { expect, type NowPlaying } from '../fixtures.js';
import { LOAD_TIMEOUT_MS, longestBlankMs, watchPicture, type PictureSample, type PictureWatch } from './picture.js';

/** Screenshots may take seconds on a loaded machine; one that fails within this counts as blank. */
export const SHOT_TIMEOUT_MS = 8000;

/**
 * Watches the wall while a fault is injected (see watchPicture), with screenshots allowed
 * SHOT_TIMEOUT_MS: on the shared test machines a healthy page's screenshot takes 3–6 s.
 */
export function watchWall(page: Page): PictureWatch {
  return watchPicture(page, 500, SHOT_TIMEOUT_MS);
}

/** The wall was never blank longer than one item's load time, and the programme moved on. */
export function expectPicturePlayedOn(samples: PictureSample[], before: NowPlaying, after: NowPlaying): void {
  const taken = samples.filter((s) => s.luma !== null);
  console.log(`picture: ${samples.length} samples, ${taken.length} taken, darkest ${Math.min(...taken.map((s) => s.luma!)).toFixed(1)}, longest blank ${longestBlankMs(samples)} ms`);
  expect(taken.length).toBeGreaterThan(0);
  expect(longestBlankMs(samples)).toBeLessThan(LOAD_TIMEOUT_MS);
  expect(after.programme).toBe(before.programme);
  expect(after.item !== before.item || (after.position ?? 0) > (before.position ?? 0)).toBe(true);
}
