/**
 * How long to wait before reconnecting: exponential, capped, with jitter. Pure. The jitter matters
 * in a real deployment: when the queue system restarts, every hall's players lose it at the same
 * instant, and without jitter they would all come back in lockstep.
 */

export interface BackoffPolicy {
  /** Ceiling of the first retry's delay (ms); each failure doubles it. */
  initialMs: number;
  /** The most a retry waits (ms). */
  maxMs: number;
  /** A connection that stayed up this long (ms) starts the next outage from `initialMs` again. */
  healthyAfterMs: number;
}

export const DEFAULT_BACKOFF: BackoffPolicy = { initialMs: 1_000, maxMs: 30_000, healthyAfterMs: 60_000 };

/**
 * The delay before retry number `attempt` (0 for the first), given `random` in [0, 1): "equal
 * jitter", half the ceiling fixed and half random, so a retry never comes back at once in a hot loop.
 */
export function reconnectDelay(attempt: number, policy: BackoffPolicy, random: number): number {
  const ceiling = Math.min(policy.maxMs, policy.initialMs * 2 ** Math.min(attempt, 30));
  return Math.round(ceiling / 2 + (random * ceiling) / 2);
}
