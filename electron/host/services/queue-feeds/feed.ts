/**
 * The one contract between a queue feed and the player: a feed pulls from the hall's queue system
 * and hands the player events, snapshots and its health through a sink. Time, timers, randomness
 * and HTTP are injected, so tests can run a feed against local servers with short delays.
 */
import type { QueueEvent } from '../../domain/queue/events.js';
import { type BackoffPolicy, DEFAULT_BACKOFF } from './reconnect-backoff.js';
import type { SnapshotEvent } from '../../domain/vendor-mapping/snapshot-mapping.js';
import { systemClock, type Clock, type Log, type Timers } from '../../ports.js';
import { systemTimers } from '../time/wall-timers.js';

export type { SnapshotEvent } from '../../domain/vendor-mapping/snapshot-mapping.js';

/**
 * "connecting": started, never up yet. "up": events can flow. "delayed": up, but nothing at all
 * was heard for `delayedAfterSeconds`, so the board should say its numbers may be old. "down": the
 * last attempt failed, or the queue system sends what cannot be read; `reason` says which.
 */
export type FeedHealthState = 'connecting' | 'up' | 'delayed' | 'down';

export interface FeedHealth {
  state: FeedHealthState;
  /** When this state began (epoch ms): "down since 10:02" survives retries. */
  since: number;
  /** When the feed last delivered an event or snapshot (epoch ms); null before the first. */
  lastEventAt: number | null;
  /** Why the feed is down or delayed, in words for the hall's technician, naming the URL and the fix. */
  reason?: string;
}

export interface FeedSink {
  /** Live events, in the order the queue system sent them. */
  events(events: QueueEvent[]): void;
  /** The whole queue state; always before the live events that follow a (re)connect or resync. */
  snapshot(event: SnapshotEvent): void;
  /** Called when the health changes, not on every event. */
  health(health: FeedHealth): void;
  log: Log;
}

export interface QueueFeed {
  start(): void;
  /** Closes sockets, aborts requests and cancels timers; resolves when all are gone. */
  stop(): Promise<void>;
  /** Ask for a fresh snapshot (the model saw a seq gap). Without `snapshotUrl`, only logged. */
  resync(): void;
}

/** A feed's time: how long something lasted is read on the monotonic clock, so a stepped wall clock does not make a feed look silent or alive. */
export interface FeedTime {
  clock: Clock;
  timers: Pick<Timers, 'after'>;
}

export interface FeedDeps extends FeedTime {
  /** In [0, 1), for reconnect jitter. */
  random(): number;
  fetch: typeof fetch;
  backoff: BackoffPolicy;
}

export const systemFeedDeps: FeedDeps = {
  clock: systemClock,
  timers: systemTimers,
  random: () => Math.random(),
  fetch: (input, init) => fetch(input, init),
  backoff: DEFAULT_BACKOFF,
};

/**
 * Hands a message's events to the sink in order: a snapshot in the middle of a stream replaces
 * the state, so events before it go first and events after it follow it.
 */
export function deliverInOrder(sink: FeedSink, events: readonly QueueEvent[]): void {
  let run: QueueEvent[] = [];
  for (const event of events) {
    if (event.type !== 'snapshot') {
      run.push(event);
      continue;
    }
    if (run.length > 0) sink.events(run);
    run = [];
    sink.snapshot(event);
  }
  if (run.length > 0) sink.events(run);
}
