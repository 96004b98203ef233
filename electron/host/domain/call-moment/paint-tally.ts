/**
 * The host's tally of one call moment: which displays painted the call and when, gathered for a
 * bounded time after the moment, then closed into one proof-of-play record with the skew between
 * the first and the last paint. Pure: the monotonic time comes in with every step (the service,
 * services/call-moment/call-moments.ts, owns the timer).
 */
import type { CallPainted } from '../../../contract/messages.js';

/** One call's line in the proof-of-play log. */
export interface CallMomentRecord {
  event: 'call-moment';
  /** The call's key (QueueBoardCall.key). */
  key: string;
  ticket: string;
  counter: number;
  /** The moment the displays were given, host clock, epoch ms. */
  flashAt: number;
  /** Host clock when the record was written. */
  logged: number;
  /** Each display's paint, earliest first: `at` host clock (by its clock exchange), `lateMs` after the moment. */
  paints: { display: string; at: number; lateMs: number; late: boolean }[];
  /** Earliest and latest paint, host clock; null when no display painted it. */
  firstAt: number | null;
  lastAt: number | null;
  /** lastAt − firstAt, ms: how far apart the displays showed it; null when none painted it. */
  skewMs: number | null;
  /** Displays whose board came after the moment (they flashed at once). */
  late: string[];
  /** Displays expected to paint it that did not within the tally's window. */
  missed: string[];
}

export interface MomentOpening {
  key: string;
  ticket: string;
  counter: number;
  flashAt: number;
  /** The displays showing the board when the moment was set. */
  expected: readonly string[];
}

interface OpenMoment extends MomentOpening {
  /** Monotonic ms: when the tally closes. */
  closesAt: number;
  paints: Map<string, { at: number; late: boolean }>;
}

export interface PaintTallyLimits {
  /** How long after the moment is opened paints are taken, ms. */
  windowMs: number;
  /** Moments open at once; the oldest is closed early beyond it (a feed calling hundreds at once). */
  maxOpen: number;
}

/** Two seconds cover a display busy for a whole second and a heartbeat's worth of socket trouble. */
export const DEFAULT_TALLY_LIMITS: PaintTallyLimits = { windowMs: 2_000, maxOpen: 64 };

export class PaintTally {
  /** In opening order, which is closing order: every moment gets the same window. */
  private readonly open = new Map<string, OpenMoment>();

  constructor(private readonly limits: PaintTallyLimits = DEFAULT_TALLY_LIMITS) {}

  /** Starts a call's tally; returns the records of moments closed early to make room. */
  start(moment: MomentOpening, now: number, logged: number): CallMomentRecord[] {
    if (this.open.has(moment.key)) return [];
    const closed: CallMomentRecord[] = [];
    while (this.open.size >= this.limits.maxOpen) {
      const oldest = this.open.values().next().value!;
      this.open.delete(oldest.key);
      closed.push(recordOf(oldest, logged));
    }
    this.open.set(moment.key, { ...moment, expected: [...moment.expected], closesAt: now + this.limits.windowMs, paints: new Map() });
    return closed;
  }

  /** A display's paint; false when no open tally has that call (unknown, or closed already). A display's second paint of a call is ignored. */
  painted(display: string, paint: CallPainted): boolean {
    const moment = this.open.get(paint.key);
    if (!moment) return false;
    if (!moment.paints.has(display)) moment.paints.set(display, { at: paint.at, late: paint.late });
    return true;
  }

  /** The records of the tallies whose window has passed, oldest first. */
  close(now: number, logged: number): CallMomentRecord[] {
    const closed: CallMomentRecord[] = [];
    for (const moment of this.open.values()) {
      if (moment.closesAt > now) break;
      this.open.delete(moment.key);
      closed.push(recordOf(moment, logged));
    }
    return closed;
  }

  /** Monotonic ms when the next tally closes; null when none is open. */
  get nextClose(): number | null {
    return this.open.values().next().value?.closesAt ?? null;
  }
}

function recordOf(moment: OpenMoment, logged: number): CallMomentRecord {
  const paints = [...moment.paints]
    .map(([display, p]) => ({ display, at: p.at, lateMs: p.at - moment.flashAt, late: p.late }))
    .sort((a, b) => a.at - b.at || a.display.localeCompare(b.display));
  const firstAt = paints[0]?.at ?? null;
  const lastAt = paints.at(-1)?.at ?? null;
  return {
    event: 'call-moment',
    key: moment.key,
    ticket: moment.ticket,
    counter: moment.counter,
    flashAt: moment.flashAt,
    logged,
    paints,
    firstAt,
    lastAt,
    skewMs: firstAt === null || lastAt === null ? null : lastAt - firstAt,
    late: paints.filter((p) => p.late).map((p) => p.display),
    missed: moment.expected.filter((d) => !moment.paints.has(d)),
  };
}
