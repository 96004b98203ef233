import { describe, expect, it } from 'vitest';
import { instantOfInput, parseTimeInput } from './hall-time.js';
import { TimeZone } from './time-zone.js';

const at = (text: string, zone: string): string => new Date(instantOfInput(parseTimeInput(text)!, TimeZone.of(zone))).toISOString();

describe('a typed time as an instant', () => {
  it("reads a time without an offset on the hall's clock, not the machine's", () => {
    expect(at('2026-12-07T12:30:00', 'Asia/Shanghai')).toBe('2026-12-07T04:30:00.000Z');
    expect(at('2026-12-07 12:30', 'Asia/Shanghai')).toBe('2026-12-07T04:30:00.000Z');
    expect(at('2026-12-07T12:30', 'America/New_York')).toBe('2026-12-07T17:30:00.000Z');
  });

  it('keeps a written offset, whatever the hall', () => {
    expect(at('2026-12-07T12:30+08:00', 'America/New_York')).toBe('2026-12-07T04:30:00.000Z');
    expect(at('2026-12-07T12:30:15.5Z', 'Asia/Shanghai')).toBe('2026-12-07T12:30:15.500Z');
    expect(at('2026-12-07T12:30-0530', 'Asia/Shanghai')).toBe('2026-12-07T18:00:00.000Z');
  });

  it("follows the zone's DST policy: a time in the spring-forward gap is the gap's end, a repeated one its first reading", () => {
    expect(at('2026-03-08T02:30', 'America/New_York')).toBe('2026-03-08T07:00:00.000Z');
    expect(at('2026-11-01T01:30', 'America/New_York')).toBe('2026-11-01T05:30:00.000Z');
  });

  it('refuses what is not a date and a time', () => {
    for (const text of ['tomorrow', '2026-12-07', '12:30', '2026-02-30T10:00', '2026-12-07T25:00', '2026-12-07T12:60', '2026-12-07T12:30+19:00', '1796614200000']) {
      expect(parseTimeInput(text), text).toBeNull();
    }
  });
});
