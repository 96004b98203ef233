import { describe, expect, it } from 'vitest';
import { describeWait, roundedWaitRange } from './wait-range.js';

describe('roundedWaitRange', () => {
  it.each([
    [3, 1, { low: 0, high: 5 }, 'under 5 min'],
    [4, 1, { low: 0, high: 5 }, 'under 5 min'],
    [4, 2, { low: 0, high: 10 }, 'under 10 min'],
    [8, 1, { low: 5, high: 10 }, '5–10 min'],
    [17.5, 2.5, { low: 15, high: 20 }, '15–20 min'],
    [20, 0, { low: 20, high: 25 }, '20–25 min'],
    [27, 4, { low: 20, high: 40 }, '20–40 min'],
    [35, 3, { low: 30, high: 40 }, '30–40 min'],
    [30, 0, { low: 30, high: 40 }, '30–40 min'],
    [50, 5, { low: 40, high: 60 }, '40–60 min'],
    [55, 7, { low: 40, high: null }, 'over 40 min'],
    [80, 10, { low: 60, high: null }, 'over 60 min'],
    [40, 45, { low: 0, high: null }, 'hard to say'],
  ])('%s ± %s min → %o', (expected, sd, range, en) => {
    expect(roundedWaitRange(expected, sd)).toEqual(range);
    expect(describeWait(range).en).toBe(en);
  });

  it('is not pushed across a step by float noise', () => {
    expect(roundedWaitRange(0.1 + 0.2 + 19.7, 0)).toEqual({ low: 20, high: 25 });
  });
});

describe('describeWait', () => {
  it('speaks Chinese first', () => {
    expect(describeWait(null)).toEqual({ zh: '—', en: '—' });
    expect(describeWait({ low: 0, high: 0 })).toEqual({ zh: '无需等待', en: 'no wait' });
    expect(describeWait({ low: 0, high: 5 })).toEqual({ zh: '5 分钟内', en: 'under 5 min' });
    expect(describeWait({ low: 15, high: 20 })).toEqual({ zh: '15–20 分钟', en: '15–20 min' });
    expect(describeWait({ low: 60, high: null })).toEqual({ zh: '60 分钟以上', en: 'over 60 min' });
  });
});
