/**
 * Runs the built-in hall simulator against the host's clock, so `npm start` shows a living hall:
 * it replays the day so far at start (the board opens mid-day with people waiting, as a real
 * hall's would), then advances once a second, `speed` simulated seconds per real one.
 */
import type { QueueConfig } from '../../domain/queue/config.js';
import type { QueueEvent } from '../../domain/queue/events.js';
import { advance, createSimulator, snapshot } from '../../domain/queue/simulator.js';
import type { SimulatorFeedConfig } from '../../../contract/feed-config.js';
import type { TimeZone } from '../../domain/time/time-zone.js';
import type { Clock, Timers } from '../../ports.js';

const STEP_MS = 1000;
const DAY_MS = 86_400_000;

export interface SimulatorFeed {
  /** The simulated hall's clock. */
  now(): number;
  snapshot(): Extract<QueueEvent, { type: 'snapshot' }>;
  stop(): void;
}

export function startSimulatorFeed(options: {
  config: QueueConfig;
  feed: SimulatorFeedConfig;
  zone: TimeZone;
  /** The host's clock: the simulated hall's runs `speed` times as fast from the start. */
  clock: Pick<Clock, 'now'>;
  timers: Pick<Timers, 'after'>;
  deliver(events: QueueEvent[]): void;
}): SimulatorFeed {
  const { clock, timers, zone } = options;
  const speed = options.feed.speed ?? 1;
  const startedAt = clock.now();
  const localMinuteOfDay = (ms: number): number => {
    const wall = ms + zone.offsetAt(Math.floor(ms / 1000)) * 1000;
    return Math.floor((((wall % DAY_MS) + DAY_MS) % DAY_MS) / 60_000);
  };
  const midnight = startedAt - localMinuteOfDay(startedAt) * 60_000 - (startedAt % 60_000);
  const sim = createSimulator({
    config: options.config,
    // A new day at every start unless the hall pins one (demos, tests).
    seed: options.feed.seed ?? Math.floor(startedAt / 1000) % 2 ** 31,
    localMinuteOfDay,
    startMs: midnight,
  });
  const now = (): number => startedAt + (clock.now() - startedAt) * speed;
  options.deliver(advance(sim, now()));
  let cancel: (() => void) | null = null;
  const step = (): void => {
    const events = advance(sim, now());
    if (events.length) options.deliver(events);
    cancel = timers.after(STEP_MS, step);
  };
  cancel = timers.after(STEP_MS, step);
  return {
    now,
    snapshot: () => snapshot(sim),
    stop() {
      cancel?.();
      cancel = null;
    },
  };
}
