/**
 * One bounded JSON GET: a timeout on the injected clock, a cap on the body, and every failure
 * turned into a problem naming the URL and the likely fix. Never throws.
 */
import { MAX_BODY_BYTES } from './feed-config.js';
import type { FeedDeps } from './feed.js';
import { describeConnectionError, describeHtml, describeHttpStatus, describeTimeout } from './http-problems.js';
import type { FeedProblem } from './message-intake.js';
import { describeVendorValue } from '../../domain/vendor-mapping/vendor-value.js';

export interface JsonRequest {
  url: string;
  /** Names the request in problems: "poll http://…/queue". */
  label: string;
  headers: Record<string, string>;
  timeoutMs: number;
  /** Aborted when the feed stops. */
  signal: AbortSignal;
}

export type FetchedJson = { ok: true; value: unknown } | { ok: false; problem: FeedProblem };

export async function fetchJson(request: JsonRequest, deps: Pick<FeedDeps, 'fetch' | 'timers'>): Promise<FetchedJson> {
  const fail = (what: string): FetchedJson => ({ ok: false, problem: { key: what, message: `${request.label}: ${what}` } });
  const controller = new AbortController();
  let timedOut = false;
  const cancelTimeout = deps.timers.after(request.timeoutMs, () => {
    timedOut = true;
    controller.abort();
  });
  const stop = (): void => controller.abort();
  request.signal.addEventListener('abort', stop);
  try {
    const response = await deps.fetch(request.url, { headers: { accept: 'application/json', ...request.headers }, signal: controller.signal });
    const type = response.headers.get('content-type') ?? '';
    if (!response.ok) {
      await response.body?.cancel();
      return fail(describeHttpStatus(response.status, response.statusText));
    }
    if (/html/i.test(type)) {
      await response.body?.cancel();
      return fail(describeHtml('JSON', 'API'));
    }
    const text = await readCappedText(response, type);
    if (text === null) return fail(`answer over ${MAX_BODY_BYTES / 1024 / 1024} MB (point the URL at the queue API, not a file or a log)`);
    try {
      return { ok: true, value: JSON.parse(text) };
    } catch {
      if (/^\s*</.test(text)) return fail(describeHtml('JSON', 'API'));
      return fail(`expected JSON, got ${type === '' ? 'an answer without content type' : type} that does not parse: ${describeVendorValue(text)}`);
    }
  } catch (error) {
    if (timedOut) return fail(describeTimeout(request.timeoutMs));
    if (request.signal.aborted) return fail('stopped');
    return fail(describeConnectionError(error));
  } finally {
    cancelTimeout();
    request.signal.removeEventListener('abort', stop);
  }
}

/** The body as text, or null past MAX_BODY_BYTES; honours a charset such as GBK, common in China. */
async function readCappedText(response: Response, contentType: string): Promise<string | null> {
  if (Number(response.headers.get('content-length')) > MAX_BODY_BYTES) {
    await response.body?.cancel();
    return null;
  }
  const chunks: Uint8Array[] = [];
  let size = 0;
  if (response.body) {
    const reader = response.body.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > MAX_BODY_BYTES) {
        await reader.cancel();
        return null;
      }
      chunks.push(value);
    }
  }
  return decode(Buffer.concat(chunks), contentType);
}

function decode(bytes: Uint8Array, contentType: string): string {
  const charset = /charset="?([\w-]+)"?/i.exec(contentType)?.[1] ?? 'utf-8';
  try {
    return new TextDecoder(charset).decode(bytes);
  } catch {
    // An unknown charset label: UTF-8 is what a JSON API most likely means.
    return new TextDecoder('utf-8').decode(bytes);
  }
}
