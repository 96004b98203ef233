import { describe, expect, it } from 'vitest';
import { TimeZone } from '../host/domain/time/time-zone.js';
import { mayInstallUpdate, parseOpeningHours } from './update-window.js';

const shanghai = TimeZone.of('Asia/Shanghai');
const at = (iso: string): number => Date.parse(iso);

describe('parseOpeningHours', () => {
  it('reads HH:MM-HH:MM, and refuses anything else', () => {
    expect(parseOpeningHours('08:30-21:00')).toStrictEqual({ opens: 30_600, closes: 75_600 });
    expect(parseOpeningHours('10:00 - 02:00')).toStrictEqual({ opens: 36_000, closes: 7_200 });
    for (const bad of ['', '08:30', '8:30-21:00', '08:30-25:00', '08:30-21:00-22:00', 'always']) expect(parseOpeningHours(bad), bad).toBeNull();
  });
});

describe('mayInstallUpdate', () => {
  const hours = parseOpeningHours('08:30-21:00')!;

  it("installs only outside the opening hours, on the hall's clock", () => {
    expect(mayInstallUpdate(at('2026-12-07T08:29:59+08:00'), hours, shanghai)).toBe(true);
    expect(mayInstallUpdate(at('2026-12-07T08:30:00+08:00'), hours, shanghai)).toBe(false);
    expect(mayInstallUpdate(at('2026-12-07T14:00:00+08:00'), hours, shanghai)).toBe(false);
    expect(mayInstallUpdate(at('2026-12-07T20:59:59+08:00'), hours, shanghai)).toBe(false);
    expect(mayInstallUpdate(at('2026-12-07T21:00:00+08:00'), hours, shanghai)).toBe(true);
    expect(mayInstallUpdate(at('2026-12-08T03:00:00+08:00'), hours, shanghai)).toBe(true);
  });

  it("reads the hall's zone, not UTC: 14:00 in Shanghai is 06:00 UTC, and the hall is open", () => {
    expect(mayInstallUpdate(at('2026-12-07T06:00:00Z'), hours, shanghai)).toBe(false);
    expect(mayInstallUpdate(at('2026-12-07T06:00:00Z'), hours, TimeZone.of('UTC'))).toBe(true);
  });

  it('a day that ends after midnight stays closed to updates until it closes', () => {
    const late = parseOpeningHours('10:00-02:00')!;
    expect(mayInstallUpdate(at('2026-12-07T23:30:00+08:00'), late, shanghai)).toBe(false);
    expect(mayInstallUpdate(at('2026-12-08T01:59:59+08:00'), late, shanghai)).toBe(false);
    expect(mayInstallUpdate(at('2026-12-08T02:00:00+08:00'), late, shanghai)).toBe(true);
    expect(mayInstallUpdate(at('2026-12-08T09:59:59+08:00'), late, shanghai)).toBe(true);
  });

  it('follows daylight saving time: 08:30 in Berlin is 07:30 UTC in winter, 06:30 UTC in summer', () => {
    const berlin = TimeZone.of('Europe/Berlin');
    expect(mayInstallUpdate(at('2026-07-01T06:45:00Z'), hours, berlin)).toBe(false);
    expect(mayInstallUpdate(at('2026-12-01T06:45:00Z'), hours, berlin)).toBe(true);
  });
});
