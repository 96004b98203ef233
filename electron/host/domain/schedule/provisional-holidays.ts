/**
 * China's statutory holidays for a year whose official notice is not out yet. The State Council
 * publishes each year's arrangement late in the year before, and the preset (chinese-days) knows
 * only the years published when it was released; until someone enters the notice, a hall should
 * still close or switch programmes on New Year's Day and the Spring Festival, not play the workday
 * programme. So the days the current rules fix (《全国年节及纪念日放假办法》 as revised in 2024,
 * in force from 2025) are computed — lunar dates and the Qingming solar term from chinese-days —
 * and marked provisional. The make-up working days (调休) and bridging days are decided only by the
 * notice, so they stay unknown: a provisional year has the statutory days off and ordinary weeks.
 */
import chineseDays from 'chinese-days';

// CommonJS: its functions come off the default export.
const { getSolarDateFromLunar, getSolarTerms } = chineseDays;
import { daysFromCivil, parseIsoDate } from '../time/civil.js';

/** The statutory days of `year`, by day number, with their names: 元旦, 春节 (除夕 to 初三), 清明, 劳动节 (2 days), 端午, 中秋, 国庆 (3 days). */
export function statutoryHolidays(year: number): Map<number, string> {
  const days = new Map<number, string>();
  const add = (first: number, count: number, name: string): void => {
    for (let i = 0; i < count; i++) days.set(first + i, name);
  };
  const lunar = (month: number, day: number): number => {
    const solar = parseIsoDate(getSolarDateFromLunar(`${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`).date);
    if (solar === null) throw new Error(`no solar date for lunar ${year}-${month}-${day}`);
    return solar;
  };
  add(daysFromCivil(year, 1, 1), 1, '元旦');
  // 除夕 is the last day of the twelfth month, which has 29 or 30 days: the day before 正月初一.
  add(lunar(1, 1) - 1, 4, '春节');
  const qingming = getSolarTerms(`${year}-04-01`, `${year}-04-10`).find((term) => term.term === 'pure_brightness');
  if (qingming) add(parseIsoDate(qingming.date)!, 1, '清明节');
  add(daysFromCivil(year, 5, 1), 2, '劳动节');
  add(lunar(5, 5), 1, '端午节');
  add(lunar(8, 15), 1, '中秋节');
  add(daysFromCivil(year, 10, 1), 3, '国庆节');
  return days;
}
