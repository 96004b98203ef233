/**
 * Watches the player's own event loop (core/health/loop-lag.ts says when it is slow): samples the
 * loop's delay histogram every 10 s and raises `event-loop-lag` in health — with the p99 and max —
 * while it has been slow for a minute. The histogram is Node's (perf_hooks), measured off the loop.
 */
import { monitorEventLoopDelay } from 'node:perf_hooks';
import type { Health } from '../../domain/health/health.js';
import { DEFAULT_LOOP_LAG, initialLoopLag, sampleLoopLag, type LoopLagTuning } from '../../domain/health/loop-lag.js';
import type { Clock, Timers } from '../../ports.js';

const SAMPLE_EVERY_MS = 10_000;
const HEALTH_KEY = 'player';

export function watchEventLoop(deps: { health: Health; timers: Pick<Timers, 'every'>; clock: Pick<Clock, 'monotonic'>; tuning?: LoopLagTuning }): () => void {
  const tuning = deps.tuning ?? DEFAULT_LOOP_LAG;
  const delay = monitorEventLoopDelay({ resolution: 20 });
  delay.enable();
  let state = initialLoopLag;
  const stop = deps.timers.every(SAMPLE_EVERY_MS, () => {
    const p99Ms = Math.round(delay.percentile(99) / 1e6);
    const maxMs = Math.round(delay.max / 1e6);
    delay.reset();
    const next = sampleLoopLag(state, p99Ms, deps.clock.monotonic(), tuning);
    state = next.state;
    if (next.change === 'raise') deps.health.raise('event-loop-lag', HEALTH_KEY, `the player's event loop has been slow for ${tuning.forMs / 1000} s (p99 delay ${p99Ms} ms, max ${maxMs} ms)`, { p99Ms, maxMs });
    else if (next.change === 'clear') deps.health.clear('event-loop-lag', HEALTH_KEY, "the player's event loop is quick again");
  });
  return () => {
    stop();
    delay.disable();
  };
}
