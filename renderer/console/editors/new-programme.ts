/**
 * A programme created in the console exists only in its editor until the first save (a programme
 * needs at least one item to be valid): the list hands the chosen title to the editor here.
 */
import type { Programme } from '../api/playlist-types.js';
import type { Localized } from '../api/types.js';

const titles = new Map<string, Localized>();

export function startNewProgramme(id: string, title: Localized): void {
  titles.set(id, title);
}

export function freshProgramme(id: string): Programme {
  return {
    $schema: '../schema/programme.schema.json',
    title: titles.get(id) ?? { 'zh-CN': id },
    order: 'loop',
    items: [],
  };
}
