/**
 * Loads a part of the display's own code (a lazily imported chunk) until it arrives. A network blip
 * while the page loads (Chromium's ERR_NETWORK_CHANGED when an interface comes or goes) fails a
 * dynamic import once; Chromium 156 does not keep that failure, so asking again fetches again. Without
 * this the clock and queue zones of an unattended screen stayed empty until someone reloaded it.
 * Chromium 150 (Debian's before 156) keeps it: every later import of that chunk fails at once
 * whatever the network does (measured, e2e/faults/network-blip.spec.ts), so past a few attempts the
 * page reloads itself — a new page asks the network afresh — at most once every few minutes.
 */

/** First retry after this long, doubling to the cap: a blip is over in a second, an outage is not. */
export const LOAD_RETRY_MS = 500;
export const LOAD_RETRY_CAP_MS = 10_000;

export interface LoadAgainDeps {
  sleep(ms: number): Promise<void>;
  /** Each failed attempt (1 = the first), before the wait for the next. */
  failed(attempt: number, err: unknown): void;
}

export async function loadAgain<T>(load: () => Promise<T>, deps: LoadAgainDeps): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await load();
    } catch (err) {
      deps.failed(attempt, err);
      await deps.sleep(retryDelay(attempt));
    }
  }
}

export function retryDelay(attempt: number): number {
  return Math.min(LOAD_RETRY_MS * 2 ** (attempt - 1), LOAD_RETRY_CAP_MS);
}

/** Failed attempts of one part after which the page reloads itself (0.5 + 1 + 2 s of asking again first). */
export const RELOAD_AFTER_ATTEMPTS = 4;
/** At most one such reload in this long: a network that is really down is not helped by reloading in a loop. */
export const RELOAD_SPACING_MS = 5 * 60_000;

/** Whether this failed attempt should reload the page; `lastReloadAt`: the last such reload (epoch ms) or null. Pure. */
export function reloadDue(attempt: number, lastReloadAt: number | null, now: number): boolean {
  if (attempt < RELOAD_AFTER_ATTEMPTS) return false;
  return lastReloadAt === null || !(now - lastReloadAt < RELOAD_SPACING_MS);
}
