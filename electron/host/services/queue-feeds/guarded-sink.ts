/**
 * The sink as the feeds call it: a bug in the board's own handling of an event is logged, not
 * thrown back into a socket's event handler, where it would pass for a network failure or take
 * the player down.
 */
import type { FeedSink } from './feed.js';

export function guardedSink(sink: FeedSink, label: string): FeedSink {
  const guard = (what: string, call: () => void): void => {
    try {
      call();
    } catch (error) {
      sink.log.warn(`${label}: the board failed to take ${what}: ${error instanceof Error ? error.message : String(error)}`);
    }
  };
  return {
    events: (events) => guard('events', () => sink.events(events)),
    snapshot: (event) => guard('a snapshot', () => sink.snapshot(event)),
    health: (health) => guard('the feed health', () => sink.health(health)),
    log: sink.log,
  };
}
