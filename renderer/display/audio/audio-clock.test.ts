import { describe, expect, it } from 'vitest';
import { outputPerformanceTime } from './audio-clock.js';

describe('outputPerformanceTime', () => {
  it("maps a context time through the context's output stamp", () => {
    // Context time 10 s is at the speaker at performance 5000 ms: 10.25 s will be 250 ms later.
    expect(outputPerformanceTime(10.25, { contextTime: 10, performanceTime: 5000 }, { contextTime: 10.04, performanceTime: 5010 }, 0.032)).toBe(5250);
  });

  it('without a stamp (suspended, or before the first render) adds the output latency to the current time', () => {
    expect(outputPerformanceTime(2.5, { contextTime: 0, performanceTime: 0 }, { contextTime: 2, performanceTime: 1000 }, 0.03125)).toBe(1531.25);
    expect(outputPerformanceTime(2.5, null, { contextTime: 2, performanceTime: 1000 }, 0)).toBe(1500);
  });
});
