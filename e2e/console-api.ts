/**
 * The console's API from the test's side (electron/host/services/console/README.md): a signed-in client that
 * sends the session cookie and CSRF token as the console page does, and a fingerprint of a folder
 * to prove that a refused save left every byte — and no temporary file — behind.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

export interface Answer<T> {
  status: number;
  body: T;
}

export interface ConsoleClient {
  cookie: string;
  csrf: string;
  /** Sends a JSON request with the session (and, unless `headers` replaces them, its CSRF token). */
  send<T = { error?: string }>(method: string, route: string, body?: unknown, headers?: Record<string, string>): Promise<Answer<T>>;
}

/** Any request to the console's API, as is: no session, no token unless given. */
export async function consoleRequest<T = { error?: string }>(url: string, method: string, route: string, body?: unknown, headers: Record<string, string> = {}): Promise<Answer<T>> {
  const response = await fetch(new URL(route, url), {
    method,
    headers: { ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, body: (text ? JSON.parse(text) : null) as T };
}

export async function signIn(url: string, password: string): Promise<ConsoleClient> {
  const response = await fetch(new URL('admin/api/login', url), { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ password }) });
  if (response.status !== 200) throw new Error(`sign-in: ${response.status} ${await response.text()}`);
  const { csrf } = (await response.json()) as { csrf: string };
  const cookie = response.headers.get('set-cookie')!.split(';')[0]!;
  return {
    cookie,
    csrf,
    send: (method, route, body, headers) => consoleRequest(url, method, route, body, { cookie, 'x-csrf-token': csrf, ...headers }),
  };
}

/** Every file under `folder`, hidden ones included, with the sha256 of its bytes. */
export function folderPrint(folder: string): Record<string, string> {
  const print: Record<string, string> = {};
  for (const entry of readdirSync(folder, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const file = path.join(entry.parentPath, entry.name);
    print[path.relative(folder, file)] = createHash('sha256').update(readFileSync(file)).digest('hex');
  }
  return print;
}
