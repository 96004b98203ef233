/**
 * Picks the pull adapter a hall configured. The simulator and the push endpoint are not pulled
 * from anywhere, so they are started elsewhere; asking this for them is a wiring mistake.
 */
import type { FeedConfig } from '../../../contract/feed-config.js';
import { type FeedDeps, type FeedSink, type QueueFeed, systemFeedDeps } from './feed.js';
import { createPollFeed } from './poll-feed.js';
import { FeedConfigError } from './pull-feed-settings.js';
import { createSseFeed } from './sse-feed.js';
import { createWebSocketFeed } from './websocket-feed.js';

/** Throws FeedConfigError for a config it cannot run, naming every problem. Not started yet. */
export function createPullFeed(config: FeedConfig, sink: FeedSink, deps: Partial<FeedDeps> = {}): QueueFeed {
  const all: FeedDeps = { ...systemFeedDeps, ...deps };
  switch (config.kind) {
    case 'poll':
      return createPollFeed(config, sink, all);
    case 'sse':
      return createSseFeed(config, sink, all);
    case 'websocket':
      return createWebSocketFeed(config, sink, all);
    case 'simulator':
    case 'push':
      throw new FeedConfigError(`queue feed "${config.kind}" is not a pull feed: the player runs it itself, not createPullFeed`);
    default: {
      const kind = (config as { kind?: unknown }).kind;
      throw new FeedConfigError(`queue feed kind ${JSON.stringify(kind)} is unknown: use "poll", "sse" or "websocket" (or "simulator", "push")`);
    }
  }
}
