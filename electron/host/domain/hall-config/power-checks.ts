/**
 * displays.json's power windows beyond their schema: a window that is empty or starts at the end of
 * the day (the screens would never wake in it), a calendar that exists, and a holiday token that
 * has a calendar to find holidays in.
 */
import type { Diagnostic } from '../../../contract/diagnostic.js';
import type { DisplaysFile, PowerConfig } from '../../../contract/hall-config.js';
import { parseClock } from '../time/civil.js';
import type { JsonPath, JsonSource } from './source.js';
import { unknownName, type EntryContext } from './schedule-checks.js';

export function checkPower(source: JsonSource, file: DisplaysFile, context: EntryContext, out: Diagnostic[]): void {
  if (file.power) checkWindows(source, ['power'], file.power, context, out);
  for (const [id, display] of Object.entries(file.displays)) {
    if (display.power) checkWindows(source, ['displays', id, 'power'], display.power, context, out);
    if (display.power && display.alwaysOn) {
      out.push(source.at(['displays', id, 'power'], 'warning', `"${id}" is "alwaysOn", so its power windows are never used: remove one of the two`));
    }
  }
}

function checkWindows(source: JsonSource, base: JsonPath, power: PowerConfig, context: EntryContext, out: Diagnostic[]): void {
  const { calendarNames } = context;
  if (power.calendar !== undefined && !calendarNames.includes(power.calendar)) {
    const fix = calendarNames.length > 0 ? `calendars.json defines: ${calendarNames.join(', ')}` : 'define it in calendars.json';
    out.push(source.at([...base, 'calendar'], 'error', unknownName('calendar', power.calendar, calendarNames, fix)));
  }
  const calendar = power.calendar ?? context.calendar;
  power.windows.forEach((window, i) => {
    const at = (...rest: JsonPath): JsonPath => [...base, 'windows', i, ...rest];
    const from = parseClock(window.from);
    const to = parseClock(window.to);
    if (from === 24 * 3600) {
      out.push(source.at(at('from'), 'error', 'a window cannot start at 24:00, the end of the day: write "00:00" (and the days it opens on)'));
    } else if (from !== null && to !== null && from === to) {
      out.push(source.at(at(), 'error', `the window from ${window.from} to ${window.to} is empty: a whole day is "00:00" to "24:00", a night "22:00" to "06:00"`));
    }
    if (calendar === undefined && window.days?.includes('holiday')) {
      out.push(source.at(at('days'), 'warning', '"holiday" needs a calendar: set "calendar" on the power windows or schedule.json, or no day will count as a holiday'));
    }
  });
}
