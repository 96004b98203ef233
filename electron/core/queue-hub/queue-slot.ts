/**
 * The host's one place for the queue hub across playlist reloads: a changed queue.json replaces the
 * hub (a new feed, new counters), an unchanged one keeps it and its state. Displays subscribe here
 * once and keep getting boards whichever hub makes them.
 */
import type { QueueBoardState } from '../../contract.js';
import type { QueueFile } from '../playlists/types.js';
import type { Log } from '../scheduler/ports.js';
import type { Zone } from '../time/zone.js';
import type { FeedDeps } from '../queue-feeds/feed.js';
import { createQueueHub, type QueueClock, type QueueHub } from './queue-hub.js';

export interface QueueSlot {
  /** The hub in force; null when the hall has no queue.json. */
  hub(): QueueHub | null;
  load(file: QueueFile | null, zone: Zone): void;
  board(): QueueBoardState | null;
  subscribe(listener: (board: QueueBoardState | null) => void): () => void;
  stop(): Promise<void>;
}

export function createQueueSlot(options: { clock: QueueClock; log: Log; feedDeps?: Partial<FeedDeps> }): QueueSlot {
  const listeners = new Set<(board: QueueBoardState | null) => void>();
  let hub: QueueHub | null = null;
  let key = 'null';
  let unsubscribe: (() => void) | null = null;
  const tell = (board: QueueBoardState | null): void => {
    for (const l of listeners) l(board);
  };

  return {
    hub: () => hub,
    load(file, zone) {
      const next = JSON.stringify([file, zone.name]);
      if (next === key) return;
      key = next;
      const old = hub;
      unsubscribe?.();
      void old?.stop();
      hub = file ? createQueueHub({ file, zone, clock: options.clock, log: options.log, ...(options.feedDeps ? { feedDeps: options.feedDeps } : {}) }) : null;
      if (old) options.log.info('queue: queue.json changed; the queue feed restarts');
      if (hub) {
        unsubscribe = hub.subscribe(tell);
        hub.start();
      } else {
        unsubscribe = null;
        tell(null);
      }
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
