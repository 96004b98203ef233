/**
 * Polls a JSON URL: the fallback for queue systems that cannot push. The next poll starts an
 * interval after the last one ended, so a slow queue system is never asked twice at once; failures
 * back off. "events" mode delivers only events not seen in the previous answer; "snapshot" mode
 * delivers the state only when it changed.
 */
import { FEED_DEFAULTS } from './feed-config.js';
import type { PollFeedConfig } from '../../../contract/feed-config.js';
import { deliverInOrder, type FeedDeps, type FeedSink, type QueueFeed } from './feed.js';
import { FeedHealthReporter } from './feed-health.js';
import { guardedSink } from './guarded-sink.js';
import { fetchJson } from './http-json.js';
import { MessageIntake, repeatKey } from './message-intake.js';
import { type PullFeedSettings, settlePullFeed } from './pull-feed-settings.js';
import { reconnectDelay } from './reconnect-backoff.js';
import { mapSnapshot } from '../../domain/vendor-mapping/snapshot-mapping.js';
import { type SnapshotSource, snapshotSource } from './snapshot-source.js';

export function createPollFeed(config: PollFeedConfig, sink: FeedSink, deps: FeedDeps): QueueFeed {
  return new PollFeed(config, settlePullFeed(config), sink, deps);
}

class PollFeed implements QueueFeed {
  private readonly sink: FeedSink;
  private readonly intake: MessageIntake;
  private readonly snapshot: SnapshotSource | null;
  private readonly health: FeedHealthReporter;
  private readonly intervalMs: number;
  private readonly mode: 'events' | 'snapshot';
  private readonly stopping = new AbortController();
  private started = false;
  private stopped = false;
  private cancelNext: (() => void) | null = null;
  private inFlight: Promise<void> | null = null;
  private attempt = 0;
  private resyncAsked = false;
  private resyncWithoutSnapshotLogged = false;
  /** Events mode: a snapshot is due before the next events (at start, after an outage, on resync). */
  private needSnapshot = true;
  /** Events mode, numbering on arrival: the answer right after a snapshot is what the snapshot shows. */
  private primeWindow = false;
  /** Events mode: the previous answer's events, so a sliding window of recent events is not replayed. */
  private previousWindow = new Set<string>();
  /** Snapshot mode: the last delivered state, without its seq and time. */
  private lastState: string | null = null;

  constructor(
    config: PollFeedConfig,
    private readonly settings: PullFeedSettings,
    sink: FeedSink,
    private readonly deps: FeedDeps,
  ) {
    this.sink = guardedSink(sink, settings.label);
    this.intake = new MessageIntake(settings.label, settings.mapping, () => deps.clock.now());
    this.snapshot = snapshotSource(settings, this.intake, deps);
    this.intervalMs = Math.max(config.intervalSeconds ?? FEED_DEFAULTS.intervalSeconds, FEED_DEFAULTS.minIntervalSeconds) * 1000;
    // A hall polling slower than delayedAfterSeconds would look delayed between every two polls.
    this.health = new FeedHealthReporter(this.sink, deps, Math.max(settings.delayedAfterMs, 2 * this.intervalMs), settings.label);
    this.mode = config.mode ?? 'events';
  }

  start(): void {
    if (this.started || this.stopped) return;
    this.started = true;
    this.health.start();
    this.schedule(0);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.cancelNext?.();
    this.cancelNext = null;
    this.stopping.abort();
    this.health.stop();
    await this.inFlight;
  }

  resync(): void {
    if (this.stopped || !this.started) return;
    if (this.mode === 'snapshot') {
      this.lastState = null;
    } else if (this.snapshot === null) {
      if (!this.resyncWithoutSnapshotLogged) {
        this.sink.log.info(`${this.settings.label}: the board asked for a resync, but no snapshotUrl is configured: it catches up as events arrive`);
        this.resyncWithoutSnapshotLogged = true;
      }
      return;
    } else {
      this.needSnapshot = true;
    }
    if (this.inFlight) {
      this.resyncAsked = true;
      return;
    }
    this.cancelNext?.();
    this.schedule(0);
  }

  private schedule(ms: number): void {
    this.cancelNext = this.deps.timers.after(ms, () => {
      this.cancelNext = null;
      const poll = this.poll().finally(() => {
        if (this.inFlight === poll) this.inFlight = null;
      });
      this.inFlight = poll;
    });
  }

  private async poll(): Promise<void> {
    const ok = await this.pollOnce();
    if (this.stopped) return;
    let delay = this.intervalMs;
    if (ok) this.attempt = 0;
    else delay = Math.max(delay, reconnectDelay(this.attempt++, this.deps.backoff, this.deps.random()));
    if (this.resyncAsked) delay = 0;
    this.resyncAsked = false;
    this.schedule(delay);
  }

  /** False when the queue system could not be reached or read; data it sent that we cannot map is not that. */
  private async pollOnce(): Promise<boolean> {
    const signal = this.stopping.signal;
    const { url, label, headers, timeoutMs } = this.settings;
    const answer = await fetchJson({ url, label, headers, timeoutMs, signal }, this.deps);
    if (this.stopped) return false;
    if (!answer.ok) {
      this.health.down(answer.problem);
      // The board may miss anything while we cannot reach the queue system.
      this.needSnapshot = true;
      return false;
    }
    this.health.heard();
    if (this.mode === 'snapshot') {
      this.takeState(answer.value);
      return true;
    }
    // The snapshot is fetched after a good answer, not before every try: a queue system that is
    // down is not asked for its state at every retry. Events of the answer that the snapshot
    // already reflects carry older seqs, which the board drops.
    if (this.needSnapshot && this.snapshot !== null) {
      const fetched = await this.snapshot(signal);
      if (this.stopped) return false;
      if (!fetched.ok) {
        this.health.down(fetched.problem);
        return false;
      }
      this.sink.snapshot(fetched.event);
      this.health.delivered();
      this.primeWindow = this.settings.mapping?.numbersOnArrival === true;
    }
    this.needSnapshot = false;
    this.takeEvents(answer.value);
    return true;
  }

  private takeEvents(answer: unknown): void {
    const { events, problems } = this.intake.value(answer);
    const window = new Set(events.map((event) => repeatKey(event, this.settings.mapping)));
    let fresh = events.filter((event) => !this.previousWindow.has(repeatKey(event, this.settings.mapping)));
    this.previousWindow = window;
    // Without vendor seqs nothing says which of these the snapshot already reflects: assume all.
    if (this.primeWindow) fresh = [];
    this.primeWindow = false;

    this.health.window(events.length, problems);
    const numbered = this.intake.number(fresh);
    if (numbered.length === 0) return;
    deliverInOrder(this.sink, numbered);
    this.health.delivered();
  }

  private takeState(answer: unknown): void {
    const mapped = mapSnapshot(answer, this.settings.mapping, this.deps.clock.now());
    if (!mapped.ok) {
      this.health.down({ key: mapped.error, message: `${this.settings.label}: ${mapped.error}` });
      return;
    }
    this.health.up();
    // A queue system stamps its state with the time of asking: compare what the board would show.
    const state = JSON.stringify({ ...mapped.event, seq: 0, at: 0 });
    if (state === this.lastState) return;
    this.lastState = state;
    this.sink.snapshot(this.intake.numberSnapshot(mapped.event));
    this.health.delivered();
  }
}
