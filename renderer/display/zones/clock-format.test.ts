import { describe, expect, it } from 'vitest';
import { clockText } from './clock-format.js';

describe('clockText', () => {
  it('formats in the hall time zone, Chinese first', () => {
    // 2026-12-01T02:17:00Z is 10:17 on Tuesday 1 December in Beijing.
    expect(clockText(Date.UTC(2026, 11, 1, 2, 17), 'Asia/Shanghai')).toEqual({
      date: '12月1日 星期二',
      time: '10:17',
      english: 'Tue 1 Dec',
    });
  });

  it('crosses midnight by the hall clock, not UTC', () => {
    expect(clockText(Date.UTC(2026, 11, 1, 16, 5), 'Asia/Shanghai').date).toBe('12月2日 星期三');
    expect(clockText(Date.UTC(2026, 11, 1, 16, 5), 'Asia/Shanghai').time).toBe('00:05');
  });

  it('falls back to Beijing time for an unknown zone', () => {
    expect(clockText(Date.UTC(2026, 11, 1, 2, 17), 'Mars/Olympus').time).toBe('10:17');
  });
});
