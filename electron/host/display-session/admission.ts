/**
 * What one display may send and when, as pure state over an injected monotonic clock (the display
 * session, display-session.ts, runs it). A socket is a display only once it says so (a valid
 * hello); before that, and beyond its per-kind rate, its messages are dropped and counted — never
 * turned into anything the host writes. Anyone on the hall LAN (or the machine) can open the
 * socket: a client that floods reports must cost the proof-of-play log a bounded number of lines,
 * and the host a counter.
 */
import type { DisplayHello, FromDisplay } from '../../contract/messages.js';
import { parseFromDisplay } from '../../contract/from-display.js';
import { TokenBucket, type TokenBucketLimit } from '../domain/limits/token-bucket.js';
import { largerThan } from './message-size.js';

/** The renderer's heartbeat period (renderer/display/main.ts HEARTBEAT_MS). */
export const HEARTBEAT_PERIOD_MS = 2_000;

export interface SessionLimits {
  /** Per message kind. */
  rates: Record<FromDisplay['type'], TokenBucketLimit>;
  /** A message longer than this (as JSON) is dropped unread (the largest legitimate one is ~7 KB: three 2 KB strings). */
  maxMessageChars: number;
  /** A socket that has not said hello by then is closed. */
  helloWithinMs: number;
  /** A display with no heartbeat for this long is lost: 5 periods, as a busy page on a loaded 2-core PC misses a few (3 periods fired during the hostile-display fault test). */
  lostAfterMs: number;
}

/**
 * Far above what a display sends (a report per item change, a heartbeat every 2 s, a few
 * announcement reports per announcement), far below what fsync'd logging can take.
 */
export const DEFAULT_SESSION_LIMITS: SessionLimits = {
  rates: {
    report: { ratePerSecond: 10, burst: 50 },
    heartbeat: { ratePerSecond: 2, burst: 5 },
    announcement: { ratePerSecond: 10, burst: 20 },
    audio: { ratePerSecond: 1, burst: 5 },
    // A lost WebGL context is rebuilt in seconds; more than one a second is a broken or hostile page.
    fault: { ratePerSecond: 1, burst: 5 },
    hello: { ratePerSecond: 1, burst: 3 },
    // One per emergency raised; the host logs only the first of each display per emergency anyway.
    acknowledge: { ratePerSecond: 1, burst: 5 },
    // A few pings at start, then one a heartbeat; each costs the host one small answer.
    clock: { ratePerSecond: 2, burst: 10 },
    // One per call moment, and a hall calls a few a minute; a burst covers a feed catching up.
    painted: { ratePerSecond: 5, burst: 20 },
  },
  maxMessageChars: 8 * 1024,
  helloWithinMs: 10_000,
  lostAfterMs: 5 * HEARTBEAT_PERIOD_MS,
};

export type DropReason = 'malformed' | 'too-large' | 'before-hello' | 'rate';

export class DisplayAdmission {
  private readonly buckets = new Map<FromDisplay['type'], TokenBucket>();
  private readonly dropped = new Map<DropReason, number>();
  private greeting: DisplayHello | null = null;
  private lastHeartbeatAt: number | null = null;
  private lostSince: number | null = null;

  /**
   * `helloFirst`: drop what comes before the hello (a socket, which anyone may open); a window's
   * page was already let through by the shell's sender check, and is heard from its first message.
   */
  constructor(
    private readonly limits: SessionLimits,
    private readonly openedAt: number,
    private readonly helloFirst = true,
  ) {}

  /** The display's hello, once it has said one; null: not (yet) a display. */
  get hello(): DisplayHello | null {
    return this.greeting;
  }

  /**
   * The message to act on, or why it was dropped (and counted). `value`: the message as an object
   * (a socket's frame once parsed, an IPC payload as it came).
   */
  admit(value: unknown, now: number): FromDisplay | DropReason {
    if (largerThan(value, this.limits.maxMessageChars)) return this.drop('too-large');
    const message = parseFromDisplay(value);
    if (!message) return this.drop('malformed');
    if (message.type !== 'hello' && !this.greeting && this.helloFirst) return this.drop('before-hello');
    let bucket = this.buckets.get(message.type);
    if (!bucket) this.buckets.set(message.type, (bucket = new TokenBucket(this.limits.rates[message.type], now)));
    if (!bucket.take(now)) return this.drop('rate');
    if (message.type === 'hello') {
      this.greeting = message.hello;
      this.lastHeartbeatAt ??= now;
    }
    if (message.type === 'heartbeat') {
      this.lastHeartbeatAt = now;
      this.lostSince = null;
    }
    return message;
  }

  /** The drops since the last call, by reason (empty when none), for one health count per batch. */
  takeDropped(): Partial<Record<DropReason, number>> {
    const out = Object.fromEntries(this.dropped) as Partial<Record<DropReason, number>>;
    this.dropped.clear();
    return out;
  }

  /** true when the socket has had its chance to say hello and did not (a window is never asked for one). */
  helloOverdue(now: number): boolean {
    return this.helloFirst && !this.greeting && now - this.openedAt >= this.limits.helloWithinMs;
  }

  /**
   * true once, the first time the display is found without a heartbeat for `lostAfterMs`; again
   * only after heartbeats came back and stopped once more.
   */
  becameLost(now: number): boolean {
    if (!this.greeting || this.lastHeartbeatAt === null || this.lostSince !== null) return false;
    if (now - this.lastHeartbeatAt < this.limits.lostAfterMs) return false;
    this.lostSince = now;
    return true;
  }

  /** Lost (see becameLost) and not heard from since. */
  get lost(): boolean {
    return this.lostSince !== null;
  }

  /** Counts a message the channel could not even read (a frame too long to parse, or not JSON). */
  drop<R extends DropReason>(reason: R): R {
    this.dropped.set(reason, (this.dropped.get(reason) ?? 0) + 1);
    return reason;
  }
}

export function droppedTotal(dropped: Partial<Record<DropReason, number>>): number {
  return Object.values(dropped).reduce((a, b) => a + b, 0);
}
