import { describe, expect, it } from 'vitest';
import { formatStep, planClockBeat } from './clock-beat.js';

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
