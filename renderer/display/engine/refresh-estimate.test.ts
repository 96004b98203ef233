import { describe, expect, it } from 'vitest';
import { RefreshEstimate } from './refresh-estimate.js';

describe('RefreshEstimate', () => {
  it('assumes 60 Hz until it has seen a few frames', () => {
    const r = new RefreshEstimate();
    r.add(20);
    expect(r.ms()).toBeCloseTo(16.667, 2);
  });

  it('finds a 50 Hz screen despite long frames and outliers', () => {
    const r = new RefreshEstimate();
    for (let i = 0; i < 40; i++) r.add(i % 7 === 0 ? 40 : 20);
    r.add(5000); // a hidden tab: ignored
    expect(r.ms()).toBe(20);
  });
});
