import { formatClock, formatIsoDate, SECONDS_PER_DAY } from './civil.js';
import type { TimeZone } from './time-zone.js';

/** "2026-12-01 08:30 +08:00" for an instant (epoch ms) in a zone. */
export function formatLocal(zone: TimeZone, at: number): { date: string; time: string; offset: string } {
  const t = Math.floor(at / 1000);
  const offset = zone.offsetAt(t);
  const wall = t + offset;
  const days = Math.floor(wall / SECONDS_PER_DAY);
  const sign = offset < 0 ? '-' : '+';
  const abs = Math.abs(offset);
  return {
    date: formatIsoDate(days),
    time: formatClock(wall - days * SECONDS_PER_DAY),
    offset: `${sign}${String(Math.floor(abs / 3600)).padStart(2, '0')}:${String(Math.floor((abs % 3600) / 60)).padStart(2, '0')}`,
  };
}

/** "2026-12-07 12:30:00 +08:00": an instant (epoch ms) as the hall's clock shows it, for people reading logs. */
export function formatLocalStamp(zone: TimeZone, at: number): string {
  const { date, time, offset } = formatLocal(zone, at);
  return `${date} ${time.padEnd(8, ':00')} ${offset}`;
}
