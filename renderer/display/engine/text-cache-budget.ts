/**
 * When pixi's text-measuring canvas has shaped enough strings to be replaced (pure; the pixi side is
 * text-cache.ts).
 *
 * Chromium keeps, per 2D canvas, one shaped node for every distinct string (per font) measured on it,
 * and drops them only when that canvas finishes a drawn frame — never, for a canvas that only
 * measures, as pixi's does, until 32,768 strings (~39 MB; BENCHMARKS.md "Soak, fourth pass"). The
 * board and the clock say new things all day, so the cache grows all day. What it holds is exactly
 * the distinct (font, string) pairs measured on the canvas, so that is what is counted here: time
 * alone adds nothing to it.
 */
export class TextCacheBudget {
  private readonly seen = new Set<string>();
  private renewalsSoFar = 0;

  /** `limit()`: distinct strings one canvas may shape (read at each decision; Infinity: never renew). */
  constructor(private readonly limit: () => number) {}

  /**
   * Notes one measurement of `text` in `font`; true when the canvas has now shaped `limit()`
   * distinct strings and should be replaced (after the measurement in progress: see text-cache.ts).
   */
  measured(font: string, text: string): boolean {
    this.seen.add(`${font}\u0000${text}`);
    return this.seen.size >= this.limit();
  }

  /** A fresh canvas is in place: nothing shaped on it yet. */
  renewed(): void {
    this.seen.clear();
    this.renewalsSoFar++;
  }

  /** Distinct strings shaped on the current canvas. */
  get size(): number {
    return this.seen.size;
  }

  get renewals(): number {
    return this.renewalsSoFar;
  }
}
