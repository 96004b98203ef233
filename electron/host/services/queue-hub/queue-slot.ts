/**
 * The host's one place for the queue hub across playlist reloads: a changed queue.json replaces the
 * hub (a new feed, new counters), an unchanged one keeps it and its state. Displays subscribe here
 * once and keep getting boards whichever hub makes them; the PA desk likewise keeps getting calls
 * and wait estimates.
 */
import type { QueueBoardState } from '../../../contract/messages.js';
import type { QueueFile } from '../../../contract/hall-config.js';
import type { Clock, Log, Timers } from '../../ports.js';
import type { TimeZone } from '../../domain/time/time-zone.js';
import type { WaitEstimate } from '../../domain/queue/estimator.js';
import type { CallEvent } from '../../domain/queue/queue-call.js';
import type { FeedDeps } from '../queue-feeds/feed.js';
import { callKey } from './board-state.js';
import { createQueueHub, type QueueHub } from './queue-hub.js';

export interface QueueSlot {
  /** The hub in force; null when the hall has no queue.json. */
  hub(): QueueHub | null;
  load(file: QueueFile | null, zone: TimeZone): void;
  board(): QueueBoardState | null;
  subscribe(listener: (board: QueueBoardState | null) => void): () => void;
  /** Each call the hub in force applies, as it applies it (QueueHub.subscribeCalls). */
  subscribeCalls(listener: (event: CallEvent) => void): () => void;
  /** The services' waiting counts and estimates with each board; null when queue.json goes away. */
  subscribeWaits(listener: (waits: readonly WaitEstimate[] | null) => void): () => void;
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
  const callListeners = new Set<(event: CallEvent) => void>();
  const waitListeners = new Set<(waits: readonly WaitEstimate[] | null) => void>();
  let hub: QueueHub | null = null;
  let key = 'null';
  let unsubscribe: (() => void) | null = null;
  const tell = (board: QueueBoardState | null): void => {
    for (const l of listeners) l(board);
  };
  /**
   * The calls on the replaced hub's board. A new hub for the built-in simulator replays the day
   * so far, its last minutes' calls fresh as at start: those the old hub already told are not
   * told (and read out) again.
   */
  let toldBefore: ReadonlySet<string> = new Set();
  const tellCall = (event: CallEvent): void => {
    if (toldBefore.has(callKey(event.call))) return;
    for (const l of callListeners) l(event);
  };
  const tellWaits = (waits: readonly WaitEstimate[] | null): void => {
    for (const l of waitListeners) l(waits);
  };

  let zoneInForce: TimeZone | null = null;
  const replace = (file: QueueFile | null, zone: TimeZone): QueueHub | null => {
    const old = hub;
    toldBefore = new Set(old?.board().calls.map((c) => c.key));
    unsubscribe?.();
    void old?.stop();
    zoneInForce = zone;
    hub = file ? createQueueHub({ file, zone, clock: options.clock, timers: options.timers, log: options.log, ...(options.feedDeps ? { feedDeps: options.feedDeps } : {}) }) : null;
    if (hub) {
      const off = [hub.subscribe(tell), hub.subscribeCalls(tellCall), hub.subscribeWaits(tellWaits)];
      unsubscribe = () => off.forEach((o) => o());
      hub.start();
    } else {
      unsubscribe = null;
      tell(null);
      tellWaits(null);
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
    subscribeCalls(listener) {
      callListeners.add(listener);
      return () => callListeners.delete(listener);
    },
    subscribeWaits(listener) {
      waitListeners.add(listener);
      return () => waitListeners.delete(listener);
    },
    async stop() {
      unsubscribe?.();
      await hub?.stop();
      hub = null;
    },
  };
}
