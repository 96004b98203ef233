/**
 * Guessing the password from one address is slowed to 5 tries per 5 minutes: the sixth gets 429
 * with the seconds to wait. A successful sign-in clears its own address only, so a manager signing
 * in does not reopen the door for a guesser elsewhere. Memory stays bounded: at most
 * `maxAddresses` addresses are remembered, the stalest forgotten first.
 *
 * Many addresses (a LAN full of phones, or one machine with many) would multiply that, so the
 * player also takes at most 30 wrong passwords a minute overall: past that every sign-in waits,
 * whoever sends it. A guesser can keep the door shut for a while, but never guess fast.
 */
export const MAX_FAILURES = 5;
export const FAILURE_WINDOW_MS = 5 * 60_000;
export const MAX_ADDRESSES = 10_000;
export const MAX_FAILURES_OVERALL = 30;
export const OVERALL_WINDOW_MS = 60_000;

export interface SignInLimit {
  /** Seconds to wait before this address may try again, or 0 when it may try now. */
  retryAfter(address: string): number;
  /** Seconds before anyone may try again, or 0: the limit over all addresses together. */
  retryAfterOverall(): number;
  failed(address: string): void;
  succeeded(address: string): void;
}

export interface SignInLimitOptions {
  now: () => number;
  maxFailures?: number;
  windowMs?: number;
  maxAddresses?: number;
  maxFailuresOverall?: number;
  overallWindowMs?: number;
}

export function createSignInLimit(options: SignInLimitOptions): SignInLimit {
  const maxFailures = options.maxFailures ?? MAX_FAILURES;
  const windowMs = options.windowMs ?? FAILURE_WINDOW_MS;
  const maxAddresses = options.maxAddresses ?? MAX_ADDRESSES;
  // Address → times of its recent failures, oldest first; the map's order is last failure first-in.
  const failures = new Map<string, number[]>();
  const key = (address: string): string => address.replace(/^::ffff:/, '');
  const maxOverall = options.maxFailuresOverall ?? MAX_FAILURES_OVERALL;
  const overallWindowMs = options.overallWindowMs ?? OVERALL_WINDOW_MS;
  // The latest failures of every address, oldest first; never more than the limit is kept.
  let overall: { at: number; address: string }[] = [];
  const recentOverall = (now: number): typeof overall => (overall = overall.filter((f) => f.at > now - overallWindowMs));

  const recent = (address: string, now: number): number[] => {
    const times = (failures.get(key(address)) ?? []).filter((t) => t > now - windowMs);
    if (times.length === 0) failures.delete(key(address));
    return times;
  };

  return {
    retryAfter(address) {
      const now = options.now();
      const times = recent(address, now);
      if (times.length < maxFailures) return 0;
      return Math.max(1, Math.ceil((times[times.length - maxFailures]! + windowMs - now) / 1000));
    },
    retryAfterOverall() {
      const now = options.now();
      const recent = recentOverall(now);
      if (recent.length < maxOverall) return 0;
      return Math.max(1, Math.ceil((recent[recent.length - maxOverall]!.at + overallWindowMs - now) / 1000));
    },
    failed(address) {
      const now = options.now();
      overall = [...recentOverall(now), { at: now, address: key(address) }].slice(-maxOverall);
      const times = [...recent(address, now), now].slice(-maxFailures);
      failures.delete(key(address));
      failures.set(key(address), times);
      while (failures.size > maxAddresses) failures.delete(failures.keys().next().value!);
    },
    succeeded(address) {
      failures.delete(key(address));
      // The failure counted before the check (admin-routes.ts) was this success.
      const last = overall.findLastIndex((f) => f.address === key(address));
      if (last >= 0) overall.splice(last, 1);
    },
  };
}
