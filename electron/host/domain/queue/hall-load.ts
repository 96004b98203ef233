/** The queue state reduced to what the estimator needs, so the estimator never depends on the model. */
import type { HallLoad } from './estimator.js';
import type { QueueState } from './queue-state.js';

export function hallLoad(state: QueueState): HallLoad {
  const waiting: Record<string, number> = {};
  for (const t of state.tickets.values()) {
    if (t.status === 'waiting') waiting[t.service] = (waiting[t.service] ?? 0) + 1;
  }
  const openCounters = [...state.counters.values()].filter((c) => c.open).map((c) => ({ id: c.id, services: c.services, busy: c.serving !== null }));
  return { waiting, openCounters };
}
