/**
 * Sign-ins refused for rate (too many wrong passwords, or too many checks waiting) are counted in
 * /api/status → health as `dropped-reports`. A guessing burst is thousands of them, so they reach
 * the log as at most one line per `everyMs`: the first at once, the rest summed when it is over.
 */
import type { Commands, FaultCounter } from '../../../commands/commands.js';

export const REFUSALS_LOGGED_EVERY_MS = 10_000;

export interface RefusedSignIns {
  count(reason: 'too many wrong passwords' | 'password checks busy'): void;
  /** Counts what is still pending (the server is closing). */
  flush(): void;
}

export function createRefusedSignIns(health: FaultCounter, options: { now: () => number; timers: Commands['timers']; everyMs?: number }): RefusedSignIns {
  const everyMs = options.everyMs ?? REFUSALS_LOGGED_EVERY_MS;
  let pending = new Map<string, number>();
  let lastAt = -Infinity;
  let cancel: (() => void) | null = null;

  const flush = (): void => {
    cancel?.();
    cancel = null;
    for (const [reason, n] of pending) health.count('dropped-reports', `sign-in refused (${reason}): ${n} attempt${n === 1 ? '' : 's'}`, { source: 'sign-in', reason }, n);
    pending = new Map();
    lastAt = options.now();
  };

  return {
    count(reason) {
      pending.set(reason, (pending.get(reason) ?? 0) + 1);
      if (options.now() - lastAt >= everyMs) flush();
      else cancel ??= options.timers.after(everyMs - (options.now() - lastAt), flush);
    },
    flush,
  };
}
