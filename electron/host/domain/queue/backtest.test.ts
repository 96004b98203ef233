import { describe, expect, it } from 'vitest';
import { backtest } from './backtest.js';
import { DEFAULT_QUEUE_CONFIG } from './config.js';
import { shanghaiMinuteOfDay } from './feed.test-support.js';

describe('backtest', () => {
  const report = backtest(DEFAULT_QUEUE_CONFIG, 1, Date.UTC(2026, 10, 30, 16, 0), shanghaiMinuteOfDay);

  it('replays hundreds of tickets without a single refused event', () => {
    expect(report.tickets).toBeGreaterThan(400);
    expect(report.compared).toBe(report.tickets);
    expect(report.rejectedEvents).toBe(0);
    expect(report.peakWaiting).toBeGreaterThan(20);
  });

  it('beats the naive estimate, with a finite error', () => {
    expect(Number.isFinite(report.meanAbsoluteErrorMinutes)).toBe(true);
    expect(report.meanAbsoluteErrorMinutes).toBeLessThan(report.naive.meanAbsoluteErrorMinutes);
    expect(report.withinRangeShare).toBeGreaterThan(report.naive.withinRangeShare);
    expect(report.withinRangeShare).toBeGreaterThan(0.5);
    expect(Math.abs(report.meanSignedErrorMinutes)).toBeLessThan(3);
  });

  it('reports per service', () => {
    expect(Object.keys(report.byService)).toEqual(['A', 'B', 'V']);
    expect(Object.values(report.byService).reduce((n, s) => n + s.compared, 0)).toBe(report.compared);
  });
});
