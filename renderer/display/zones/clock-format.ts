/** The clock's text for an instant in the hall's time zone: Chinese first, English below. */
import { HALL_TIME_ZONE } from '../../../electron/contract/hall-defaults.js';

export interface ClockText {
  /** "12月1日 星期二" */
  date: string;
  /** "10:17" */
  time: string;
  /** "Tue 1 Dec" */
  english: string;
}

const cache = new Map<string, { date: Intl.DateTimeFormat; weekday: Intl.DateTimeFormat; time: Intl.DateTimeFormat; en: Intl.DateTimeFormat }>();

function formatters(timeZone: string) {
  let f = cache.get(timeZone);
  if (!f) {
    f = {
      // Parts, not the formatted string: ICU builds differ ("12月1日" vs "12/1") for the same options.
      date: new Intl.DateTimeFormat('en-GB', { timeZone, month: 'numeric', day: 'numeric' }),
      weekday: new Intl.DateTimeFormat('zh-CN', { timeZone, weekday: 'long' }),
      time: new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }),
      en: new Intl.DateTimeFormat('en-GB', { timeZone, weekday: 'short', day: 'numeric', month: 'short' }),
    };
    cache.set(timeZone, f);
  }
  return f;
}

export function clockText(epochMs: number, timeZone: string): ClockText {
  let f;
  try {
    f = formatters(timeZone);
  } catch {
    // An unknown zone name must not blank the clock; Beijing time is every hall's default.
    f = formatters(HALL_TIME_ZONE);
  }
  const d = new Date(epochMs);
  return {
    date: `${part(f.date, d, 'month')}月${part(f.date, d, 'day')}日 ${f.weekday.format(d)}`,
    time: f.time.format(d),
    english: f.en.format(d).replace(',', ''),
  };
}

function part(f: Intl.DateTimeFormat, d: Date, type: Intl.DateTimeFormatPartTypes): string {
  return String(Number(f.formatToParts(d).find((p) => p.type === type)?.value ?? ''));
}
