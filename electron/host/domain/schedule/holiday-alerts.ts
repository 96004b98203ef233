/**
 * The floor staff's reminder that a year's holidays are only computed (provisional-holidays.ts):
 * raised from the moment such a year comes within `lookaheadDays`, so the State Council's notice,
 * published late in the year before, gets entered before the first holiday it moves.
 */
import type { CalendarsFile } from '../../../contract/hall-config.js';
import type { ProvisionalHolidaysAlert } from '../../../contract/status-view.js';
import { provisionalYears } from './calendar.js';

export const HOLIDAY_LOOKAHEAD_DAYS = 60;

export function provisionalHolidayAlerts(calendars: CalendarsFile | undefined, today: number, lookaheadDays = HOLIDAY_LOOKAHEAD_DAYS): ProvisionalHolidaysAlert[] {
  const alerts: ProvisionalHolidaysAlert[] = [];
  for (const [calendar, definition] of Object.entries(calendars?.calendars ?? {})) {
    for (const year of provisionalYears(definition, today, today + lookaheadDays)) {
      alerts.push({
        kind: 'provisional-holidays',
        calendar,
        year,
        message:
          `${year} holidays are provisional: enter the State Council's notice (its days off under "holidays" and make-up working days under "workdays" ` +
          `of calendar "${calendar}" in calendars.json, or the console's holiday editor); until then the statutory days are computed and 调休 days are unknown`,
      });
    }
  }
  return alerts;
}
