import { describe, expect, it } from 'vitest';
import { formatBytes, formatSeconds } from './format-size.js';
import { clockTime, dateTime } from './format-time.js';

describe('formats', () => {
  it('writes sizes and lengths', () => {
    expect(formatBytes(512)).toBe('512 B');
    expect(formatBytes(1536)).toBe('1.5 KB');
    expect(formatBytes(300 * 1024 * 1024)).toBe('300 MB');
    expect(formatSeconds(75.4)).toBe('1:15');
    expect(formatSeconds(3725)).toBe('1:02:05');
    expect(formatSeconds(null)).toBe('—');
  });
  it('writes instants on the hall clock', () => {
    const at = Date.UTC(2026, 11, 1, 6, 5, 9);
    expect(clockTime(at, 'Asia/Shanghai')).toBe('14:05:09');
    expect(dateTime(at, 'Asia/Shanghai')).toBe('2026-12-01 14:05');
    expect(clockTime(Date.UTC(2026, 11, 1, 16, 0, 0), 'Asia/Shanghai')).toBe('00:00:00');
  });
});
