/**
 * A feed's health as the board sees it: state changes go to the sink, problems to the log once.
 * The adapters only say what happened (up, heard, delivered, down because…); this decides what the
 * board is told, so every feed kind reports health the same way.
 */
import type { FeedHealth, FeedHealthState, FeedSink, FeedTime } from './feed.js';
import type { FeedProblem } from './message-intake.js';
import { ProblemLog } from './problem-log.js';
import { SilenceWatch } from './silence-watch.js';

const LAST_EVENT_EVERY_MS = 1000;

export class FeedHealthReporter {
  private health: FeedHealth;
  private readonly problems: ProblemLog;
  private readonly delayedWatch: SilenceWatch;
  private toldLastEventAt: number | null = null;

  constructor(
    private readonly sink: FeedSink,
    private readonly time: FeedTime,
    private readonly delayedAfterMs: number,
    private readonly label: string,
  ) {
    this.health = { state: 'connecting', since: time.clock.now(), lastEventAt: null };
    this.problems = new ProblemLog(sink.log);
    this.delayedWatch = new SilenceWatch(time, delayedAfterMs, () => this.delayed());
  }

  get state(): FeedHealthState {
    return this.health.state;
  }

  start(): void {
    this.emit({ state: 'connecting', since: this.time.clock.now(), lastEventAt: this.health.lastEventAt });
  }

  /** Events can flow (again). */
  up(): void {
    if (this.health.state === 'up') return;
    const was = this.health;
    this.problems.clear();
    this.emit({ state: 'up', since: this.time.clock.now(), lastEventAt: was.lastEventAt });
    if (was.state === 'down') this.sink.log.info(`${this.label}: up again after ${seconds(this.time.clock.now() - was.since)} s down`);
    else if (was.state === 'connecting') this.sink.log.info(`${this.label}: up`);
    this.delayedWatch.start();
  }

  /**
   * A polled window of events and the problems met mapping it: up when anything mapped or nothing
   * went wrong, else down on the first problem; every other problem logged (once each).
   */
  window(mapped: number, problems: readonly FeedProblem[]): void {
    const [first, ...rest] = problems;
    if (mapped === 0 && first !== undefined) this.down(first);
    else {
      this.up();
      if (first !== undefined) this.problem(first);
    }
    for (const problem of rest) this.problem(problem);
  }

  /** Any sign of life: a message, a keep-alive, a successful poll. */
  heard(): void {
    this.delayedWatch.heard();
    if (this.health.state === 'delayed') this.emit({ state: 'up', since: this.time.clock.now(), lastEventAt: this.time.clock.now() });
    else this.touch();
  }

  /** Events or a snapshot reached the sink. */
  delivered(): void {
    this.touch();
  }

  /**
   * The board shows when it last heard from the queue system, so each sign of life moves
   * `lastEventAt`; the sink hears of it at most once a second, not at every keep-alive.
   */
  private touch(): void {
    const now = this.time.clock.now();
    const told = this.toldLastEventAt;
    this.health = { ...this.health, lastEventAt: now };
    // Down or connecting, the board's mark says more than the time; it learns it with the next change.
    if (this.health.state !== 'up') return;
    if (told === null || now - told >= LAST_EVENT_EVERY_MS || now < told) this.emit(this.health);
  }

  /** The feed cannot deliver: logged once per distinct problem; the board learns the newest reason. */
  down(problem: FeedProblem): void {
    this.problems.report(problem);
    this.delayedWatch.stop();
    const { state, since, lastEventAt, reason } = this.health;
    if (state === 'down' && reason === problem.message) return;
    this.emit({ state: 'down', since: state === 'down' ? since : this.time.clock.now(), lastEventAt, reason: problem.message });
  }

  /** A problem that does not stop the feed (one bad event among good ones): logged once, no state change. */
  problem(problem: FeedProblem): void {
    this.problems.report(problem);
  }

  stop(): void {
    this.delayedWatch.stop();
  }

  private delayed(): void {
    if (this.health.state !== 'up') return;
    const reason = `${this.label}: nothing heard for ${seconds(this.delayedAfterMs)} s`;
    this.sink.log.info(reason);
    this.emit({ state: 'delayed', since: this.time.clock.now(), lastEventAt: this.health.lastEventAt, reason });
  }

  private emit(health: FeedHealth): void {
    this.health = health;
    this.toldLastEventAt = health.lastEventAt;
    this.sink.health({ ...health });
  }
}

function seconds(ms: number): string {
  return String(Math.round(ms / 100) / 10);
}
