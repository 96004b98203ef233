/**
 * What every pull feed (poll, SSE, WebSocket) is made of: the board's sink guarded against a feed
 * that throws, the intake that maps and numbers its messages, the snapshot it asks for after an
 * outage (when the hall gave a snapshotUrl), and its health as /api/status shows it.
 */
import type { FeedDeps, FeedSink } from './feed.js';
import { FeedHealthReporter } from './feed-health.js';
import { guardedSink } from './guarded-sink.js';
import { MessageIntake } from './message-intake.js';
import type { PullFeedSettings } from './pull-feed-settings.js';
import { snapshotSource, type SnapshotSource } from './snapshot-source.js';

export interface FeedParts {
  sink: FeedSink;
  intake: MessageIntake;
  snapshot: SnapshotSource | null;
  health: FeedHealthReporter;
}

/** `delayedAfterMs`: how long without news before the board says the feed is delayed. */
export function feedParts(settings: PullFeedSettings, sink: FeedSink, deps: FeedDeps, delayedAfterMs: number): FeedParts {
  const guarded = guardedSink(sink, settings.label);
  const intake = new MessageIntake(settings.label, settings.mapping, () => deps.clock.now());
  return {
    sink: guarded,
    intake,
    snapshot: snapshotSource(settings, intake, deps),
    health: new FeedHealthReporter(guarded, deps, delayedAfterMs, settings.label),
  };
}
