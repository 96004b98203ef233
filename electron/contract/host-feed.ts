/**
 * What a display hears from its host, kept the same way by both bridges: every state, queue board
 * and announce message goes to its listeners; a late listener starts from the latest state and
 * board, never from a past announcement.
 */
import type { DisplayMessages, DisplayState, ToDisplay } from './messages.js';
import { replayingListeners, type Listeners } from './replaying-listeners.js';

export type HostFeed = { [T in keyof DisplayMessages['toDisplay']]: Listeners<DisplayMessages['toDisplay'][T]> };

export function createHostFeed(now: () => number = Date.now): HostFeed {
  return {
    state: replayingListeners<DisplayState>('a state listener', (latest, receivedAt) => aged(latest, receivedAt, now()), now),
    queue: replayingListeners('a queue listener', (latest) => latest, now),
    // No replay: a past `play` must not be spoken again.
    announce: replayingListeners('an announce listener', null, now),
    // Replayed: a page that subscribes late must still take over for the emergency in force.
    emergency: replayingListeners('an emergency listener', (latest) => latest, now),
    // No replay: an echo is worth its round trip, and a late listener's would be long.
    clock: replayingListeners('a clock listener', null, now),
  };
}

/** Hands one message from the host to its listeners. */
export function hear(feed: HostFeed, message: ToDisplay): void {
  if (message.type === 'state') feed.state.emit(message.state);
  else if (message.type === 'queue') feed.queue.emit(message.queue);
  else if (message.type === 'emergency') feed.emergency.emit(message.emergency);
  else if (message.type === 'clock') feed.clock.emit(message.clock);
  else feed.announce.emit(message.announce);
}

/**
 * A state handed to a late subscriber: its serverTime moved on by the time it waited, since the
 * display sets its clock from serverTime when it applies a state (measured: the first state waited
 * ~0.5 s for the page's code, and the display's clock stayed that much behind until the next one).
 */
export function aged(state: DisplayState, receivedAt: number, now: number = Date.now()): DisplayState {
  return { ...state, serverTime: state.serverTime + Math.max(0, now - receivedAt) };
}
