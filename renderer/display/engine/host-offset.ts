/**
 * How far the host's clock is from this display's, to a few ms, from clock exchanges (NTP's idea):
 * the display sends its own time, the host answers at once with its own, and the display notes
 * when the answer came. The host read its clock somewhere inside that round trip, so the exchange
 * pins the offset to ±half the round trip; the exchange with the shortest round trip in the window
 * pins it best, whatever delays (a busy main thread, a slow way back) the others met.
 *
 * The display's side is its monotonic clock (performance.timeOrigin + performance.now()), never
 * Date.now(): a kiosk PC's wall clock may be stepped by NTP between two exchanges.
 */
export interface ClockExchange {
  /** Display's monotonic clock when the ping left, ms. */
  sent: number;
  /** Host clock when it answered, epoch ms. */
  host: number;
  /** Display's monotonic clock when the answer arrived, ms. */
  received: number;
}

interface Sample {
  offset: number;
  roundTrip: number;
}

/** ~30 s of exchanges at one a heartbeat: long enough to meet a quiet moment, short enough that drift (≤ 50 ppm: 1.5 ms) does not matter. */
const WINDOW = 16;
/** A round trip longer than this is a stalled page or a socket in trouble, not a measurement. */
const MAX_ROUND_TRIP_MS = 1_000;
/** Beyond their combined uncertainty, two exchanges this far apart mean the host's clock changed. */
const STEP_MARGIN_MS = 20;

export class HostOffset {
  private samples: Sample[] = [];

  /** Adds one exchange; an exchange that contradicts the window (the host's clock stepped, or a new host answers) starts it again. */
  add(exchange: ClockExchange): void {
    const roundTrip = exchange.received - exchange.sent;
    if (!(roundTrip >= 0 && roundTrip <= MAX_ROUND_TRIP_MS) || !Number.isFinite(exchange.host)) return;
    const sample = { offset: exchange.host - (exchange.sent + exchange.received) / 2, roundTrip };
    const best = this.best();
    if (best && Math.abs(sample.offset - best.offset) > (sample.roundTrip + best.roundTrip) / 2 + STEP_MARGIN_MS) this.samples = [];
    this.samples.push(sample);
    if (this.samples.length > WINDOW) this.samples.shift();
  }

  /** Host clock minus the display's monotonic clock, ms; null before the first exchange. */
  get offsetMs(): number | null {
    return this.best()?.offset ?? null;
  }

  /** The round trip of the exchange the offset comes from: the offset is right to within half of it. */
  get roundTripMs(): number | null {
    return this.best()?.roundTrip ?? null;
  }

  private best(): Sample | null {
    let best: Sample | null = null;
    for (const s of this.samples) if (!best || s.roundTrip < best.roundTrip) best = s;
    return best;
  }
}
