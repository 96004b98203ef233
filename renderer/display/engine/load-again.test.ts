import { describe, expect, it } from 'vitest';
import { loadAgain, reloadDue, RELOAD_SPACING_MS, retryDelay } from './load-again.js';

describe('loadAgain', () => {
  it('asks again after a failed import, with a growing wait, and hands over what finally arrives', async () => {
    let calls = 0;
    const waits: number[] = [];
    const failures: number[] = [];
    const value = await loadAgain(
      async () => {
        calls++;
        if (calls < 4) throw new TypeError('Failed to fetch dynamically imported module: /assets/stage-pieces.js');
        return 'pieces';
      },
      { sleep: async (ms) => void waits.push(ms), failed: (attempt) => failures.push(attempt) },
    );
    expect(value).toBe('pieces');
    expect(failures).toEqual([1, 2, 3]);
    expect(waits).toEqual([500, 1000, 2000]);
  });

  it('keeps asking through a long outage at most every 10 s', () => {
    expect([1, 2, 3, 4, 5, 6, 7, 30].map(retryDelay)).toEqual([500, 1000, 2000, 4000, 8000, 10_000, 10_000, 10_000]);
  });
});

describe('reloading the page when asking again does not help', () => {
  it('reloads from the fourth failed attempt, at most once every five minutes', () => {
    const now = 1_000_000_000;
    expect(reloadDue(3, null, now)).toBe(false);
    expect(reloadDue(4, null, now)).toBe(true);
    expect(reloadDue(9, now - RELOAD_SPACING_MS + 1, now)).toBe(false);
    expect(reloadDue(4, now - RELOAD_SPACING_MS, now)).toBe(true);
  });
});
