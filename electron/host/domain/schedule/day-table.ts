/**
 * Facts about each local day of a timeline window, computed once and shared by every entry: the
 * civil date, the weekday, and the zone's offset when no transition is near (so most wall times
 * become instants by one subtraction instead of a zone lookup).
 */
import { civilFromDays, SECONDS_PER_DAY, weekdayOfDays } from '../time/civil.js';
import type { TimeZone } from '../time/time-zone.js';
import type { DayCalendar } from './calendar.js';
import type { DayRule } from './day-rule.js';

const HOLIDAY = 1;
const WORKDAY = 2;

export interface DayInfo {
  /** Days since 1970-01-01 (local). */
  days: number;
  year: number;
  month: number;
  day: number;
  /** 0 = Sunday. */
  weekday: number;
}

export function dayInfo(days: number): DayInfo {
  return { days, ...civilFromDays(days), weekday: weekdayOfDays(days) };
}

export class DayTable {
  private readonly infos: DayInfo[] = [];
  private readonly offsets: Float64Array;
  private readonly weekdays: Uint8Array;
  private readonly calendarFlags = new Map<DayCalendar, Uint8Array>();
  private readonly allowed: Uint8Array;

  constructor(
    private readonly zone: TimeZone,
    readonly first: number,
    readonly last: number,
  ) {
    this.offsets = new Float64Array(last - first + 1);
    this.weekdays = new Uint8Array(last - first + 1);
    this.allowed = new Uint8Array(last - first + 1);
    for (let days = first; days <= last; days++) {
      const info = dayInfo(days);
      this.infos.push(info);
      this.weekdays[days - first] = info.weekday;
      // Wall times of a day and the next (an "until" can end tomorrow) lie within this span.
      const from = (days - 1) * SECONDS_PER_DAY;
      const to = (days + 3) * SECONDS_PER_DAY;
      const transition = zone.nextTransitionAfter(from);
      this.offsets[days - first] = transition === null || transition > to ? zone.offsetAt(from) : Number.NaN;
    }
  }

  /**
   * For each day of the table (index = days − first): may the rule's entry start then? The array is
   * reused by the next call (a timeline asks once per entry, 1,000 small buffers per sweep otherwise).
   */
  startDays(rule: DayRule): Uint8Array {
    const size = this.last - this.first + 1;
    const allowed = this.allowed;
    allowed.fill(0);
    const lo = rule.from === null ? 0 : Math.max(0, rule.from - this.first);
    const hi = rule.to === null ? size - 1 : Math.min(size - 1, rule.to - this.first);
    const flags = rule.workday || rule.restday || rule.holiday ? this.flagsOf(rule.calendar) : null;
    for (let i = lo; i <= hi; i++) {
      const f = flags ? flags[i]! : 0;
      allowed[i] =
        rule.any ||
        (rule.weekdays & (1 << this.weekdays[i]!)) !== 0 ||
        (rule.holiday && (f & HOLIDAY) !== 0) ||
        (rule.workday && (f & WORKDAY) !== 0) ||
        (rule.restday && (f & WORKDAY) === 0)
          ? 1
          : 0;
    }
    for (const days of rule.except) if (days >= this.first && days <= this.last) allowed[days - this.first] = 0;
    return allowed;
  }

  private flagsOf(calendar: DayCalendar): Uint8Array {
    let flags = this.calendarFlags.get(calendar);
    if (!flags) {
      flags = new Uint8Array(this.last - this.first + 1);
      for (let days = this.first; days <= this.last; days++) {
        flags[days - this.first] = (calendar.isHoliday(days) ? HOLIDAY : 0) | (calendar.isWorkday(days) ? WORKDAY : 0);
      }
      this.calendarFlags.set(calendar, flags);
    }
    return flags;
  }

  info(days: number): DayInfo {
    return this.infos[days - this.first] ?? dayInfo(days);
  }

  /** The instant of `secondsOfDay` (0 up to two days) on local day `days`, under the zone's DST policy. */
  instantOf(days: number, secondsOfDay: number): number {
    const wall = days * SECONDS_PER_DAY + secondsOfDay;
    const offset = this.offsets[days - this.first];
    return offset === undefined || Number.isNaN(offset) ? this.zone.instantOf(wall) : wall - offset;
  }
}
