import { describe, expect, it } from 'vitest';
import { createSignInLimit } from './sign-in-limit.js';

const T0 = Date.parse('2026-12-01T09:00:00+08:00');

function clock() {
  let now = T0;
  return { now: () => now, advance: (ms: number) => void (now += ms) };
}

describe('sign-in limit', () => {
  it('lets an address fail 5 times in 5 minutes, then makes it wait for the oldest to age out', () => {
    const time = clock();
    const limit = createSignInLimit({ now: time.now });
    for (let i = 0; i < 5; i++) {
      expect(limit.retryAfter('192.168.1.50')).toBe(0);
      limit.failed('192.168.1.50');
      time.advance(10_000);
    }
    // The first failure was 50 s ago: it ages out in 250 s.
    expect(limit.retryAfter('192.168.1.50')).toBe(250);
    time.advance(249_000);
    expect(limit.retryAfter('192.168.1.50')).toBe(1);
    time.advance(1_000);
    expect(limit.retryAfter('192.168.1.50')).toBe(0);
    // One failure more within the window of the other four locks it again.
    limit.failed('192.168.1.50');
    expect(limit.retryAfter('192.168.1.50')).toBeGreaterThan(0);
  });

  it('keeps addresses apart; a success clears only its own', () => {
    const time = clock();
    const limit = createSignInLimit({ now: time.now });
    for (let i = 0; i < 5; i++) limit.failed('10.0.0.9');
    for (let i = 0; i < 4; i++) limit.failed('10.0.0.8');
    expect(limit.retryAfter('10.0.0.7')).toBe(0);
    limit.succeeded('10.0.0.7');
    limit.succeeded('10.0.0.8');
    expect(limit.retryAfter('10.0.0.9')).toBe(300);
    limit.failed('10.0.0.8');
    expect(limit.retryAfter('10.0.0.8')).toBe(0);
  });

  it('treats an IPv4 address and its IPv6-mapped form as one', () => {
    const time = clock();
    const limit = createSignInLimit({ now: time.now });
    for (let i = 0; i < 5; i++) limit.failed('::ffff:10.0.0.9');
    expect(limit.retryAfter('10.0.0.9')).toBe(300);
  });

  it('remembers a bounded number of addresses', () => {
    const time = clock();
    const limit = createSignInLimit({ now: time.now, maxAddresses: 100 });
    for (let i = 0; i < 5; i++) limit.failed('10.9.9.9');
    for (let n = 0; n < 1000; n++) limit.failed(`10.0.${n >> 8}.${n & 255}`);
    // The stalest were forgotten to make room; the newest are still counted.
    expect(limit.retryAfter('10.9.9.9')).toBe(0);
    for (let i = 0; i < 4; i++) limit.failed('10.0.3.231');
    expect(limit.retryAfter('10.0.3.231')).toBe(300);
  });
});

describe('sign-in limit over all addresses', () => {
  it('takes 30 wrong passwords a minute from all addresses together, then makes everyone wait for the oldest to age out', () => {
    const time = clock();
    const limit = createSignInLimit({ now: time.now });
    for (let n = 0; n < 30; n++) {
      expect(limit.retryAfterOverall()).toBe(0);
      limit.failed(`127.0.0.${n + 2}`);
      time.advance(1000);
    }
    // 30 addresses, one failure each: no single address is limited, the player is.
    expect(limit.retryAfter('127.0.0.2')).toBe(0);
    expect(limit.retryAfterOverall()).toBe(30);
    time.advance(29_000);
    expect(limit.retryAfterOverall()).toBe(1);
    time.advance(1000);
    expect(limit.retryAfterOverall()).toBe(0);
  });

  it('does not count a success (counted as a failure before its check) against the others', () => {
    const time = clock();
    const limit = createSignInLimit({ now: time.now, maxFailuresOverall: 3 });
    limit.failed('10.0.0.1');
    limit.failed('10.0.0.2');
    limit.failed('10.0.0.3');
    expect(limit.retryAfterOverall()).toBe(60);
    limit.succeeded('10.0.0.3');
    expect(limit.retryAfterOverall()).toBe(0);
  });
});
