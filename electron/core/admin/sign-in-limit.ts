/**
 * Guessing the password from one address is slowed to 5 tries per 5 minutes: the sixth gets 429
 * with the seconds to wait. A successful sign-in clears its own address only, so a manager signing
 * in does not reopen the door for a guesser elsewhere. Memory stays bounded: at most
 * `maxAddresses` addresses are remembered, the stalest forgotten first.
 */
export const MAX_FAILURES = 5;
export const FAILURE_WINDOW_MS = 5 * 60_000;
export const MAX_ADDRESSES = 10_000;

export interface SignInLimit {
  /** Seconds to wait before this address may try again, or 0 when it may try now. */
  retryAfter(address: string): number;
  failed(address: string): void;
  succeeded(address: string): void;
}

export interface SignInLimitOptions {
  now: () => number;
  maxFailures?: number;
  windowMs?: number;
  maxAddresses?: number;
}

export function createSignInLimit(options: SignInLimitOptions): SignInLimit {
  const maxFailures = options.maxFailures ?? MAX_FAILURES;
  const windowMs = options.windowMs ?? FAILURE_WINDOW_MS;
  const maxAddresses = options.maxAddresses ?? MAX_ADDRESSES;
  // Address → times of its recent failures, oldest first; the map's order is last failure first-in.
  const failures = new Map<string, number[]>();
  const key = (address: string): string => address.replace(/^::ffff:/, '');

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
    failed(address) {
      const now = options.now();
      const times = [...recent(address, now), now].slice(-maxFailures);
      failures.delete(key(address));
      failures.set(key(address), times);
      while (failures.size > maxAddresses) failures.delete(failures.keys().next().value!);
    },
    succeeded(address) {
      failures.delete(key(address));
    },
  };
}
