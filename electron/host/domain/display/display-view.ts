/**
 * What one display of the hall is: the displays.json entry it claimed (or none), and its screen's
 * real size. From these, purely: the schedule it follows and the layout it gets.
 */
import type { DisplayConfig, LayoutsFile, Programme, ScheduleFile } from '../../../contract/hall-config.js';

export interface DisplayView {
  /** Its displays.json id; null: unassigned (no id, an unknown one, or one another display holds). */
  id: string | null;
  config: DisplayConfig | null;
  /** CSS pixels as the page reported them; null before its hello. */
  screen: { width: number; height: number } | null;
}

export const UNASSIGNED: DisplayView = { id: null, config: null, screen: null };

/**
 * The schedule a display with its own programmes follows, as one schedule file: its entries above
 * every hall entry; when none runs, its own default if it has one, else the hall's entries and
 * default. Its entries keep their ids, so proof of play names them as written.
 */
export function displaySchedule(hall: ScheduleFile, own: NonNullable<DisplayConfig['schedule']>): ScheduleFile {
  // Entry priorities are −1000..1000 (the schema), so 2001 lifts every own entry above the hall's.
  const lifted = own.entries.map((entry) => ({ ...entry, priority: (entry.priority ?? 0) + 2001 }));
  if (own.default !== undefined) return { ...hall, default: own.default, entries: lifted };
  return { ...hall, entries: [...lifted, ...hall.entries] };
}

export type Orientation = 'landscape' | 'portrait';

export function orientationOf(screen: DisplayView['screen']): Orientation | null {
  if (!screen) return null;
  return screen.height > screen.width ? 'portrait' : 'landscape';
}

/**
 * The display's layout: the one its entry names; else (`auto`, or unassigned) the programme's, or
 * the hall's default — unless that is drawn for the other orientation than the screen's, when the
 * hall's layout for the screen's orientation is taken (layouts.json `defaultPortrait`, or the first
 * of that orientation). A screen whose size is not known yet keeps the programme's.
 */
export function chooseLayout(layouts: LayoutsFile, programme: Programme | null, view: DisplayView): string {
  const own = view.config?.layout;
  if (own !== undefined && own !== 'auto' && layouts.layouts[own]) return own;
  const wanted = programme?.layout !== undefined && layouts.layouts[programme.layout] ? programme.layout : layouts.default;
  const orientation = orientationOf(view.screen);
  if (!orientation || layouts.layouts[wanted]?.orientation === orientation) return wanted;
  const preferred = orientation === 'portrait' ? layouts.defaultPortrait : layouts.default;
  if (preferred !== undefined && layouts.layouts[preferred]?.orientation === orientation) return preferred;
  const first = Object.entries(layouts.layouts).find(([, layout]) => layout.orientation === orientation);
  return first ? first[0] : wanted;
}
