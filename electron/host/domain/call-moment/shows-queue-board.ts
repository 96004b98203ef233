import type { DisplayState } from '../../../contract/messages.js';

type ShownState = Pick<DisplayState, 'layout' | 'programme'> & { display: Pick<DisplayState['display'], 'counter'> };

/** The zone kinds the state puts on screen: those of its layout the programme does not hide. */
function shownKinds(state: Pick<DisplayState, 'layout' | 'programme'>): Set<string> {
  const hidden = new Set(state.programme?.hideZones ?? []);
  return new Set(state.layout.zones.filter((z) => !hidden.has(z.name)).map((z) => z.kind));
}

/** Whether the state puts the queue board on screen: a queue zone the programme does not hide. */
export function showsQueueBoard(state: Pick<DisplayState, 'layout' | 'programme'>): boolean {
  return shownKinds(state).has('queue');
}

/**
 * Whether a call to `counter` flashes on this display: it shows the board (every call), or it is
 * that counter's screen (a counter zone shown, and displays.json gives it that counter).
 */
export function showsCall(state: ShownState, counter: number): boolean {
  const kinds = shownKinds(state);
  return kinds.has('queue') || (kinds.has('counter') && state.display.counter === counter);
}
