/**
 * The host's one place for the queue hub across playlist reloads: a changed queue.json replaces the
 * hub (a new feed, new counters), an unchanged one keeps it and its state. Displays subscribe here
 * once and keep getting boards whichever hub makes them.
 */
import type { QueueBoardState } from '../../../contract/messages.js';
import type { QueueFile } from '../../../contract/hall-config.js';
import type { Clock, Log, Timers } from '../../ports.js';
import type { Zone } from '../../domain/time/zone.js';
import type { FeedDeps } from '../queue-feeds/feed.js';
import { createQueueHub, type QueueHub } from './queue-hub.js';

export interface QueueSlot {
  /** The hub in force; null when the hall has no queue.json. */
  hub(): QueueHub | null;
  load(file: QueueFile | null, zone: Zone): void;
  board(): QueueBoardState | null;
  subscribe(listener: (board: QueueBoardState | null) => void): () => void;
  /**
   * The wall clock stepped by `jumpedMs`. Only the built-in simulator runs on our clock: stepped
   * back it would stand still until the clock caught up (no call for an hour), so it starts again
   * at the new time, replaying the day so far as at start. Stepped forward it catches up by itself,
   * as at start; real feeds carry the queue system's own times.
   */
  clockStepped(jumpedMs: number): void;
  stop(): Promise<void>;
}

export function createQueueSlot(options: { clock: Pick<Clock, 'now'>; timers: Pick<Timers, 'after'>; log: Log; feedDeps?: Partial<FeedDeps> }): QueueSlot {
  const listeners = new Set<(board: QueueBoardState | null) => void>();
  let hub: QueueHub | null = null;
  let key = 'null';
  let unsubscribe: (() => void) | null = null;
  const tell = (board: QueueBoardState | null): void => {
    for (const l of listeners) l(board);
  };

  let zoneInForce: Zone | null = null;
  const replace = (file: QueueFile | null, zone: Zone): QueueHub | null => {
    const old = hub;
    unsubscribe?.();
    void old?.stop();
    zoneInForce = zone;
    hub = file ? createQueueHub({ file, zone, clock: options.clock, timers: options.timers, log: options.log, ...(options.feedDeps ? { feedDeps: options.feedDeps } : {}) }) : null;
    if (hub) {
      unsubscribe = hub.subscribe(tell);
      hub.start();
    } else {
      unsubscribe = null;
      tell(null);
    }
    return old;
  };

  return {
    hub: () => hub,
    load(file, zone) {
      const next = JSON.stringify([file, zone.name]);
      if (next === key) return;
      key = next;
      if (replace(file, zone)) options.log.info('queue: queue.json changed; the queue feed restarts');
    },
    clockStepped(jumpedMs) {
      if (jumpedMs >= 0 || hub?.file.feed.kind !== 'simulator' || !zoneInForce) return;
      replace(hub.file, zoneInForce);
      options.log.info('queue: the clock stepped back; the simulated hall starts again at the new time');
    },
    board: () => hub?.board() ?? null,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async stop() {
      unsubscribe?.();
      await hub?.stop();
      hub = null;
    },
  };
}
