/**
 * Counts a burst of the same event once per interval instead of once per event: a flood of
 * refused requests becomes one health count (and one log line) a second, with how many.
 */
export interface BatchedCount {
  add(reason: string): void;
  /** Reports what is held now (e.g. at stop). */
  flush(): void;
}

export function batchedCount(after: (ms: number, run: () => void) => () => void, report: (n: number, reason: string) => void, intervalMs = 1_000): BatchedCount {
  let held = new Map<string, number>();
  let cancel: (() => void) | null = null;
  const flush = (): void => {
    cancel?.();
    cancel = null;
    const out = held;
    held = new Map();
    for (const [reason, n] of out) report(n, reason);
  };
  return {
    add(reason) {
      held.set(reason, (held.get(reason) ?? 0) + 1);
      cancel ??= after(intervalMs, flush);
    },
    flush,
  };
}
