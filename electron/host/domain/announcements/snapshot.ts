/** The queue as `GET /api/announcements` shows it: what plays, what waits in play order, what just happened. */
import type { AnnouncementSnapshot } from '../../../contract/announcements-view.js';
import { playDeadline, prune, type AnnouncementQueue } from './announcement-queue.js';
import { isHeld } from './drop-rules.js';
import { effectivePriority, playOrder } from './pending.js';

/**
 * Applies the drop rules to a copy, so an item already stale shows under `recent` with its reason
 * rather than as waiting; the real drop (and its log line) happens at the next transition.
 */
export function snapshot(queue: AnnouncementQueue, now: number): AnnouncementSnapshot {
  const { q } = prune(queue, now);
  const ctx = { now, quiet: q.settings.quiet, formatInstant: q.settings.formatInstant };
  const cur = q.current;
  return {
    at: now,
    current: cur
      ? {
          ...cur.a,
          priority: cur.priority,
          merged: cur.merged,
          held: false,
          startedAt: cur.startedAt,
          expectedEndAt: playDeadline(q, cur) - q.settings.endGraceMs,
        }
      : null,
    pending: playOrder(q.pending, now).map((p) => ({ ...p.a, priority: effectivePriority(p, now), merged: p.merged, held: isHeld(p, ctx) })),
    recent: [...q.recent],
  };
}
