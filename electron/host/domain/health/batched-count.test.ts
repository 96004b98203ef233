import { describe, expect, it } from 'vitest';
import { batchedCount } from './batched-count.js';

describe('batchedCount', () => {
  it('reports a burst once per interval per reason, with its size', () => {
    const timers: (() => void)[] = [];
    const reports: [number, string][] = [];
    const batch = batchedCount((_ms, run) => (timers.push(run), () => undefined), (n, reason) => reports.push([n, reason]));
    for (let i = 0; i < 1_500; i++) batch.add(i % 3 === 0 ? 'a' : 'b');
    expect(timers).toHaveLength(1);
    expect(reports).toEqual([]);
    timers[0]!();
    expect(reports).toEqual([
      [500, 'a'],
      [1_000, 'b'],
    ]);
    batch.add('a');
    expect(timers).toHaveLength(2);
    batch.flush();
    expect(reports.at(-1)).toEqual([1, 'a']);
  });
});
