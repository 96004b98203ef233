/**
 * Which power windows a display follows: `"alwaysOn": true` none, its own `"power"`, else the hall's
 * (displays.json's top-level `"power"`); none at all = always on. An unassigned display (no id, or an
 * id displays.json lacks) is a screen of the hall too and follows the hall's windows.
 */
import type { HallConfig, PowerWindow } from '../../../contract/hall-config.js';
import { buildCalendar, PLAIN_WEEK, type DayCalendar } from '../schedule/calendar.js';
import { TimeZone } from '../time/time-zone.js';

export interface PowerPlan {
  windows: PowerWindow[];
  calendar: DayCalendar;
  zone: TimeZone;
}

/** null: the display is always on. `calendars` caches a calendar per name for one configuration. */
export function powerPlanFor(config: HallConfig, id: string | null, calendars = new Map<string, DayCalendar>()): PowerPlan | null {
  const display = id === null ? undefined : config.displays?.displays[id];
  if (display?.alwaysOn) return null;
  const power = display?.power ?? config.displays?.power;
  if (!power) return null;
  // The same calendar as the schedule's day tokens unless the windows name their own.
  const name = power.calendar ?? config.schedule.calendar;
  let calendar = name === undefined ? PLAIN_WEEK : calendars.get(name);
  if (!calendar) {
    const definition = config.calendars.calendars[name!];
    calendar = definition ? buildCalendar(definition) : PLAIN_WEEK;
    calendars.set(name!, calendar);
  }
  return { windows: power.windows, calendar, zone: TimeZone.of(config.schedule.timezone) };
}
