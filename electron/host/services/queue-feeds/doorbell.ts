/**
 * A doorbell stream: the queue system's SSE or WebSocket message only says "something changed"
 * (often with an id), and the news itself is behind a URL. Each ring fetches that URL and maps the
 * answer as a poll would; a burst of rings (ten calls in a second at opening time) is coalesced into
 * one fetch now and at most one more after `minIntervalSeconds`, so the queue system is never
 * hammered and never asked twice at once.
 */
import { deliverInOrder, type FeedDeps, type FeedSink } from './feed.js';
import type { FeedHealthReporter } from './feed-health.js';
import { fetchJson } from './http-json.js';
import { type MessageIntake, repeatKey } from './message-intake.js';
import type { DoorbellSettings, PullFeedSettings } from './pull-feed-settings.js';
import { mapSnapshot } from '../../domain/vendor-mapping/snapshot-mapping.js';

export class Doorbell {
  private inFlight: Promise<void> | null = null;
  private rangAgain = false;
  private lastStart = -Infinity;
  private cancelWait: (() => void) | null = null;
  private stopped = false;
  private readonly stopping = new AbortController();
  /** Events mode: the previous answer's events, so a list of recent events is not replayed. */
  private previousWindow = new Set<string>();
  /** Snapshot mode: the last delivered state, without its seq and time. */
  private lastState: string | null = null;

  constructor(
    private readonly doorbell: DoorbellSettings,
    private readonly settings: PullFeedSettings,
    private readonly intake: MessageIntake,
    private readonly sink: FeedSink,
    private readonly health: FeedHealthReporter,
    private readonly deps: FeedDeps,
  ) {}

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
    this.lastState = null;
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
        else if (this.doorbell.mode === 'snapshot') this.takeState(answer.value);
        else this.takeEvents(answer.value);
      })
      .catch((error: unknown) => this.sink.log.warn(`${label}: doorbell: unexpected error: ${String(error)}`))
      .finally(() => {
        this.inFlight = null;
        if (this.rangAgain && !this.stopped) this.ring();
      });
    this.inFlight = request;
  }

  private takeEvents(answer: unknown): void {
    const { events, problems } = this.intake.value(answer);
    const window = new Set(events.map((event) => repeatKey(event, this.settings.mapping)));
    const fresh = events.filter((event) => !this.previousWindow.has(repeatKey(event, this.settings.mapping)));
    this.previousWindow = window;
    this.health.window(events.length, problems);
    const numbered = this.intake.number(fresh);
    if (numbered.length === 0) return;
    deliverInOrder(this.sink, numbered);
    this.health.delivered();
  }

  private takeState(answer: unknown): void {
    const mapped = mapSnapshot(answer, this.settings.mapping, this.deps.clock.now());
    if (!mapped.ok) {
      const message = `${this.settings.label} doorbell ${this.doorbell.url}: ${mapped.error}`;
      this.health.down({ key: mapped.error, message });
      return;
    }
    this.health.up();
    // The same state again (a ring that changed nothing we show) is not news for the board.
    const state = JSON.stringify({ ...mapped.event, seq: 0, at: 0 });
    if (state === this.lastState) return;
    this.lastState = state;
    this.sink.snapshot(this.intake.numberSnapshot(mapped.event));
    this.health.delivered();
  }
}
