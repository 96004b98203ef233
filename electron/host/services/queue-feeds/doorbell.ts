/**
 * A doorbell stream: the queue system's SSE or WebSocket message only says "something changed"
 * (often with an id), and the news itself is behind a URL. Each ring fetches that URL and maps the
 * answer as a poll would; a burst of rings (ten calls in a second at opening time) is coalesced into
 * one fetch now and at most one more after `minIntervalSeconds`, so the queue system is never
 * hammered and never asked twice at once.
 */
import type { FeedDeps, FeedSink } from './feed.js';
import type { FeedHealthReporter } from './feed-health.js';
import { fetchJson } from './http-json.js';
import type { MessageIntake } from './message-intake.js';
import { PolledAnswers } from './polled-answers.js';
import type { DoorbellSettings, PullFeedSettings } from './pull-feed-settings.js';

export class Doorbell {
  private inFlight: Promise<void> | null = null;
  private rangAgain = false;
  private lastStart = -Infinity;
  private cancelWait: (() => void) | null = null;
  private stopped = false;
  private readonly stopping = new AbortController();
  /** Events mode: only events not in the previous answer; snapshot mode: only a changed state. */
  private readonly answers: PolledAnswers;

  constructor(
    private readonly doorbell: DoorbellSettings,
    private readonly settings: PullFeedSettings,
    private readonly intake: MessageIntake,
    private readonly sink: FeedSink,
    private readonly health: FeedHealthReporter,
    private readonly deps: FeedDeps,
  ) {
    this.answers = new PolledAnswers({ intake, sink, health, mapping: settings.mapping, now: () => deps.clock.now() });
  }

  /** Something changed: fetch now, or once after the fetch in flight / the minimum interval. */
  ring(): void {
    if (this.stopped) return;
    if (this.inFlight !== null || this.cancelWait !== null) {
      this.rangAgain = true;
      return;
    }
    const wait = this.lastStart + this.doorbell.minIntervalMs - this.deps.clock.monotonic();
    if (wait > 0) {
      this.cancelWait = this.deps.timers.after(wait, () => {
        this.cancelWait = null;
        this.fetch();
      });
      return;
    }
    this.fetch();
  }

  /** After a snapshot the next answer is compared afresh. */
  forget(): void {
    this.answers.forgetState();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.cancelWait?.();
    this.cancelWait = null;
    this.stopping.abort();
    await this.inFlight;
  }

  private fetch(): void {
    this.rangAgain = false;
    this.lastStart = this.deps.clock.monotonic();
    const { label, headers, timeoutMs } = this.settings;
    const request = fetchJson({ url: this.doorbell.url, label: `${label} doorbell ${this.doorbell.url}`, headers, timeoutMs, signal: this.stopping.signal }, this.deps)
      .then((answer) => {
        if (this.stopped) return;
        if (!answer.ok) this.health.down(answer.problem);
        else if (this.doorbell.mode === 'snapshot') this.answers.state(answer.value, `${this.settings.label} doorbell ${this.doorbell.url}`);
        else this.answers.events(answer.value);
      })
      .catch((error: unknown) => this.sink.log.warn(`${label}: doorbell: unexpected error: ${String(error)}`))
      .finally(() => {
        this.inFlight = null;
        if (this.rangAgain && !this.stopped) this.ring();
      });
    this.inFlight = request;
  }
}
