/**
 * The feeds' defaults and limits. The `"feed"` of `playlists/queue.json` itself (FeedConfig and its
 * kinds, each field documented) is typed in electron/contract/feed-config.ts.
 */
export const FEED_DEFAULTS = {
  delayedAfterSeconds: 10,
  timeoutSeconds: 10,
  intervalSeconds: 2,
  /** A poll interval below this would hammer the queue system for no visible gain. */
  minIntervalSeconds: 0.05,
} as const;

/** A response body or stream event over this is a misconfigured URL, not a queue. */
export const MAX_BODY_BYTES = 5 * 1024 * 1024;
export { MAX_EVENTS_PER_MESSAGE } from '../../domain/vendor-mapping/limits.js';
