import { describe, expect, it } from 'vitest';
import { dbToGain, scheduleSpeech } from './speech-schedule.js';

// Durations are binary fractions so the sums are exact and the assertions can be toBe.
describe('scheduleSpeech', () => {
  it('starts every clip exactly when the previous one ends', () => {
    const s = scheduleSpeech({ durations: [1.5, 0.25, 0.125], repeat: 1, pause: 0.8, at: 10 });
    expect(s.clips.map((c) => [c.segment, c.at, c.end])).toEqual([
      [0, 10.5, 12],
      [1, 12, 12.25],
      [2, 12.25, 12.375],
    ]);
    expect(s.speechAt).toBe(10.5);
    expect(s.speechEnd).toBe(12.375);
    expect(s.restoredAt).toBe(13.875);
  });

  it('reads the list `repeat` times with the pause between readings only', () => {
    const s = scheduleSpeech({ durations: [1, 0.5], repeat: 2, pause: 0.75, at: 0 });
    expect(s.clips.map((c) => [c.reading, c.segment, c.at])).toEqual([
      [0, 0, 0.5],
      [0, 1, 1.5],
      [1, 0, 2.75],
      [1, 1, 3.75],
    ]);
    expect(s.speechEnd).toBe(4.25);
  });

  it('has no gap for real clip lengths: each start equals the previous end to the bit', () => {
    // zh-CN A023 → 5 as decoded (48 kHz frame counts), repeated twice.
    const d = [77136, 22608, 38832, 21216, 22512, 23040, 15600, 11088, 15168, 56112].map((n) => n / 48000);
    const s = scheduleSpeech({ durations: d, repeat: 2, pause: 0.8, at: 3.1 });
    for (let i = 1; i < s.clips.length; i++) {
      if (s.clips[i]!.reading === s.clips[i - 1]!.reading) expect(s.clips[i]!.at).toBe(s.clips[i - 1]!.end);
    }
    const one = d.reduce((a, b) => a + b, 0);
    expect(s.speechEnd - s.speechAt).toBeCloseTo(2 * one + 0.8, 9);
  });

  it('ducks to −15 dB over 0.5 s before speech and restores over 1.5 s after it', () => {
    const s = scheduleSpeech({ durations: [2], repeat: 1, pause: 0.8, at: 4 });
    const low = dbToGain(-15);
    expect(low).toBeCloseTo(0.177828, 6);
    expect(s.duck).toEqual([
      { at: 4, value: 1, ramp: false },
      { at: 4.5, value: low, ramp: true },
      { at: 6.5, value: low, ramp: false },
      { at: 8, value: 1, ramp: true },
    ]);
  });

  it('takes a configured duck and a starting level below full', () => {
    const s = scheduleSpeech({ durations: [1], repeat: 1, pause: 0, at: 0, from: 0.5, duck: { depthDb: -20, attack: 0.25, release: 1 } });
    expect(s.duck).toEqual([
      { at: 0, value: 0.5, ramp: false },
      { at: 0.25, value: 0.1, ramp: true },
      { at: 1.25, value: 0.1, ramp: false },
      { at: 2.25, value: 1, ramp: true },
    ]);
  });

  it('refuses plans it cannot time', () => {
    expect(() => scheduleSpeech({ durations: [], repeat: 1, pause: 0, at: 0 })).toThrow(/at least one segment/);
    expect(() => scheduleSpeech({ durations: [1], repeat: 0, pause: 0, at: 0 })).toThrow(/repeat/);
    expect(() => scheduleSpeech({ durations: [1, Number.NaN], repeat: 1, pause: 0, at: 0 })).toThrow(/durations/);
    expect(() => scheduleSpeech({ durations: [1], repeat: 1, pause: -1, at: 0 })).toThrow(/≥ 0/);
  });
});
