/**
 * What an answer of the console's API means, decided from its status, Retry-After header and body
 * text alone, so every page reads failures the same way (and tests need no network).
 */
export interface ApiOk<T> {
  ok: true;
  status: number;
  data: T;
}

export interface ApiFailure {
  ok: false;
  /** 0: the player could not be reached (network down, player restarting). */
  status: number;
  /** The server's `error` text, or a description of what went wrong on the way. */
  error: string;
  /** The whole JSON body (diagnostics, version, usedBy …); {} when there was none. */
  body: Record<string, unknown>;
  /** Seconds from a 429's Retry-After header; null otherwise. */
  retryAfter: number | null;
}

export type ApiResult<T> = ApiOk<T> | ApiFailure;

export function readAnswer<T>(status: number, retryAfterHeader: string | null, text: string): ApiResult<T> {
  let body: unknown = null;
  if (text.trim() !== '') {
    try {
      body = JSON.parse(text);
    } catch {
      body = null;
    }
  }
  if (status >= 200 && status < 300) return { ok: true, status, data: (body ?? {}) as T };
  const record = body !== null && typeof body === 'object' && !Array.isArray(body) ? (body as Record<string, unknown>) : {};
  const error = typeof record.error === 'string' ? record.error : text.trim() !== '' && body === null ? text.trim().slice(0, 200) : `HTTP ${status}`;
  return { ok: false, status, error, body: record, retryAfter: status === 429 ? retrySeconds(retryAfterHeader) : null };
}

/** Retry-After is seconds or an HTTP date; a missing or unreadable one means "a minute". */
export function retrySeconds(header: string | null, now = Date.now()): number {
  if (header === null) return 60;
  const value = header.trim();
  if (/^\d+$/.test(value)) return Number(value);
  const at = Date.parse(value);
  return Number.isNaN(at) ? 60 : Math.max(0, Math.ceil((at - now) / 1000));
}

export function networkFailure(reason: string): ApiFailure {
  return { ok: false, status: 0, error: reason, body: {}, retryAfter: null };
}

/** `programmes/morning.json` → `programmes/morning.json` with each segment escaped for a URL. */
export function encodePath(path: string): string {
  return path.split('/').map(encodeURIComponent).join('/');
}
