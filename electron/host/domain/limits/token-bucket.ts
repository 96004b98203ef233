/**
 * A token bucket over an injected clock: up to `burst` at once, then `ratePerSecond` on average.
 * Pure arithmetic, no timer: the caller passes the time of each attempt (monotonic ms, so a wall
 * clock step neither refills nor starves it).
 */
export interface TokenBucketLimit {
  ratePerSecond: number;
  burst: number;
}

export class TokenBucket {
  private tokens: number;
  private last: number;

  constructor(
    private readonly limit: TokenBucketLimit,
    now: number,
  ) {
    if (!(limit.ratePerSecond > 0) || !(limit.burst >= 1)) throw new Error(`a token bucket needs ratePerSecond > 0 and burst ≥ 1, got ${limit.ratePerSecond}/${limit.burst}`);
    this.tokens = limit.burst;
    this.last = now;
  }

  /** true, and one token spent, if one is available at `now`. */
  take(now: number): boolean {
    // A clock that went backwards refills nothing rather than draining the bucket.
    const elapsed = Math.max(0, now - this.last);
    this.last = Math.max(this.last, now);
    this.tokens = Math.min(this.limit.burst, this.tokens + (elapsed * this.limit.ratePerSecond) / 1000);
    if (this.tokens < 1) return false;
    this.tokens -= 1;
    return true;
  }
}
