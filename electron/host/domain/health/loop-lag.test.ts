import { describe, expect, it } from 'vitest';
import { initialLoopLag, sampleLoopLag, type LoopLagState } from './loop-lag.js';

const T0 = 1_000_000;

/** Feeds one sample every 10 s; the changes it made, by sample index. */
function run(samples: number[]): { changes: [number, string][]; state: LoopLagState } {
  let state = initialLoopLag;
  const changes: [number, string][] = [];
  samples.forEach((p99, i) => {
    const next = sampleLoopLag(state, p99, T0 + i * 10_000);
    state = next.state;
    if (next.change) changes.push([i, next.change]);
  });
  return { changes, state };
}

describe('event-loop lag', () => {
  it('raises once after a minute of p99 delay above 1 s, and clears at the first quick sample', () => {
    expect(run([1_500, 1_500, 1_500, 1_500, 1_500, 1_500, 1_500, 1_500, 20]).changes).toStrictEqual([
      [6, 'raise'],
      [8, 'clear'],
    ]);
  });

  it('does not raise for slow moments that do not last a minute', () => {
    expect(run([1_500, 1_500, 1_500, 20, 1_500, 1_500, 1_500, 1_500, 1_500, 20]).changes).toStrictEqual([]);
  });

  it('a loop that is merely busy (p99 under 1 s) is fine', () => {
    expect(run(Array(20).fill(900)).changes).toStrictEqual([]);
  });
});
