import { describe, expect, it } from 'vitest';
import { UnknownTimeZoneError, TimeZone } from './time-zone.js';

const wall = (iso: string): number => Date.parse(`${iso}Z`) / 1000;
const instant = (iso: string): number => Date.parse(iso) / 1000;

describe('TimeZone.instantOf: the first instant the wall clock reads that time or later', () => {
  const newYork = TimeZone.of('America/New_York');
  const berlin = TimeZone.of('Europe/Berlin');

  it.each([
    ['ordinary time', newYork, '2026-03-07T02:30:00', '2026-03-07T07:30:00Z'],
    ['New York spring-forward gap → end of gap', newYork, '2026-03-08T02:30:00', '2026-03-08T07:00:00Z'],
    ['New York start of gap', newYork, '2026-03-08T02:00:00', '2026-03-08T07:00:00Z'],
    ['New York just before the gap', newYork, '2026-03-08T01:59:00', '2026-03-08T06:59:00Z'],
    ['New York first time after the gap', newYork, '2026-03-08T03:00:00', '2026-03-08T07:00:00Z'],
    ['New York repeated hour → first (EDT) reading', newYork, '2026-11-01T01:30:00', '2026-11-01T05:30:00Z'],
    ['New York after the repeated hour', newYork, '2026-11-01T02:00:00', '2026-11-01T07:00:00Z'],
    ['Berlin spring-forward gap', berlin, '2026-03-29T02:30:00', '2026-03-29T01:00:00Z'],
    ['Berlin repeated hour → first (CEST) reading', berlin, '2026-10-25T02:30:00', '2026-10-25T00:30:00Z'],
    ['Berlin after the repeated hour', berlin, '2026-10-25T03:00:00', '2026-10-25T02:00:00Z'],
  ])('%s', (_, zone, local, expected) => {
    expect(zone.instantOf(wall(local))).toBe(instant(expected));
  });

  it('reads offsets on both sides of a transition', () => {
    expect(newYork.offsetAt(instant('2026-03-08T06:59:59Z'))).toBe(-5 * 3600);
    expect(newYork.offsetAt(instant('2026-03-08T07:00:00Z'))).toBe(-4 * 3600);
    expect(berlin.offsetAt(instant('2026-10-25T00:59:59Z'))).toBe(2 * 3600);
    expect(berlin.offsetAt(instant('2026-10-25T01:00:00Z'))).toBe(3600);
  });

  it('handles a zone without DST and the turn of a year', () => {
    const shanghai = TimeZone.of('Asia/Shanghai');
    expect(shanghai.instantOf(wall('2027-01-01T00:00:00'))).toBe(instant('2026-12-31T16:00:00Z'));
    expect(shanghai.wallAt(instant('2026-12-31T16:00:00Z'))).toBe(wall('2027-01-01T00:00:00'));
  });

  it('refuses a zone that does not exist', () => {
    expect(() => TimeZone.of('Mars/Olympus_Mons')).toThrow(UnknownTimeZoneError);
  });
});
