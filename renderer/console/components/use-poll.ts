/**
 * Polls a route every few seconds while the page shows it, skipping ticks while the tab is hidden
 * (a phone in a pocket), and keeps the last good answer on screen through a failed one.
 */
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import type { ApiResult } from '../api/answer.js';

export interface Poll<T> {
  data: T | null;
  /** The last failure, cleared by the next success. */
  error: string | null;
  updatedAt: number | null;
  refresh(): Promise<void>;
}

export function usePoll<T>(fetcher: () => Promise<ApiResult<T>>, everyMs: number, deps: unknown[] = []): Poll<T> {
  const [data, setData] = useState<T | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [updatedAt, setUpdatedAt] = useState<number | null>(null);
  const latest = useRef(fetcher);
  latest.current = fetcher;
  const alive = useRef(true);

  const refresh = useCallback(async (): Promise<void> => {
    const answer = await latest.current();
    if (!alive.current) return;
    if (answer.ok) {
      setData(answer.data);
      setError(null);
      setUpdatedAt(Date.now());
    } else if (answer.status !== 401) setError(answer.error);
  }, []);

  useEffect(() => {
    alive.current = true;
    void refresh();
    const timer = setInterval(() => {
      if (typeof document === 'undefined' || !document.hidden) void refresh();
    }, everyMs);
    return () => {
      alive.current = false;
      clearInterval(timer);
    };
    // The caller's deps decide when the fetcher asks for something else (another date …).
  }, [everyMs, refresh, ...deps]);

  return { data, error, updatedAt, refresh };
}
