/**
 * The shell around a push stream (SSE, WebSocket): reconnects with backoff, fetches the snapshot
 * after every (re)connect and holds live messages until it is delivered, reconnects a stream that
 * went silent, and reports health. A transport only opens one connection and reports what happens
 * on it, so both stream kinds recover from outages the same way.
 */
import { MAX_BODY_BYTES, MAX_EVENTS_PER_MESSAGE } from './feed-config.js';
import { deliverInOrder, type FeedDeps, type FeedSink, type QueueFeed } from './feed.js';
import { FeedHealthReporter } from './feed-health.js';
import { guardedSink } from './guarded-sink.js';
import { type FeedProblem, MessageIntake } from './message-intake.js';
import type { PullFeedSettings } from './pull-feed-settings.js';
import { reconnectDelay } from './reconnect-backoff.js';
import { SilenceWatch } from './silence-watch.js';
import { Doorbell } from './doorbell.js';
import { type SnapshotSource, snapshotSource } from './snapshot-source.js';

/** What a transport reports about its one connection. Calls after `closed` are ignored. */
export interface StreamHandlers {
  /** The stream is open and will carry messages. */
  opened(): void;
  /** One message's text: an SSE event's data, a WebSocket frame. */
  message(text: string): void;
  /** Any sign of life: bytes of any kind, a keep-alive comment, a pong. */
  heard(): void;
  /** The connection failed or ended; `reason` in a technician's words, without the feed's label. */
  closed(reason: string): void;
}

export interface StreamConnection {
  /** Closes the connection; resolves once its socket is released. Safe to call more than once. */
  close(): Promise<void>;
}

export type OpenStream = (handlers: StreamHandlers) => StreamConnection;

/** One connection attempt and what arrived on it. */
interface Session {
  connection: StreamConnection | null;
  /** False while a snapshot loads: live messages wait in `held` so the snapshot goes first. */
  flowing: boolean;
  held: string[];
  heldChars: number;
  openedAt: number | null;
  refresh: AbortController | null;
}

export function createStreamFeed(open: OpenStream, settings: PullFeedSettings, sink: FeedSink, deps: FeedDeps): QueueFeed {
  return new StreamFeed(open, settings, sink, deps);
}

class StreamFeed implements QueueFeed {
  private readonly sink: FeedSink;
  private readonly intake: MessageIntake;
  private readonly snapshot: SnapshotSource | null;
  private readonly health: FeedHealthReporter;
  private readonly deadWatch: SilenceWatch;
  private readonly doorbell: Doorbell | null;
  private session: Session | null = null;
  private attempt = 0;
  private cancelRetry: (() => void) | null = null;
  private started = false;
  private stopped = false;
  private resyncWithoutSnapshotLogged = false;
  /** Closes and snapshot fetches in flight; stop() waits for them so no socket outlives the feed. */
  private readonly pending = new Set<Promise<void>>();

  constructor(
    private readonly open: OpenStream,
    private readonly settings: PullFeedSettings,
    sink: FeedSink,
    private readonly deps: FeedDeps,
  ) {
    this.sink = guardedSink(sink, settings.label);
    this.intake = new MessageIntake(settings.label, settings.mapping, () => deps.clock.now());
    this.snapshot = snapshotSource(settings, this.intake, deps);
    this.health = new FeedHealthReporter(this.sink, deps, settings.delayedAfterMs, settings.label);
    this.deadWatch = new SilenceWatch(deps, settings.delayedAfterMs * 2, () => this.silent());
    this.doorbell = settings.doorbell === null ? null : new Doorbell(settings.doorbell, settings, this.intake, this.sink, this.health, deps);
  }

  start(): void {
    if (this.started || this.stopped) return;
    this.started = true;
    this.health.start();
    this.connect();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.cancelRetry?.();
    this.cancelRetry = null;
    this.health.stop();
    this.deadWatch.stop();
    const session = this.session;
    this.session = null;
    if (session) this.release(session);
    await this.doorbell?.stop();
    while (this.pending.size > 0) await Promise.all([...this.pending]);
  }

  resync(): void {
    const session = this.session;
    // While (re)connecting or already refreshing, a snapshot is on its way anyway.
    if (this.stopped || !session?.flowing) return;
    if (this.snapshot === null) {
      if (!this.resyncWithoutSnapshotLogged) {
        this.sink.log.info(`${this.settings.label}: the board asked for a resync, but no snapshotUrl is configured: it catches up as events arrive`);
        this.resyncWithoutSnapshotLogged = true;
      }
      return;
    }
    this.refresh(session);
  }

  private connect(): void {
    const session: Session = { connection: null, flowing: false, held: [], heldChars: 0, openedAt: null, refresh: null };
    this.session = session;
    const live = (): boolean => this.session === session;
    const handlers: StreamHandlers = {
      opened: () => {
        if (live()) this.opened(session);
      },
      message: (text) => {
        if (live()) this.message(session, text);
      },
      heard: () => {
        if (live()) this.heard();
      },
      closed: (reason) => {
        if (live()) this.lose(session, { key: reason, message: `${this.settings.label}: ${reason}` });
      },
    };
    try {
      session.connection = this.open(handlers);
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      this.lose(session, { key: reason, message: `${this.settings.label}: ${reason}` });
      return;
    }
    // The transport may have failed before open() even returned.
    if (!live()) this.release(session);
  }

  private opened(session: Session): void {
    session.openedAt = this.deps.clock.monotonic();
    this.deadWatch.start();
    this.health.heard();
    if (this.snapshot === null) this.flow(session);
    else this.refresh(session);
  }

  private refresh(session: Session): void {
    const fetchSnapshot = this.snapshot!;
    session.flowing = false;
    const controller = new AbortController();
    session.refresh = controller;
    this.track(
      fetchSnapshot(controller.signal).then((fetched) => {
        if (this.session !== session || session.refresh !== controller) return;
        session.refresh = null;
        if (!fetched.ok) {
          // A stream without its snapshot would show a board that may be wrong: start over.
          this.lose(session, fetched.problem);
          return;
        }
        this.sink.snapshot(fetched.event);
        this.health.delivered();
        this.doorbell?.forget();
        this.flow(session);
      }),
    );
  }

  private flow(session: Session): void {
    session.flowing = true;
    this.health.up();
    // Rings missed while the stream was down: fetch once now so the board catches up.
    this.doorbell?.ring();
    const held = session.held;
    session.held = [];
    session.heldChars = 0;
    let i = 0;
    // The sink may ask for a resync while we deliver: what is left waits for that snapshot, in order.
    for (; i < held.length && this.session === session && session.flowing; i++) this.deliver(held[i]!);
    if (i < held.length) session.held = held.slice(i).concat(session.held);
  }

  private message(session: Session, text: string): void {
    this.heard();
    if (session.flowing) {
      this.deliver(text);
      return;
    }
    session.held.push(text);
    session.heldChars += text.length;
    if (session.held.length > MAX_EVENTS_PER_MESSAGE || session.heldChars > MAX_BODY_BYTES) {
      const reason = 'too many messages arrived while the snapshot loaded: reconnecting';
      this.lose(session, { key: reason, message: `${this.settings.label}: ${reason}` });
    }
  }

  private deliver(text: string): void {
    if (this.doorbell !== null) {
      // What the message says does not matter: only that something changed.
      this.doorbell.ring();
      return;
    }
    const { events, problems } = this.intake.text(text);
    const numbered = this.intake.number(events);
    if (numbered.length > 0) {
      deliverInOrder(this.sink, numbered);
      this.health.delivered();
      this.health.up();
    }
    const [first, ...rest] = problems;
    if (first === undefined) return;
    // Some good events: a problem to log. None: the queue system sends what we cannot read.
    if (numbered.length === 0) this.health.down(first);
    else this.health.problem(first);
    for (const problem of rest) this.health.problem(problem);
  }

  private heard(): void {
    this.health.heard();
    this.deadWatch.heard();
  }

  private silent(): void {
    const session = this.session;
    if (!session) return;
    const reason = `nothing received for ${(this.settings.delayedAfterMs * 2) / 1000} s, not even a keep-alive: reconnecting`;
    this.lose(session, { key: reason, message: `${this.settings.label}: ${reason}` });
  }

  private lose(session: Session, problem: FeedProblem): void {
    if (this.session !== session) return;
    this.session = null;
    this.release(session);
    this.deadWatch.stop();
    this.health.down(problem);
    this.retry(session);
  }

  private release(session: Session): void {
    session.refresh?.abort();
    session.refresh = null;
    const connection = session.connection;
    session.connection = null;
    if (connection) this.track(connection.close());
  }

  private retry(session: Session): void {
    if (this.stopped) return;
    const { backoff } = this.deps;
    // How long it stayed open is elapsed time: a clock step must not reset (or keep) the backoff.
    if (session.openedAt !== null && this.deps.clock.monotonic() - session.openedAt >= backoff.healthyAfterMs) this.attempt = 0;
    const delay = reconnectDelay(this.attempt, backoff, this.deps.random());
    this.attempt += 1;
    this.cancelRetry = this.deps.timers.after(delay, () => {
      this.cancelRetry = null;
      if (!this.stopped) this.connect();
    });
  }

  private track(work: Promise<unknown>): void {
    const settled: Promise<void> = work.then(
      () => undefined,
      (error: unknown) => this.sink.log.warn(`${this.settings.label}: unexpected error: ${String(error)}`),
    );
    this.pending.add(settled);
    void settled.then(() => this.pending.delete(settled));
  }
}
