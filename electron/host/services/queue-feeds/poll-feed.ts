/**
 * Polls a JSON URL: the fallback for queue systems that cannot push. The next poll starts an
 * interval after the last one ended, so a slow queue system is never asked twice at once; failures
 * back off. "events" mode delivers only events not seen in the previous answer; "snapshot" mode
 * delivers the state only when it changed.
 */
import { feedParts } from './feed-parts.js';
import { FEED_DEFAULTS } from './feed-config.js';
import type { PollFeedConfig } from '../../../contract/feed-config.js';
import type { FeedDeps, FeedSink, QueueFeed } from './feed.js';
import { FeedHealthReporter } from './feed-health.js';
import { fetchJson } from './http-json.js';
import { MessageIntake } from './message-intake.js';
import { PolledAnswers } from './polled-answers.js';
import { type PullFeedSettings, settlePullFeed } from './pull-feed-settings.js';
import { reconnectDelay } from './reconnect-backoff.js';
import type { SnapshotSource } from './snapshot-source.js';

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
  /** Events mode: only events not in the previous answer (a sliding window); snapshot mode: only a changed state. */
  private readonly answers: PolledAnswers;

  constructor(
    config: PollFeedConfig,
    private readonly settings: PullFeedSettings,
    sink: FeedSink,
    private readonly deps: FeedDeps,
  ) {
    this.intervalMs = Math.max(config.intervalSeconds ?? FEED_DEFAULTS.intervalSeconds, FEED_DEFAULTS.minIntervalSeconds) * 1000;
    // A hall polling slower than delayedAfterSeconds would look delayed between every two polls.
    ({ sink: this.sink, intake: this.intake, snapshot: this.snapshot, health: this.health } = feedParts(settings, sink, deps, Math.max(settings.delayedAfterMs, 2 * this.intervalMs)));
    this.mode = config.mode ?? 'events';
    this.answers = new PolledAnswers({ intake: this.intake, sink: this.sink, health: this.health, mapping: settings.mapping, now: () => deps.clock.now() });
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
      this.answers.forgetState();
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
      this.answers.state(answer.value, this.settings.label);
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
      // Numbering on arrival, nothing says which events the snapshot already reflects: assume all
      // of the answer right after it.
      if (this.settings.mapping?.numbersOnArrival === true) this.answers.prime();
    }
    this.needSnapshot = false;
    this.answers.events(answer.value);
    return true;
  }
}
