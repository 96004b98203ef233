/**
 * playlists/queue.json turned into what the queue core runs on, with the file's defaults filled in.
 */
import { DEFAULT_ESTIMATOR_CONFIG, type QueueConfig } from '../../domain/queue/config.js';
import type { QueueFile } from '../../../contract/hall-config.js';
import { compileFieldMapping } from '../../domain/vendor-mapping/field-mapping.js';

export const QUEUE_DEFAULTS = { recentCalls: 8, callMaxAgeSeconds: 120, overdueMinutes: 45, reorderWindowMs: 500 } as const;

export function queueConfigOf(file: QueueFile): QueueConfig {
  return {
    services: file.services.map((s) => ({
      id: s.id,
      name: { zh: s.name['zh-CN'], en: s.name.en ?? s.name['zh-CN'] },
      ...(s.priority ? { priority: true } : {}),
      defaultServiceSeconds: s.serviceMinutes * 60,
    })),
    counters: file.counters.map((c) => ({ id: c.id, services: [...c.services] })),
    estimator: DEFAULT_ESTIMATOR_CONFIG,
    recentCalls: file.recentCalls ?? QUEUE_DEFAULTS.recentCalls,
    reorderWindowMs: file.reorderWindowMs ?? QUEUE_DEFAULTS.reorderWindowMs,
    ...(opensCountersOnCall(file) ? { openCountersOnCall: true } : {}),
  };
}

/** A pulled feed whose mapping never produces counter.opened (or says so) opens counters by calls. */
function opensCountersOnCall(file: QueueFile): boolean {
  const feed = file.feed;
  if (feed.kind !== 'poll' && feed.kind !== 'sse' && feed.kind !== 'websocket') return false;
  if (feed.mapping === undefined) return false;
  const compiled = compileFieldMapping(feed.mapping);
  return compiled.ok && compiled.mapping.openCountersOnCall;
}
