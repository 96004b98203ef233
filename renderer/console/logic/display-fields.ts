/** displays.json for its editor: the fields a finding can point at, new ids, naming a display that connected unassigned. Pure. */
import type { DisplayConfig, DisplaysFile } from '../api/playlist-types.js';
import { isDisplayId } from '../../../electron/contract/display-id.js';
import { pointerOf } from './diagnostic-places.js';

const FIELDS = ['name', 'name/zh-CN', 'name/en', 'area', 'layout', 'hideZones', 'pa', 'counter', 'viewingDistanceMetres', 'schedule', 'schedule/default'];

export function displayFields(file: DisplaysFile): string[] {
  const fields = ['', '/displays'];
  for (const id of Object.keys(file.displays)) {
    const at = pointerOf(['displays', id]);
    fields.push(at, ...FIELDS.map((f) => `${at}/${f}`));
  }
  return fields;
}

/** "display-N", or for a counter screen "counter-N", not taken yet. */
export function freshDisplayId(file: DisplaysFile, prefix = 'display'): string {
  let n = 1;
  while (Object.hasOwn(file.displays, `${prefix}-${n}`)) n++;
  return `${prefix}-${n}`;
}

/**
 * The file with an entry for a display that connected unassigned: under the id its page asked for
 * when that is a valid id not in the file, else under a fresh one (the page's URL must then be
 * changed to it, which the console says).
 */
export function nameDisplay(file: DisplaysFile, requested: string | null): { file: DisplaysFile; id: string } {
  const id = requested !== null && isDisplayId(requested) && !Object.hasOwn(file.displays, requested) ? requested : freshDisplayId(file);
  const entry: DisplayConfig = { name: { 'zh-CN': id }, area: 'waiting', layout: 'auto' };
  return { file: { ...file, displays: { ...file.displays, [id]: entry } }, id };
}

/** Renames a display, keeping its place in the file (the order decides which standby speaks first). */
export function renameDisplay(file: DisplaysFile, from: string, to: string): DisplaysFile {
  if (from === to || Object.hasOwn(file.displays, to)) return file;
  return { ...file, displays: Object.fromEntries(Object.entries(file.displays).map(([id, d]) => [id === from ? to : id, d])) };
}
