/**
 * Day classification for schedules: weekdays, holidays and working days, including China's
 * make-up working days (调休), which fall on weekends and count as working days.
 */
import chineseDays from 'chinese-days/dist/chinese-days.json' with { type: 'json' };
import { civilFromDays, formatIsoDate, parseIsoDate, weekdayOfDays } from '../time/civil.js';
import { statutoryHolidays } from './provisional-holidays.js';
import type { CalendarDefinition, CalendarPreset } from '../../../contract/hall-config.js';

export interface DayCalendar {
  isHoliday(days: number): boolean;
  /** Mon–Fri that is not a holiday, or any listed working day (a 调休 Saturday). */
  isWorkday(days: number): boolean;
  holidayName(days: number): string | null;
  /**
   * A holiday computed from the statutory rules because the preset has no official data for its
   * year and the hall has not entered that year's notice (provisional-holidays.ts).
   */
  isProvisional(days: number): boolean;
}

interface PresetData {
  holidays: Map<number, string>;
  workdays: Map<number, string>;
}

let cnMainland: PresetData | null = null;

function presetData(preset: CalendarPreset): PresetData {
  if (preset === 'cn-mainland') {
    // Loaded once: ~770 dates, "name,中文名,days" per date.
    cnMainland ??= {
      holidays: toDayMap(chineseDays.holidays as Record<string, string>),
      workdays: toDayMap(chineseDays.workdays as Record<string, string>),
    };
    return cnMainland;
  }
  throw new Error(`unknown calendar preset "${String(preset)}"`);
}

/** The last year for which the preset lists holidays; later years are plain weeks until updated. */
export function presetLastYear(preset: CalendarPreset): number {
  const data = presetData(preset);
  let last = 0;
  for (const days of data.holidays.keys()) last = Math.max(last, days);
  return Number(formatIsoDate(last).slice(0, 4));
}

function toDayMap(source: Record<string, string>): Map<number, string> {
  const map = new Map<number, string>();
  for (const [date, label] of Object.entries(source)) {
    const days = parseIsoDate(date);
    const zh = label.split(',')[1];
    if (days !== null) map.set(days, zh ?? label);
  }
  return map;
}

function toDaySet(dates: string[] | undefined): Set<number> {
  const set = new Set<number>();
  for (const date of dates ?? []) {
    const days = parseIsoDate(date);
    if (days !== null) set.add(days);
  }
  return set;
}

export function buildCalendar(definition: CalendarDefinition): DayCalendar {
  const preset = definition.preset ? presetData(definition.preset) : null;
  const extraHolidays = toDaySet(definition.holidays);
  const extraWorkdays = toDaySet(definition.workdays);
  const notHolidays = toDaySet(definition.notHolidays);
  const lastOfficial = definition.preset ? presetLastYear(definition.preset) : Infinity;
  // A year the hall lists holidays for is one whose notice it has entered: official wins.
  const enteredYears = new Set([...extraHolidays].map((days) => civilFromDays(days).year));
  const provisional = new Map<number, Map<number, string> | null>();
  const provisionalName = (days: number): string | null => {
    const { year } = civilFromDays(days);
    if (year <= lastOfficial || enteredYears.has(year)) return null;
    if (!provisional.has(year)) provisional.set(year, statutoryHolidays(year));
    return provisional.get(year)?.get(days) ?? null;
  };

  const presetName = (days: number): string | null => preset?.holidays.get(days) ?? (preset ? provisionalName(days) : null);
  const isHoliday = (days: number): boolean => extraHolidays.has(days) || (!notHolidays.has(days) && presetName(days) !== null);
  return {
    isHoliday,
    isWorkday(days) {
      if (extraWorkdays.has(days) || (preset?.workdays.has(days) && !extraHolidays.has(days))) return true;
      if (isHoliday(days)) return false;
      const weekday = weekdayOfDays(days);
      return weekday >= 1 && weekday <= 5;
    },
    holidayName(days) {
      if (!isHoliday(days)) return null;
      return presetName(days) ?? 'holiday';
    },
    isProvisional(days) {
      return !extraHolidays.has(days) && !notHolidays.has(days) && preset !== null && provisionalName(days) !== null;
    },
  };
}

/**
 * Years from `fromDays` to `toDays` (inclusive) whose holidays `definition` would compute rather
 * than know: a preset without that year's data, and no holidays of that year entered by the hall.
 */
export function provisionalYears(definition: CalendarDefinition, fromDays: number, toDays: number): number[] {
  if (!definition.preset) return [];
  const last = presetLastYear(definition.preset);
  const entered = new Set((definition.holidays ?? []).map((date) => Number(date.slice(0, 4))));
  const years: number[] = [];
  for (let year = civilFromDays(fromDays).year; year <= civilFromDays(toDays).year; year++) {
    if (year > last && !entered.has(year)) years.push(year);
  }
  return years;
}

/** The plain Mon–Fri week, used when a schedule names no calendar. */
export const PLAIN_WEEK: DayCalendar = buildCalendar({});
