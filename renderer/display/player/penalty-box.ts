/**
 * Items that failed sit out for a while, per item key, so one broken file does not make the hall
 * screen flicker through retries. Times are monotonic ms (performance.now), immune to clock jumps.
 */
export const PENALTY_MS = 5 * 60_000;

export class PenaltyBox {
  private readonly until = new Map<string, number>();

  constructor(private readonly penaltyMs = PENALTY_MS) {}

  add(key: string, now: number): void {
    this.until.set(key, now + this.penaltyMs);
  }

  isOut(key: string, now: number): boolean {
    const t = this.until.get(key);
    if (t === undefined) return false;
    if (t > now) return true;
    this.until.delete(key);
    return false;
  }

  /** When the earliest penalty among `keys` ends, or null if none of them is out. */
  nextRelease(keys: readonly string[], now: number): number | null {
    let best: number | null = null;
    for (const k of keys) {
      const t = this.until.get(k);
      if (t !== undefined && t > now && (best === null || t < best)) best = t;
    }
    return best;
  }
}
