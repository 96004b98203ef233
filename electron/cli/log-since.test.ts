import { describe, expect, it } from 'vitest';
import { parseSince } from './log-since.js';

const NOW = Date.parse('2026-12-07T12:00:00Z');

describe('hallcast logs --since', () => {
  it('reads a span back from now', () => {
    expect(parseSince('10m', NOW)).toBe(NOW - 600_000);
    expect(parseSince('2h', NOW)).toBe(NOW - 7_200_000);
    expect(parseSince('1d', NOW)).toBe(NOW - 86_400_000);
    expect(parseSince('90s', NOW)).toBe(NOW - 90_000);
  });

  it('reads a time with an offset exactly, and one without in this machine\'s zone', () => {
    expect(parseSince('2026-12-07T09:30+08:00', NOW)).toBe(Date.parse('2026-12-07T01:30:00Z'));
    expect(parseSince('2026-12-07T09:30:15Z', NOW)).toBe(Date.parse('2026-12-07T09:30:15Z'));
    expect(parseSince('2026-12-07T09:30', NOW)).toBe(new Date(2026, 11, 7, 9, 30).getTime());
    expect(parseSince('2026-12-07', NOW)).toBe(new Date(2026, 11, 7).getTime());
  });

  it('refuses what is neither', () => {
    for (const bad of ['', '10', 'm', '10 minutes', '-10m', '1w', 'yesterday', '2026-13-40', '2026-12-07T25:00', '12:00']) expect(parseSince(bad, NOW), bad).toBeNull();
  });
});
