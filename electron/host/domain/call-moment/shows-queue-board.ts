import type { DisplayState } from '../../../contract/messages.js';

/** Whether the state puts the queue board on screen: a queue zone the programme does not hide. */
export function showsQueueBoard(state: Pick<DisplayState, 'layout' | 'programme'>): boolean {
  const hidden = new Set(state.programme?.hideZones ?? []);
  return state.layout.zones.some((z) => z.kind === 'queue' && !hidden.has(z.name));
}
