/**
 * The host's queue desk: one feed in (the built-in simulator, pushes to the local API, or a pull
 * feed from the hall's queue system), the queue state and the wait estimator kept current, and the
 * board published to every display on each change. Each call the model applies is told with that
 * board (the PA desk reads it out), and so are the wait estimates (care rules). Clocks, timers and
 * the network are injected.
 */
import { refused, type Refusal } from '../../../contract/refusal.js';
import type { QueueBoardState, QueueFeedStatus } from '../../../contract/messages.js';
import type { QueueFile } from '../../../contract/hall-config.js';
import { createPullFeed } from '../queue-feeds/create-feed.js';
import type { FeedDeps, FeedHealth, QueueFeed } from '../queue-feeds/feed.js';
import type { QueueEvent } from '../../domain/queue/events.js';
import { createEstimator, estimateWaits, observe, type EstimatorState, type WaitEstimate } from '../../domain/queue/estimator.js';
import { hallLoad } from '../../domain/queue/hall-load.js';
import { isFreshCall, type CallEvent } from '../../domain/queue/queue-call.js';
import { applyEvents, applyManual, createQueueState, overdue, tick, type Step, type QueueState } from '../../domain/queue/model.js';
import type { Clock, Log, Timers } from '../../ports.js';
import type { TimeZone } from '../../domain/time/time-zone.js';
import { boardState, callKey } from './board-state.js';
import { CALL_MOMENT_LEAD_MS } from '../../domain/call-moment/lead.js';
import { queueConfigOf, QUEUE_DEFAULTS } from './hall-queue-config.js';
import { startSimulatorFeed } from './simulator-feed.js';
import { topic } from '../topic.js';

export interface QueueHubOptions {
  file: QueueFile;
  zone: TimeZone;
  clock: Pick<Clock, 'now'>;
  /** The reorder window's re-check and the simulator's steps. */
  timers: Pick<Timers, 'after'>;
  log: Log;
  /** For pull feeds; tests pass their own. */
  feedDeps?: Partial<FeedDeps>;
}

export type ManualCallResult = { ok: true; board: QueueBoardState } | Refusal<'call-refused'>;

export interface IngestResult {
  applied: number;
  duplicate: number;
  stale: number;
  buffered: number;
  rejected: { seq: number; reason: string }[];
  resyncNeeded: boolean;
}

export interface QueueHub {
  readonly file: QueueFile;
  start(): void;
  stop(): Promise<void>;
  board(): QueueBoardState;
  /** The queue's clock (the simulator's, which may run faster than life). */
  now(): number;
  subscribe(listener: (board: QueueBoardState) => void): () => void;
  /**
   * Every call the model applies — from the feed, a push, the simulator or `call()` — with whether
   * it is fresh (the board marks the same calls `fresh`), told with the board made after it.
   */
  subscribeCalls(listener: (event: CallEvent) => void): () => void;
  /** The services' waiting counts and estimates, told with each board. */
  subscribeWaits(listener: (waits: readonly WaitEstimate[]) => void): () => void;
  /** Events pushed to `POST /api/queue/events` (feed kind "push"), already parsed. */
  ingest(events: QueueEvent[]): IngestResult;
  /** `POST /api/queue/call`: a call outside the feed's numbering, at once. */
  call(ticket: string, counter: number): ManualCallResult;
  /** Tickets waiting longer than the hall's overdueMinutes, longest first. */
  overdue(): { ticket: string; service: string; waitedMinutes: number }[];
}

/** Log lines per batch of refused events: a flood of bad events must not flood the log. */
const LOGGED_PER_BATCH = 5;
const REORDER_CHECK_MS = 250;

export function createQueueHub(options: QueueHubOptions): QueueHub {
  const { file, clock, timers, log } = options;
  const config = queueConfigOf(file);
  const maxAgeMs = (file.callMaxAgeSeconds ?? QUEUE_DEFAULTS.callMaxAgeSeconds) * 1000;
  let state: QueueState = createQueueState(config);
  let estimator: EstimatorState = createEstimator(config);
  /** Fresh calls (by callKey) and their moment: when the displays flash them. */
  const fresh = new Map<string, number>();
  const boards = topic<QueueBoardState>();
  const calls = topic<CallEvent>();
  const waitsTopic = topic<readonly WaitEstimate[]>();
  /** Calls applied since the last board, in the order the model applied them. */
  let untold: CallEvent[] = [];
  let seq = 0;
  let current: QueueBoardState | null = null;
  let publishQueued = false;
  let feedStatus: QueueFeedStatus = { kind: file.feed.kind, state: file.feed.kind === 'push' ? 'up' : 'connecting', delayed: false, lastEventAt: null };
  let pull: QueueFeed | null = null;
  let stopSimulator: (() => void) | null = null;
  /** The simulator runs on its own clock (faster than life for demos); everything else on the host's. */
  let queueNow = (): number => clock.now();
  let resync = (): void => log.warn('queue: events are missing; the queue system should POST a snapshot to /api/queue/events');
  let cancelReorder: (() => void) | null = null;
  /** A snapshot has been asked for and not yet applied: ask once, not on every event meanwhile. */
  let resyncAsked = false;
  const askResync = (): void => {
    if (!state.resyncNeeded) resyncAsked = false;
    else if (!resyncAsked) {
      resyncAsked = true;
      resync();
    }
  };

  const waitsNow = (): WaitEstimate[] => estimateWaits(estimator, hallLoad(state));
  const make = (waits = waitsNow()): QueueBoardState => boardState({ file, state, waits, feed: feedStatus, fresh, seq: ++seq, at: queueNow() });
  const tell = (): QueueBoardState => {
    const waits = waitsNow();
    const told = untold;
    untold = [];
    current = make(waits);
    boards.publish(current);
    // Each call as the model applied it, not found by comparing boards: a board lists only the
    // newest recentCalls, so a batch with more calls would lose the oldest. Told with the board
    // rather than mid-batch: the host loads the PA's voice packs and settings after queue.json,
    // and a call told while queue.json loads would find neither.
    for (const call of told) calls.publish(call);
    waitsTopic.publish(waits);
    return current;
  };

  const publish = (): void => {
    // Many events in one task (a batch, a catch-up) make one board.
    if (publishQueued) return;
    publishQueued = true;
    queueMicrotask(() => {
      publishQueued = false;
      tell();
    });
  };

  const learn = (steps: Step[], receivedAt: number): void => {
    let refused = 0;
    for (const step of steps) {
      if (step.kind !== 'applied') {
        if (step.kind === 'rejected' && refused++ < LOGGED_PER_BATCH) log.warn(`queue event refused: ${step.reason}`, { seq: step.event.seq, type: step.event.type });
        continue;
      }
      estimator = observe(estimator, step.event);
      if (step.call) {
        const isFresh = isFreshCall(step.call, receivedAt, maxAgeMs);
        // The host's wall clock, not queueNow: the displays' clocks follow the host's, and the
        // simulator's clock runs faster than life.
        const flashAt = isFresh ? clock.now() + CALL_MOMENT_LEAD_MS : undefined;
        if (flashAt !== undefined) fresh.set(callKey(step.call), flashAt);
        untold.push({ call: step.call, fresh: isFresh, ...(flashAt !== undefined ? { flashAt } : {}) });
      }
    }
    if (refused > LOGGED_PER_BATCH) log.warn(`queue: ${refused - LOGGED_PER_BATCH} more events refused in this batch`);
    // Only calls still on the board need remembering.
    if (fresh.size > config.recentCalls * 4) {
      const onBoard = new Set(state.recentCalls.map(callKey));
      for (const key of fresh.keys()) if (!onBoard.has(key)) fresh.delete(key);
    }
  };

  const apply = (events: QueueEvent[]): IngestResult => {
    const result: IngestResult = { applied: 0, duplicate: 0, stale: 0, buffered: 0, rejected: [], resyncNeeded: false };
    const receivedAt = queueNow();
    const steps: Step[] = [];
    const { state: next, outcomes } = applyEvents(state, events, clock.now());
    state = next;
    outcomes.forEach((outcome, i) => {
      for (const step of outcome.steps) steps.push(step);
      if (outcome.kind === 'rejected') result.rejected.push({ seq: events[i]!.seq, reason: outcome.reason });
      else result[outcome.kind]++;
    });
    learn(steps, receivedAt);
    result.resyncNeeded = state.resyncNeeded;
    if (steps.length) publish();
    askResync();
    if (state.buffer.length && !cancelReorder) cancelReorder = timers.after(REORDER_CHECK_MS, checkReorder);
    return result;
  };

  // A gap nobody fills must not hold the events behind it for ever (the reorder window).
  const checkReorder = (): void => {
    cancelReorder = null;
    const { state: next, outcome } = tick(state, clock.now());
    state = next;
    if (outcome.steps.length) {
      learn(outcome.steps, queueNow());
      publish();
    }
    askResync();
    if (state.buffer.length) cancelReorder = timers.after(REORDER_CHECK_MS, checkReorder);
  };

  const setHealth = (health: FeedHealth): void => {
    const reason = health.reason;
    feedStatus = { kind: file.feed.kind, state: health.state, delayed: health.state === 'delayed' || health.state === 'down', lastEventAt: health.lastEventAt, ...(reason ? { reason } : {}) };
    // The feed logs each problem once itself; the board only changes its mark.
    publish();
  };

  return {
    file,
    start() {
      const feed = file.feed;
      if (feed.kind === 'simulator') {
        const sim = startSimulatorFeed({ config, feed, zone: options.zone, clock, timers, deliver: (events) => void apply(events) });
        queueNow = sim.now;
        resync = () => void apply([sim.snapshot()]);
        stopSimulator = sim.stop;
        feedStatus = { kind: 'simulator', state: 'up', delayed: false, lastEventAt: sim.now() };
      } else if (feed.kind !== 'push') {
        const snapshot = (event: QueueEvent): void => {
          // A feed sends a snapshot only after a (re)connect or when asked: one numbered below what
          // we applied means the queue system restarted its numbering, not a late copy.
          if (state.lastSeq !== null && event.seq < state.lastSeq) {
            log.warn(`queue: the queue system's numbering went back (snapshot seq ${event.seq} after ${state.lastSeq}); starting again from its snapshot`);
            state = { ...state, lastSeq: null, buffer: [] };
          }
          apply([event]);
        };
        pull = createPullFeed(feed, { events: (events) => void apply(events), snapshot, health: setHealth, log }, options.feedDeps);
        resync = () => pull?.resync();
        pull.start();
      }
      publish();
    },
    async stop() {
      stopSimulator?.();
      cancelReorder?.();
      await pull?.stop();
    },
    board: () => current ?? make(),
    now: () => queueNow(),
    subscribe: boards.subscribe,
    subscribeCalls: calls.subscribe,
    subscribeWaits: waitsTopic.subscribe,
    ingest(events) {
      if (events.length) feedStatus = { ...feedStatus, state: 'up', lastEventAt: clock.now() };
      return apply(events);
    },
    call(ticket, counter) {
      const at = queueNow();
      const { state: next, outcome } = applyManual(state, { type: 'ticket.called', seq: 0, at, ticket, counter });
      if (outcome.kind !== 'applied') return refused('call-refused', outcome.reason);
      state = next;
      learn(outcome.steps, at);
      const board = tell();
      log.info('queue: manual call', { ticket, counter });
      return { ok: true, board };
    },
    overdue() {
      const threshold = (file.overdueMinutes ?? QUEUE_DEFAULTS.overdueMinutes) * 60_000;
      return overdue(state, queueNow(), threshold).map((t) => ({ ticket: t.ticket, service: t.service, waitedMinutes: Math.floor(t.waitedMs / 60_000) }));
    },
  };
}
