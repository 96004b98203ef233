/**
 * Where the hall's queue events come from: the `"feed"` of `playlists/queue.json`. A hall plugs in
 * its queue system by writing one of these, never code. The JSON Schema is written from these
 * types, so every field says what it means, its unit and its default. Types only: the feeds, the
 * mapping's compiler and its checks are in electron/host/services/queue-feeds/.
 */
import type { QueueEventType, SnapshotTicketState } from './queue-event.js';

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

/**
 * Declarative mapping from a vendor's queue messages to our events (electron/host/services/queue-feeds/
 * field-mapping.ts applies it; README.md there has a worked example).
 */
export interface FieldMapping {
  /**
   * Dotted path to the list of vendor events in one message ("data.items"). Absent: a message that
   * is a JSON array is a list of events, anything else is one event.
   */
  events?: string;
  /** Path to the vendor's event type ("cmd"), translated by `types`. Absent: `constants.type`. */
  type?: string;
  /**
   * Vendor type → our event type (`{ "CALL": "ticket.called" }`); `null` ignores such messages
   * (heartbeats, advertising). A vendor type not listed is an error, so new vendor messages get
   * noticed. Absent: the vendor's type value must already be one of ours.
   */
  types?: Record<string, QueueEventType | null>;
  /**
   * Path to the vendor's serial number, counting up by one per event. Absent: the player numbers
   * events as they arrive, and cannot then notice missed events or tell which events a snapshot
   * already reflects. Map it whenever the vendor has one.
   */
  seq?: string;
  /** Path to when the event happened, read as `timeFormat` says. Absent: when the player received it. */
  at?: string;
  /** Path to the ticket id ("A023"). */
  ticket?: string;
  /** Path to the counter number, a number or a string read through `counterPattern`. */
  counter?: string;
  /** Path to the ticket's service id. Absent: `constants.service`, else the ticket's letters. */
  service?: string;
  /** Path to a counter's services (`counter.opened`): a list, or a string like "A,B". */
  services?: string;
  /** Values for fields the vendor does not send, used where the field's path finds nothing. */
  constants?: MappingConstants;
  /** How the vendor writes times, for `at` and the snapshot's times. Absent: epoch ms or ISO with offset. */
  timeFormat?: VendorTimeFormat;
  /** The UTC offset of local times ("+08:00"); required with `timeFormat: "local"`. */
  timezone?: string;
  /**
   * A regular expression whose first group is the counter number, for counters sent as text
   * ("窗口5" with "(\\d+)"). Absent: digits only ("05").
   */
  counterPattern?: string;
  /** How to read the vendor's full queue state (the `snapshotUrl` answer, or a snapshot in the stream). */
  snapshot?: SnapshotMapping;
  /** Part name → vendor path, for a ticket sent in pieces (`{ "prefix": "letter", "number": "no" }`); needs `ticketFormat`. */
  ticketParts?: Record<string, string>;
  /** How the parts make a ticket: `"{prefix}{number:03}"` ("A", 23 → "A023"); literal text is kept. Replaces `ticket`. */
  ticketFormat?: string;
  /** Rewrites the ticket text: `{ "pattern": "^([A-Z]) *(\\d+)$", "replacement": "{1}{2:03}" }` ("A 23" → "A023"). */
  ticketRewrite?: TicketRewrite;
  /**
   * Ticket values that mean "nothing called yet": an event carrying one is ignored quietly, a
   * snapshot's counter serving one serves nobody. Absent: "", "-" … "----", "暂无", "无", "null",
   * "none", "N/A" (and null).
   */
  placeholders?: string[];
  /**
   * A call opens its counter (with its configured services) if the board had it closed. Absent: on
   * exactly when the mapping never produces `counter.opened`, as call-only queue systems do.
   */
  openCountersOnCall?: boolean;
}

export interface MappingConstants {
  type?: QueueEventType;
  counter?: number;
  service?: string;
  services?: string[];
}

export interface SnapshotMapping {
  /** Path to the serial number of the last event the state reflects. Required when `mapping.seq` is set. */
  seq?: string;
  /** Path to when the state was taken. Absent: when the player received it. */
  at?: string;
  /** Path to the list of counters. Absent: the state lists no counters. */
  counters?: string;
  /** Paths inside each counter of that list. */
  counter?: SnapshotCounterPaths;
  /** Path to the list of today's tickets (at least those waiting or being served). Absent: none. */
  tickets?: string;
  /** Paths inside each ticket of that list. */
  ticket?: SnapshotTicketPaths;
  /** Vendor ticket state → ours (`{ "0": "waiting", "1": "called" }`). Absent: the vendor's values are ours. */
  states?: Record<string, SnapshotTicketState>;
}

export interface SnapshotCounterPaths {
  /** The counter number, read like `mapping.counter`. @default "counter" */
  counter?: string;
  /** Whether it is open: true/false, 1/0, "1"/"0", "true"/"false"; nothing there means open. @default "open" */
  open?: string;
  /** The ticket being served there; nothing, null or "" means none. @default "serving" */
  serving?: string;
  /** The services it calls, a list or a string like "A,B"; nothing there means its configured ones. @default "services" */
  services?: string;
}

export interface SnapshotTicketPaths {
  /** @default "ticket" */
  ticket?: string;
  /** Nothing there: the ticket's letters. @default "service" */
  service?: string;
  /** Translated by `states`; nothing there means waiting. @default "state" */
  state?: string;
  /** When it was issued, read as `mapping.timeFormat`; nothing there means the snapshot's time. @default "issuedAt" */
  issuedAt?: string;
  /** @default "calledAt" */
  calledAt?: string;
  /** The counter that called it, read like `mapping.counter`. @default "counter" */
  counter?: string;
}

/**
 * How a vendor writes times. Absent: numbers are epoch milliseconds and strings ISO-8601 with offset.
 * "epoch-seconds" / "epoch-ms" also accept numeric strings; "local" needs `timezone`.
 */
export type VendorTimeFormat = 'epoch-ms' | 'epoch-seconds' | 'iso' | 'local';

/** `{ "pattern": "^([A-Z]) *(\\d+)$", "replacement": "{1}{2:03}" }`: groups go into a format. */
export interface TicketRewrite {
  pattern: string;
  replacement: string;
}
