import { describe, expect, it } from 'vitest';
import { dbToGain, DEFAULT_DUCK, scheduleSpeech, speechRequestProblem } from './speech-schedule.js';

const duck = DEFAULT_DUCK;
const low = dbToGain(-15);

// Durations are binary fractions so the sums are exact and the assertions can be toBe.
describe('scheduleSpeech', () => {
  it('without a lead-in starts the first clip when the attack ends, each next one when the previous ends', () => {
    const s = scheduleSpeech({ durations: [1.5, 0.25, 0.125], leadIn: 0, repeat: 1, pause: 0.75, at: 10, duck });
    expect(s.clips.map((c) => [c.clip, c.at, c.end])).toEqual([
      [0, 10.5, 12],
      [1, 12, 12.25],
      [2, 12.25, 12.375],
    ]);
    expect(s.speechAt).toBe(10.5);
    expect(s.speechEnd).toBe(12.375);
    expect(s.restoredAt).toBe(13.875);
  });

  it('starts the lead-in (the chime) with the duck, under the attack, and the speech right after it', () => {
    // chime 1.5 s > attack 0.5 s: the call follows the chime with no gap.
    const s = scheduleSpeech({ durations: [1.5, 0.25, 0.125], leadIn: 1, repeat: 1, pause: 0.75, at: 10, duck });
    expect(s.clips.map((c) => [c.clip, c.at, c.end])).toEqual([
      [0, 10, 11.5],
      [1, 11.5, 11.75],
      [2, 11.75, 11.875],
    ]);
    expect(s.speechAt).toBe(10);
    expect(s.speechEnd).toBe(11.875);
    expect(s.duck).toEqual([
      { at: 10, value: 1, ramp: false },
      { at: 10.5, value: low, ramp: true },
      { at: 11.875, value: low, ramp: false },
      { at: 13.375, value: 1, ramp: true },
    ]);
  });

  it('holds the speech back until the attack has ended when the lead-in is shorter than the attack', () => {
    const s = scheduleSpeech({ durations: [0.125, 0.125, 0.25], leadIn: 2, repeat: 1, pause: 0, at: 4, duck: { depthDb: -15, attackSeconds: 0.75, releaseSeconds: 1 } });
    expect(s.clips.map((c) => [c.clip, c.at, c.end])).toEqual([
      [0, 4, 4.125],
      [1, 4.125, 4.25],
      [2, 4.75, 5],
    ]);
  });

  it('reads the whole list, chime included, `repeat` times, the pause between readings only, ducked throughout', () => {
    const s = scheduleSpeech({ durations: [0.25, 1, 0.5], leadIn: 1, repeat: 2, pause: 0.75, at: 0, duck });
    expect(s.clips.map((c) => [c.reading, c.clip, c.at])).toEqual([
      [0, 0, 0],
      [0, 1, 0.5],
      [0, 2, 1.5],
      [1, 0, 2.75],
      [1, 1, 3],
      [1, 2, 4],
    ]);
    expect(s.speechEnd).toBe(4.5);
    expect(s.duck).toEqual([
      { at: 0, value: 1, ramp: false },
      { at: 0.5, value: low, ramp: true },
      { at: 4.5, value: low, ramp: false },
      { at: 6, value: 1, ramp: true },
    ]);
  });

  it('without a lead-in the later readings do not wait for an attack either', () => {
    const s = scheduleSpeech({ durations: [1, 0.5], leadIn: 0, repeat: 2, pause: 0.75, at: 0, duck });
    expect(s.clips.map((c) => [c.reading, c.clip, c.at])).toEqual([
      [0, 0, 0.5],
      [0, 1, 1.5],
      [1, 0, 2.75],
      [1, 1, 3.75],
    ]);
    expect(s.speechEnd).toBe(4.25);
  });

  it('a lead-in alone shorter than the attack keeps the duck in time order', () => {
    const s = scheduleSpeech({ durations: [0.25], leadIn: 1, repeat: 1, pause: 0, at: 2, duck });
    expect(s.speechEnd).toBe(2.25);
    expect(s.duck.map((p) => p.at)).toEqual([2, 2.5, 2.5, 4]);
    expect(s.restoredAt).toBe(4);
  });

  it('has no gap for real clip lengths: each start equals the previous end to the bit', () => {
    // zh-CN chime + A023 → 5 as decoded (48 kHz frame counts), repeated twice.
    const d = [77136, 22608, 38832, 21216, 22512, 23040, 15600, 11088, 15168, 56112].map((n) => n / 48000);
    const s = scheduleSpeech({ durations: d, leadIn: 1, repeat: 2, pause: 0.8, at: 3.1, duck });
    for (let i = 1; i < s.clips.length; i++) {
      if (s.clips[i]!.reading === s.clips[i - 1]!.reading) expect(s.clips[i]!.at).toBe(s.clips[i - 1]!.end);
    }
    const one = d.reduce((a, b) => a + b, 0);
    expect(s.speechEnd - s.speechAt).toBeCloseTo(2 * one + 0.8, 9);
  });

  it('takes the duck of the play and a starting level below full', () => {
    const s = scheduleSpeech({ durations: [1], leadIn: 0, repeat: 1, pause: 0, at: 0, from: 0.5, duck: { depthDb: -20, attackSeconds: 0.25, releaseSeconds: 1 } });
    expect(s.duck).toEqual([
      { at: 0, value: 0.5, ramp: false },
      { at: 0.25, value: 0.1, ramp: true },
      { at: 1.25, value: 0.1, ramp: false },
      { at: 2.25, value: 1, ramp: true },
    ]);
    expect(dbToGain(-15)).toBeCloseTo(0.177828, 6);
  });

  it('refuses plans it cannot time', () => {
    const base = { leadIn: 0, repeat: 1, pause: 0, at: 0, duck };
    expect(() => scheduleSpeech({ ...base, durations: [] })).toThrow(/at least one clip/);
    expect(() => scheduleSpeech({ ...base, durations: [1], repeat: 0 })).toThrow(/repeat/);
    expect(() => scheduleSpeech({ ...base, durations: [1], leadIn: 2 })).toThrow(/leadIn must be an integer from 0 to 1/);
    expect(() => scheduleSpeech({ ...base, durations: [1, Number.NaN] })).toThrow(/durations/);
    expect(() => scheduleSpeech({ ...base, durations: [1], pause: -1 })).toThrow(/≥ 0/);
    expect(speechRequestProblem({ ...base, clips: 1, duck: { ...duck, depthDb: 6 } })).toMatch(/≤ 0 dB/);
    expect(speechRequestProblem({ ...base, clips: 3, leadIn: 3 })).toBeNull();
  });
});
