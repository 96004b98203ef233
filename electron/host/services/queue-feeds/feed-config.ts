/**
 * Where the hall's queue events come from: the `"feed"` of `playlists/queue.json`. A hall plugs in
 * its queue system by writing one of these, never code. The JSON Schema is written from these
 * types, so every field says what it means, its unit and its default.
 */
import type { FieldMapping } from './field-mapping.js';

/** Settings every feed shares. */
export interface FeedBase {
  /**
   * Seconds without any sign of life (an event, a keep-alive, a successful poll) after which the
   * board marks the feed as delayed. A pull stream silent for twice this long is treated as dead
   * and reconnected.
   * @default 10
   * @exclusiveMinimum 0
   */
  delayedAfterSeconds?: number;
}

/** The built-in simulator: a plausible hall day, for demos and testing the board. */
export interface SimulatorFeedConfig extends FeedBase {
  kind: 'simulator';
  /** Simulated seconds per real second. @default 1 */
  speed?: number;
  /** Seed of the simulator's random numbers: the same seed replays the same day. */
  seed?: number;
}

/** The queue system pushes our events to `POST /api/queue/events` on the player. */
export interface PushFeedConfig extends FeedBase {
  kind: 'push';
}

/** Settings of every feed the player pulls from the queue system (poll, SSE, WebSocket). */
export interface PullFeedBase extends FeedBase {
  /** The queue system's endpoint: http(s) for poll and sse, ws(s) for websocket. */
  url: string;
  /**
   * How to turn the queue system's JSON into our events (see README.md in electron/host/services/queue-feeds).
   * Absent: the queue system already sends our event schema.
   */
  mapping?: FieldMapping;
  /**
   * An http(s) URL answering the current queue state as JSON (our `snapshot` event, or mapped by
   * `mapping.snapshot`). Fetched on every (re)connect and whenever the board sees missing events,
   * before any live event is shown, so the board is right again after an outage.
   */
  snapshotUrl?: string;
  /** Extra HTTP headers for every request (e.g. `{ "Authorization": "Bearer …" }`). */
  headers?: Record<string, string>;
  /**
   * Seconds a request may take before it counts as failed: a poll, a snapshot, or opening a stream.
   * @default 10
   * @exclusiveMinimum 0
   */
  timeoutSeconds?: number;
}

/** Ask the queue system for news every few seconds. The fallback when it cannot push. */
export interface PollFeedConfig extends PullFeedBase {
  kind: 'poll';
  /**
   * Seconds between the end of one poll and the start of the next.
   * @default 2
   * @minimum 0.05
   */
  intervalSeconds?: number;
  /**
   * What `url` answers. "events": a list of recent events; events already seen in the previous
   * answer are not delivered again. "snapshot": the whole current state, delivered only when it
   * changed (then `snapshotUrl` is not needed and not allowed).
   * @default "events"
   */
  mode?: 'events' | 'snapshot';
}

/**
 * A stream whose messages only ring: "something changed", perhaps with an id. Each message fetches
 * `url`, whose answer is mapped like a poll's.
 */
export interface DoorbellConfig {
  /** The http(s) URL to fetch when the stream rings (the vendor's panel or state URL). */
  url: string;
  /** What `url` answers, as a poll's `mode`: recent events, or the whole state. @default "snapshot" */
  mode?: 'events' | 'snapshot';
  /**
   * Seconds between the starts of two fetches: a burst of rings makes one fetch now and one after this.
   * @default 1
   * @minimum 0.05
   */
  minIntervalSeconds?: number;
}

/** Subscribe to Server-Sent Events: one JSON message per SSE event's `data`. */
export interface SseFeedConfig extends PullFeedBase {
  kind: 'sse';
  /** The stream only rings: each message fetches `doorbell.url` instead of carrying events. */
  doorbell?: DoorbellConfig;
  /**
   * SSE event names (the `event:` field) that carry queue messages. Events with other names only
   * count as keep-alives. Absent: every event carries a message.
   */
  eventNames?: string[];
}

/** Subscribe to a WebSocket: one JSON message per text frame. */
export interface WebSocketFeedConfig extends PullFeedBase {
  kind: 'websocket';
  /** Sent once after every (re)connect: a string as is, anything else as JSON. */
  subscribe?: unknown;
  /** The socket only rings: each message fetches `doorbell.url` instead of carrying events. */
  doorbell?: DoorbellConfig;
}

export type PullFeedConfig = PollFeedConfig | SseFeedConfig | WebSocketFeedConfig;

export type FeedConfig = SimulatorFeedConfig | PushFeedConfig | PullFeedConfig;

export const FEED_DEFAULTS = {
  delayedAfterSeconds: 10,
  timeoutSeconds: 10,
  intervalSeconds: 2,
  /** A poll interval below this would hammer the queue system for no visible gain. */
  minIntervalSeconds: 0.05,
} as const;

/** A response body or stream event over this is a misconfigured URL, not a queue. */
export const MAX_BODY_BYTES = 5 * 1024 * 1024;
/** Events per message: a real hall issues a few thousand tickets a day. */
export const MAX_EVENTS_PER_MESSAGE = 10_000;
