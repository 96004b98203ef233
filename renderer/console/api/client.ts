/**
 * The console's one door to the player: `/admin/api/*` with the session cookie, the CSRF token
 * on every POST/PUT/DELETE, and a 401 handed to the app (which sends the user to sign in and
 * back). Answers are read by `readAnswer`.
 */
import { networkFailure, readAnswer, type ApiResult } from './answer.js';

export const API_ROOT = '/admin/api/';

let csrfToken: string | null = null;
let unauthorized: (message: string) => void = () => undefined;

export function setCsrf(token: string | null): void {
  csrfToken = token;
}

export function csrf(): string | null {
  return csrfToken;
}

/** Called on a 401 from any route but login and session. */
export function whenUnauthorized(handler: (message: string) => void): void {
  unauthorized = handler;
}

export function reportUnauthorized(message: string): void {
  unauthorized(message);
}

export type Method = 'GET' | 'POST' | 'PUT' | 'DELETE';

export async function api<T>(method: Method, route: string, body?: unknown): Promise<ApiResult<T>> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers['X-CSRF-Token'] = csrfToken;
  let response: Response;
  try {
    response = await fetch(API_ROOT + route, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      credentials: 'same-origin',
      cache: 'no-store',
    });
  } catch (error) {
    return networkFailure(error instanceof Error ? error.message : String(error));
  }
  const result = readAnswer<T>(response.status, response.headers.get('Retry-After'), await response.text().catch(() => ''));
  if (!result.ok && result.status === 401 && route !== 'login' && route !== 'session') unauthorized(result.error);
  return result;
}
