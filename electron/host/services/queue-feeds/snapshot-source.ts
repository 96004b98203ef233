/**
 * Fetches the queue state from `snapshotUrl`: the step after every (re)connect and on resync that
 * makes the board right again after an outage, before any live event is shown.
 */
import type { FeedDeps } from './feed.js';
import { feedLabel } from './feed-label.js';
import { fetchJson } from './http-json.js';
import type { FeedProblem, MessageIntake } from './message-intake.js';
import type { PullFeedSettings } from './pull-feed-settings.js';
import { mapSnapshot, type SnapshotEvent } from '../../domain/vendor-mapping/snapshot-mapping.js';

export type FetchedSnapshot = { ok: true; event: SnapshotEvent } | { ok: false; problem: FeedProblem };

export type SnapshotSource = (signal: AbortSignal) => Promise<FetchedSnapshot>;

/** Null when the hall configured no `snapshotUrl`. */
export function snapshotSource(settings: PullFeedSettings, intake: MessageIntake, deps: FeedDeps): SnapshotSource | null {
  const url = settings.snapshotUrl;
  if (url === null) return null;
  const label = feedLabel('snapshot', url);
  return async (signal) => {
    const fetched = await fetchJson({ url, label, headers: settings.headers, timeoutMs: settings.timeoutMs, signal }, deps);
    if (!fetched.ok) return fetched;
    const mapped = mapSnapshot(fetched.value, settings.mapping, deps.clock.now());
    if (!mapped.ok) return { ok: false, problem: { key: mapped.error, message: `${label}: ${mapped.error}` } };
    return { ok: true, event: intake.numberSnapshot(mapped.event) };
  };
}
