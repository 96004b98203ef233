/**
 * Loads a part of the display's own code (a lazily imported chunk) until it arrives. A network blip
 * while the page loads (Chromium's ERR_NETWORK_CHANGED when an interface comes or goes) fails a
 * dynamic import once; Chromium does not keep that failure, so asking again fetches again. Without
 * this the clock and queue zones of an unattended screen stayed empty until someone reloaded it.
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
