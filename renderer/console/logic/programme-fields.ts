/**
 * The JSON Pointers the programme editor has a field for, so the validator's findings land at
 * the right input (a finding deeper than these goes to the item card, `/items/N`).
 */
import type { Programme, ProgrammeItem } from '../api/playlist-types.js';

export function itemFields(item: ProgrammeItem): string[] {
  switch (item.type) {
    case 'video':
      return ['src', 'in', 'out', 'volume', 'muted'];
    case 'image':
      return ['src', 'duration'];
    case 'text':
      return ['duration', 'title', 'title/zh-CN', 'title/en', 'body', 'body/zh-CN', 'body/en', 'background', 'color'];
    default:
      return [];
  }
}

export function programmeFields(programme: Programme): string[] {
  const fields = ['', '/title', '/title/zh-CN', '/title/en', '/order', '/volume', '/layout', '/items'];
  (programme.items ?? []).forEach((item, i) => {
    fields.push(`/items/${i}`);
    for (const name of itemFields(item)) fields.push(`/items/${i}/${name}`);
  });
  return fields;
}

/** The media URL the player serves a playlist path at (each segment escaped). */
export function mediaUrl(path: string): string {
  return '/media/' + path.split('/').map(encodeURIComponent).join('/');
}
