/**
 * The display's refresh interval, from the gaps between animation frames: the median of the recent
 * ones, so a frame delayed by a long task (or a hidden tab) does not skew it. Halls run 60 Hz and
 * 50 Hz screens alike.
 */
const WINDOW = 31;
const FALLBACK_MS = 1000 / 60;

export class RefreshEstimate {
  private readonly gaps: number[] = [];
  private next = 0;

  add(gapMs: number): void {
    if (!(gapMs > 2 && gapMs < 100)) return;
    if (this.gaps.length < WINDOW) this.gaps.push(gapMs);
    else this.gaps[this.next] = gapMs;
    this.next = (this.next + 1) % WINDOW;
  }

  ms(): number {
    if (this.gaps.length < 5) return FALLBACK_MS;
    const sorted = [...this.gaps].sort((a, b) => a - b);
    return sorted[sorted.length >> 1]!;
  }
}
