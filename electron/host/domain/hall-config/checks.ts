/**
 * Checks the schema cannot express: references between files, media on disk, cron expressions,
 * time zones, and schedules that cannot happen. Each finding names the value and the fix.
 */
import { civilFromDays } from '../time/civil.js';
import { presetLastYear } from '../schedule/calendar.js';
import { checkAnnouncements } from './announcement-checks.js';
import { checkDate, checkDateRange } from './date-checks.js';
import type { Diagnostic } from '../../../contract/diagnostic.js';
import { checkMediaFile, type AssetsFolder } from './media-check.js';
import type { JsonSource } from './source.js';
import { checkQueue } from './queue-checks.js';
import { checkDisplays } from './display-checks.js';
import { checkSchedule, unknownName } from './schedule-checks.js';
import type { AnnouncementsFile, CalendarPreset, CalendarsFile, DisplaysFile, LayoutsFile, Programme, QueueFile, ScheduleFile, TickerFile } from '../../../contract/hall-config.js';

export interface CheckInput {
  schedule: { source: JsonSource; value: ScheduleFile } | null;
  layouts: { source: JsonSource; value: LayoutsFile } | null;
  ticker: { source: JsonSource; value: TickerFile } | null;
  calendars: { source: JsonSource; value: CalendarsFile } | null;
  queue: { source: JsonSource; value: QueueFile } | null;
  /** queue.json is in the folder, even if it has errors (then `queue` is null). */
  queueFileExists: boolean;
  announcements: { source: JsonSource; value: AnnouncementsFile } | null;
  displays: { source: JsonSource; value: DisplaysFile } | null;
  programmes: { source: JsonSource; value: Omit<Programme, 'id'>; id: string }[];
  /** Every programme id with a file, even one whose file has errors, so references still resolve. */
  programmeIds: string[];
  /** The hall's assets folder: its name in messages and how a media path is looked up in it. */
  assets: AssetsFolder;
  /** Today (days since 1970-01-01), for warnings about calendar data running out. */
  today: number;
}

export function checkReferences(input: CheckInput, out: Diagnostic[]): void {
  const calendarNames = Object.keys(input.calendars?.value.calendars ?? {});
  if (input.schedule) checkSchedule(input.schedule.source, input.schedule.value, input.programmeIds, calendarNames, out);
  if (input.layouts) checkLayouts(input.layouts.source, input.layouts.value, out);
  for (const programme of input.programmes) checkProgramme(programme.source, programme.value, input, out);
  if (input.ticker) {
    input.ticker.value.notices.forEach((notice, i) =>
      checkDateRange(input.ticker!.source, ['notices', i], notice.validFrom, notice.validTo, out),
    );
  }
  if (input.queue) checkQueue(input.queue.source, input.queue.value, out);
  if (input.announcements) {
    checkAnnouncements(
      input.announcements.source,
      input.announcements.value,
      {
        services: input.queue ? input.queue.value.services.map((s) => s.id) : input.queueFileExists ? 'unknown' : 'no-queue-file',
        assets: input.assets,
        // Unknown while schedule.json has errors: assume a calendar rather than warn twice.
        hasCalendar: input.schedule ? input.schedule.value.calendar !== undefined : true,
      },
      out,
    );
  }
  if (input.displays) {
    checkDisplays(
      input.displays.source,
      input.displays.value,
      { programmeIds: input.programmeIds, calendarNames, calendar: input.schedule?.value.calendar, layouts: input.layouts?.value ?? null },
      out,
    );
  }
  if (input.calendars) {
    for (const [name, calendar] of Object.entries(input.calendars.value.calendars)) {
      if (calendar.preset) checkPresetCoverage(input.calendars.source, name, calendar.preset, calendar.holidays ?? [], input.today, out);
      for (const key of ['holidays', 'workdays', 'notHolidays'] as const) {
        calendar[key]?.forEach((date, i) => checkDate(input.calendars!.source, ['calendars', name, key, i], date, out));
      }
    }
  }
}

/**
 * Holiday data is published a year at a time (China's for the next year in about November): warn
 * before the preset runs out, unless the hall has listed that year's holidays itself.
 */
function checkPresetCoverage(source: JsonSource, name: string, preset: CalendarPreset, holidays: string[], today: number, out: Diagnostic[]): void {
  const last = presetLastYear(preset);
  const { year, month } = civilFromDays(today);
  const needed = month >= 11 ? year + 1 : year;
  if (needed <= last || holidays.some((date) => date.startsWith(`${needed}-`))) return;
  out.push(
    source.at(
      ['calendars', name, 'preset'],
      'warning',
      `preset "${preset}" lists holidays only up to ${last}: ${needed}'s statutory days off are computed (provisional) and its make-up working days (调休) unknown — add ${needed}'s holidays and make-up working days from the State Council's notice to "holidays" and "workdays", or update hallcast`,
    ),
  );
}

function checkLayouts(source: JsonSource, file: LayoutsFile, out: Diagnostic[]): void {
  const names = Object.keys(file.layouts);
  if (!names.includes(file.default)) {
    out.push(source.at(['default'], 'error', unknownName('layout', file.default, names, `"layouts" defines: ${names.join(', ')}`)));
  }
  if (file.defaultPortrait !== undefined) {
    const portrait = file.layouts[file.defaultPortrait];
    if (!portrait) out.push(source.at(['defaultPortrait'], 'error', unknownName('layout', file.defaultPortrait, names, `"layouts" defines: ${names.join(', ')}`)));
    else if (portrait.orientation !== 'portrait') {
      out.push(source.at(['defaultPortrait'], 'error', `layout "${file.defaultPortrait}" is drawn for landscape screens: name a layout with "orientation": "portrait"`));
    }
  }
  for (const [name, layout] of Object.entries(file.layouts)) {
    const programmeZones = Object.entries(layout.zones).filter(([, zone]) => zone.kind === 'programme');
    if (programmeZones.length !== 1) {
      out.push(
        source.at(['layouts', name, 'zones'], 'error', `layout "${name}" has ${programmeZones.length} zones of kind "programme": it needs exactly one, where programmes play`),
      );
    }
    for (const [zoneName, zone] of Object.entries(layout.zones)) {
      for (const [pos, size, axis] of [['x', 'w', 'width'], ['y', 'h', 'height']] as const) {
        if (zone[pos] + zone[size] > 1.0001) {
          out.push(
            source.at(['layouts', name, 'zones', zoneName, size], 'error', `zone "${zoneName}" runs off the screen (${pos} + ${size} = ${+(zone[pos] + zone[size]).toFixed(4)} > 1): reduce its ${axis} or move it`),
          );
        }
      }
    }
  }
}

function checkProgramme(source: JsonSource, programme: Omit<Programme, 'id'>, input: CheckInput, out: Diagnostic[]): void {
  const layouts = input.layouts?.value;
  const layoutNames = Object.keys(layouts?.layouts ?? {});
  const layoutName = programme.layout ?? layouts?.default;
  if (programme.layout !== undefined && layouts && !layoutNames.includes(programme.layout)) {
    out.push(source.at(['layout'], 'error', unknownName('layout', programme.layout, layoutNames, `layouts.json defines: ${layoutNames.join(', ')}`)));
  }
  const zones = layoutName === undefined ? undefined : layouts?.layouts[layoutName]?.zones;
  if (zones) {
    const zoneNames = Object.keys(zones);
    programme.hideZones?.forEach((zone, i) => {
      if (!zoneNames.includes(zone)) {
        out.push(source.at(['hideZones', i], 'error', unknownName('zone', zone, zoneNames, `layout "${layoutName}" has: ${zoneNames.join(', ')}`)));
      } else if (zones[zone]!.kind === 'programme') {
        out.push(source.at(['hideZones', i], 'error', `zone "${zone}" is where the programme plays and cannot be hidden: remove it from hideZones`));
      }
    });
  }
  programme.items.forEach((item, i) => {
    if (item.type === 'text') return;
    checkMediaFile(source, ['items', i, 'src'], item.src, item.type, input.assets, out);
    if (item.type === 'video' && item.in !== undefined && item.out !== undefined && item.out <= item.in) {
      out.push(source.at(['items', i, 'out'], 'error', `out (${item.out} s) is not after in (${item.in} s), so nothing would play: make out larger than in`));
    }
  });
}
