import { describe, expect, it } from 'vitest';
import { createHealth } from '../../domain/health/health.js';
import { watchEventLoop } from './event-loop-watch.js';

const quiet = { info: () => undefined, warn: () => undefined };
const pause = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

describe('watchEventLoop', () => {
  it('raises event-loop-lag from the measured delay (ms, not ns) and clears it once the loop is quick', async () => {
    let tick = (): void => undefined;
    let now = 0;
    const health = createHealth({ now: () => now, log: quiet });
    const stop = watchEventLoop({
      health,
      timers: { every: (_ms, fn) => ((tick = fn), () => undefined) },
      clock: { monotonic: () => now },
      tuning: { slowMs: 200, forMs: 0 },
    });
    try {
      // The histogram's timer runs once the loop turns; then the loop is blocked for 400 ms and it fires that late.
      await pause(50);
      const until = Date.now() + 400;
      while (Date.now() < until);
      await pause(50);
      tick();
      const raised = health.view().classes['event-loop-lag'].active;
      expect(raised).toHaveLength(1);
      expect(raised[0]!.fields?.maxMs).toBeGreaterThanOrEqual(300);
      expect(raised[0]!.fields?.maxMs).toBeLessThan(5_000);
      now += 10_000;
      await pause(100);
      tick();
      expect(health.view().classes['event-loop-lag'].active).toStrictEqual([]);
    } finally {
      stop();
    }
  });
});
