/**
 * When the player's own event loop is slow but not dead. A hung loop stops the systemd watchdog's
 * notifications and systemd restarts the player (watchdog-notify.ts); a loop that only crawls —
 * a sync scan of a huge folder, swap, a CPU-starved two-core PC — keeps notifying while timers,
 * heartbeats and the API lag behind. Sampled every few seconds as the p99 of the loop's delay
 * (perf_hooks monitorEventLoopDelay): slow for `forMs` in a row is an alert, one quick sample ends it.
 * Pure.
 */

export interface LoopLagTuning {
  /** A sample's p99 delay above this is slow. */
  slowMs: number;
  /** Slow samples for this long in a row raise the alert. */
  forMs: number;
}

export const DEFAULT_LOOP_LAG: LoopLagTuning = { slowMs: 1_000, forMs: 60_000 };

export interface LoopLagState {
  /** The first slow sample of the current run; null: the last sample was quick. */
  slowSince: number | null;
  raised: boolean;
}

export const initialLoopLag: LoopLagState = { slowSince: null, raised: false };

export type LoopLagChange = 'raise' | 'clear' | null;

export function sampleLoopLag(state: LoopLagState, p99Ms: number, now: number, tuning: LoopLagTuning = DEFAULT_LOOP_LAG): { state: LoopLagState; change: LoopLagChange } {
  if (p99Ms <= tuning.slowMs) return { state: initialLoopLag, change: state.raised ? 'clear' : null };
  const slowSince = state.slowSince ?? now;
  if (!state.raised && now - slowSince >= tuning.forMs) return { state: { slowSince, raised: true }, change: 'raise' };
  return { state: { slowSince, raised: state.raised }, change: null };
}
