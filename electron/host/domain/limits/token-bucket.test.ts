import { describe, expect, it } from 'vitest';
import { TokenBucket } from './token-bucket.js';

const takes = (bucket: TokenBucket, n: number, at: number): number => {
  let ok = 0;
  for (let i = 0; i < n; i++) if (bucket.take(at)) ok++;
  return ok;
};

describe('TokenBucket', () => {
  it('lets the burst through at once, then nothing until time refills it', () => {
    const b = new TokenBucket({ ratePerSecond: 10, burst: 50 }, 0);
    expect(takes(b, 1000, 0)).toBe(50);
    expect(b.take(99)).toBe(false); // 0.99 of a token
    expect(b.take(100)).toBe(true);
    expect(b.take(100)).toBe(false);
  });

  it('holds a flood to rate × time plus the burst', () => {
    const b = new TokenBucket({ ratePerSecond: 10, burst: 50 }, 0);
    let ok = 0;
    // 20,000 attempts spread over 4 s.
    for (let i = 0; i < 20_000; i++) if (b.take(i / 5)) ok++;
    // The last attempt is at 3,999.8 ms: 39 whole tokens refilled.
    expect(ok).toBe(50 + 39);
  });

  it('never holds more than the burst after a long silence', () => {
    const b = new TokenBucket({ ratePerSecond: 2, burst: 4 }, 0);
    expect(takes(b, 10, 3_600_000)).toBe(4);
  });

  it('a clock that steps back neither refills nor drains it', () => {
    const b = new TokenBucket({ ratePerSecond: 1, burst: 2 }, 10_000);
    expect(takes(b, 2, 10_000)).toBe(2);
    expect(b.take(5_000)).toBe(false);
    expect(b.take(10_999)).toBe(false);
    expect(b.take(11_000)).toBe(true);
  });

  it('refuses a limit it cannot keep', () => {
    expect(() => new TokenBucket({ ratePerSecond: 0, burst: 5 }, 0)).toThrow(/ratePerSecond > 0/);
    expect(() => new TokenBucket({ ratePerSecond: 1, burst: 0 }, 0)).toThrow(/burst ≥ 1/);
  });
});
