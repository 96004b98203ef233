import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { MAX_WAIT_MS, wallTimers } from './wall-timers.js';

// vi's fake timers: advanceTimersByTime moves both clocks; setSystemTime steps only the wall clock.
const noon = Date.parse('2026-12-01T12:00:00Z');

describe('wallTimers', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    vi.setSystemTime(Date.parse('2026-12-01T11:50:00Z'));
  });
  afterEach(() => vi.useRealTimers());

  it('fires once at its instant, re-checking the wall clock at least every 30 s', () => {
    const fired: number[] = [];
    wallTimers({ now: Date.now }).at(noon, () => fired.push(Date.now()));
    expect(vi.getTimerCount()).toBe(1);
    vi.advanceTimersByTime(10 * 60_000 - 1);
    expect(fired).toStrictEqual([]);
    vi.advanceTimersByTime(1);
    expect(fired).toStrictEqual([noon]);
    vi.advanceTimersByTime(3_600_000);
    expect(fired).toHaveLength(1);
  });

  it('after a forward step past its instant, fires once within 30 s (no burst of missed runs)', () => {
    const fired: number[] = [];
    wallTimers({ now: Date.now }).at(noon, () => fired.push(Date.now()));
    vi.advanceTimersByTime(5_000);
    vi.setSystemTime(Date.now() + 3_600_000);
    vi.advanceTimersByTime(MAX_WAIT_MS);
    expect(fired).toHaveLength(1);
    expect(fired[0]! - Date.now()).toBeLessThanOrEqual(0);
    vi.advanceTimersByTime(3_600_000);
    expect(fired).toHaveLength(1);
  });

  it('after a backward step, waits for the wall clock to reach its instant again, never early', () => {
    const fired: number[] = [];
    wallTimers({ now: Date.now }).at(noon, () => fired.push(Date.now()));
    vi.advanceTimersByTime(9 * 60_000); // 11:59
    vi.setSystemTime(Date.now() - 3_600_000); // 10:59
    vi.advanceTimersByTime(61 * 60_000 - 1);
    expect(fired).toStrictEqual([]);
    vi.advanceTimersByTime(1);
    expect(fired).toStrictEqual([noon]);
  });

  it('follows the injected clock (a preview an hour behind the system clock)', () => {
    const fired: number[] = [];
    const player = { now: () => Date.now() - 3_600_000 };
    wallTimers(player).at(noon, () => fired.push(player.now()));
    vi.advanceTimersByTime(70 * 60_000 - 1);
    expect(fired).toStrictEqual([]);
    vi.advanceTimersByTime(1);
    expect(fired).toStrictEqual([noon]);
  });

  it('never calls back from inside at(), even for an instant already past', () => {
    const fired: string[] = [];
    wallTimers({ now: Date.now }).at(Date.now() - 1000, () => fired.push('late'));
    expect(fired).toStrictEqual([]);
    vi.advanceTimersByTime(0);
    expect(fired).toStrictEqual(['late']);
  });

  it('cancels', () => {
    const fired: number[] = [];
    const cancel = wallTimers({ now: Date.now }).at(noon, () => fired.push(1));
    vi.advanceTimersByTime(45_000);
    cancel();
    vi.advanceTimersByTime(3_600_000);
    expect(fired).toStrictEqual([]);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('repeats on elapsed time, unmoved by wall-clock steps', () => {
    const beats: number[] = [];
    const stop = wallTimers({ now: Date.now }).every(1000, () => beats.push(Date.now()));
    vi.advanceTimersByTime(3000);
    vi.setSystemTime(Date.now() + 3_600_000);
    vi.advanceTimersByTime(2000);
    vi.setSystemTime(Date.now() - 7_200_000);
    vi.advanceTimersByTime(2000);
    expect(beats).toHaveLength(7);
    stop();
    vi.advanceTimersByTime(10_000);
    expect(beats).toHaveLength(7);
  });

  it('refuses a repeating timer longer than the re-check bound', () => {
    expect(() => wallTimers({ now: Date.now }).every(60_000, () => undefined)).toThrow(/0 < ms ≤ 30000/);
    expect(() => wallTimers({ now: Date.now }).every(0, () => undefined)).toThrow(/0 < ms/);
  });

  it('runs a delay once on elapsed time, unmoved by wall-clock steps, and cancels', () => {
    const fired: number[] = [];
    const timers = wallTimers({ now: Date.now });
    timers.after(5000, () => fired.push(1));
    const cancel = timers.after(5000, () => fired.push(2));
    vi.setSystemTime(Date.now() + 3_600_000);
    vi.advanceTimersByTime(4999);
    expect(fired).toStrictEqual([]);
    cancel();
    vi.advanceTimersByTime(1);
    expect(fired).toStrictEqual([1]);
    vi.advanceTimersByTime(60_000);
    expect(fired).toStrictEqual([1]);
  });
});
