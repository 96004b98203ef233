import { describe, expect, it } from 'vitest';
import type { ZonePlan } from '../../../electron/contract/messages.js';
import { bannerPlace } from './banner-place.js';

const main: ZonePlan = { name: 'main', kind: 'programme', x: 0, y: 0, w: 0.7, h: 0.82 };
const banner: ZonePlan = { name: 'banner', kind: 'announcement', x: 0, y: 0.82, w: 1, h: 0.1 };
const programme = { x: 0, y: 0, w: 1344, h: 886 };

describe('bannerPlace', () => {
  it("uses the layout's announcement zone", () => {
    expect(bannerPlace([main, banner], new Set(), 1920, 1080, programme)).toEqual({ rect: { x: 0, y: 886, w: 1920, h: 108 }, overlay: false });
  });

  it('without one, lays a band over the bottom of the programme zone', () => {
    expect(bannerPlace([main], new Set(), 1920, 1080, programme)).toEqual({ rect: { x: 0, y: 778, w: 1344, h: 108 }, overlay: true });
  });

  it('also when the programme hides the announcement zone', () => {
    expect(bannerPlace([main, banner], new Set(['banner']), 1920, 1080, programme).overlay).toBe(true);
  });

  it('never covers more than 30 % of a short programme zone', () => {
    // Portrait 1080 × 1920, programme the top third: 10 % of the screen would be 192 px.
    expect(bannerPlace([], new Set(), 1080, 1920, { x: 0, y: 0, w: 1080, h: 614 }).rect).toEqual({ x: 0, y: 430, w: 1080, h: 184 });
  });
});
