import { describe, expect, it } from 'vitest';
import { formatStep, planBeat, planClockBeat } from './clock-beat.js';

const at = (iso: string, monotonic: number) => ({ wall: Date.parse(iso), monotonic });
const before = at('2026-12-01T11:50:00Z', 5_000_000);

describe('planClockBeat', () => {
  it('sees nothing when both clocks moved one heartbeat', () => {
    expect(planClockBeat(before, at('2026-12-01T11:50:01Z', 5_001_000), 2000)).toStrictEqual({ jumpedMs: null, elapsedMs: 1000, wallMs: 1000 });
  });

  it('takes small drift (NTP slewing, a timer a little late) for no jump, up to the tolerance', () => {
    expect(planClockBeat(before, at('2026-12-01T11:50:03Z', 5_001_000), 2000).jumpedMs).toBeNull();
    expect(planClockBeat(before, at('2026-12-01T11:49:59.001Z', 5_001_000), 2000).jumpedMs).toBeNull();
    // A beat that came 20 s late (the event loop was blocked): both clocks agree, no jump.
    expect(planClockBeat(before, at('2026-12-01T11:50:20Z', 5_020_000), 2000).jumpedMs).toBeNull();
  });

  it('finds a step of +1 h within one beat', () => {
    const beat = planClockBeat(before, at('2026-12-01T12:50:01Z', 5_001_000), 2000);
    expect(beat).toStrictEqual({ jumpedMs: 3_600_000, elapsedMs: 1000, wallMs: 3_601_000 });
  });

  it('finds a step of −1 h within one beat', () => {
    expect(planClockBeat(before, at('2026-12-01T10:50:01Z', 5_001_000), 2000).jumpedMs).toBe(-3_600_000);
  });

  it('finds a step just over the tolerance, both ways', () => {
    expect(planClockBeat(before, at('2026-12-01T11:50:03.001Z', 5_001_000), 2000).jumpedMs).toBe(2001);
    expect(planClockBeat(before, at('2026-12-01T11:49:58.999Z', 5_001_000), 2000).jumpedMs).toBe(-2001);
  });

  it('takes a suspend (the monotonic clock stopped, the wall clock did not) for a forward step of its length', () => {
    // Suspended for 8 h overnight: CLOCK_MONOTONIC does not count suspend on Linux.
    const beat = planClockBeat(before, at('2026-12-01T19:50:01Z', 5_001_000), 2000);
    expect(beat.jumpedMs).toBe(8 * 3_600_000);
  });

  it('takes a resume where the monotonic clock did count the suspend (CLOCK_BOOTTIME-like) for no step', () => {
    expect(planClockBeat(before, at('2026-12-01T19:50:01Z', 5_001_000 + 8 * 3_600_000), 2000).jumpedMs).toBeNull();
  });
});

describe('formatStep', () => {
  it('rounds to the second and always signs', () => {
    expect(formatStep(3_600_400)).toBe('+3600 s');
    expect(formatStep(-3_599_600)).toBe('-3600 s');
    expect(formatStep(2001)).toBe('+2 s');
  });
});

describe('planBeat', () => {
  const noon = Date.parse('2026-12-01T12:00:00Z');
  const previous = { wall: noon - 1000, monotonic: 7_000_000 };
  /** A beat one second after `previous` by the monotonic clock, the wall clock reading `wall`. */
  const beat = (wall: number, nextBoundary: number | null = noon + 60_000) =>
    planBeat({ previous, current: { wall, monotonic: 7_001_000 }, toleranceMs: 2000, nextBoundary, lateLimitMs: 1000 });

  it('is on time when both clocks moved together and the boundary is ahead', () => {
    expect(beat(noon)).toStrictEqual({ kind: 'on-time' });
    expect(beat(noon, null)).toStrictEqual({ kind: 'on-time' });
  });

  it('finds a step forward, with where the wall clock would be without it', () => {
    expect(beat(noon + 3_600_000)).toStrictEqual({ kind: 'clock-jump', jumpedMs: 3_600_000, expected: noon });
  });

  it('finds a step back', () => {
    expect(beat(noon - 3_600_000)).toStrictEqual({ kind: 'clock-jump', jumpedMs: -3_600_000, expected: noon });
  });

  it('takes drift within the tolerance for no step, either way', () => {
    expect(beat(noon + 2000)).toStrictEqual({ kind: 'on-time' });
    expect(beat(noon - 2000)).toStrictEqual({ kind: 'on-time' });
    expect(beat(noon + 2001)).toStrictEqual({ kind: 'clock-jump', jumpedMs: 2001, expected: noon });
  });

  it('finds a boundary late by exactly the limit, not one late by 1 ms less', () => {
    expect(beat(noon, noon - 1000)).toStrictEqual({ kind: 'late-boundary', lateMs: 1000 });
    expect(beat(noon, noon - 999)).toStrictEqual({ kind: 'on-time' });
    // Reached but within the limit: the boundary timer is about to fire.
    expect(beat(noon, noon)).toStrictEqual({ kind: 'on-time' });
  });

  it('reports the step, not the late boundary, when both happen at once', () => {
    // Stepped an hour forward over the 12:30 boundary: re-resolving for the step covers both.
    expect(beat(noon + 3_600_000, noon + 1_800_000)).toStrictEqual({ kind: 'clock-jump', jumpedMs: 3_600_000, expected: noon });
  });
});
