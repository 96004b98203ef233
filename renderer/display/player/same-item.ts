import type { ItemPlan } from '../../../electron/contract/messages.js';

/** Two plans play the same thing: same key and media, same trim or duration (volume may differ). */
export function sameItem(a: ItemPlan, b: ItemPlan): boolean {
  if (a.key !== b.key || a.type !== b.type) return false;
  if (a.type === 'video' && b.type === 'video') return a.url === b.url && a.in === b.in && a.out === b.out;
  if (a.type === 'image' && b.type === 'image') return a.url === b.url && a.duration === b.duration;
  if (a.type === 'text' && b.type === 'text') return a.duration === b.duration && JSON.stringify([a.title, a.body, a.background, a.color]) === JSON.stringify([b.title, b.body, b.background, b.color]);
  return false;
}

export function sameItems(a: readonly ItemPlan[], b: readonly ItemPlan[]): boolean {
  return a.length === b.length && a.every((item, i) => sameItem(item, b[i]!));
}
