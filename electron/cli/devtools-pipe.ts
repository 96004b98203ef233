/**
 * The DevTools protocol over the pipe Chromium opens with `--remote-debugging-pipe`: the parent
 * writes commands to the browser's fd 3 and reads answers and events from its fd 4, each message
 * JSON ending in a NUL byte. No TCP port is opened, so nothing else on the machine or the hall's LAN
 * can drive the kiosk's browser.
 */
import type { Readable, Writable } from 'node:stream';

export interface DevtoolsEvent {
  method: string;
  params: Record<string, unknown>;
  sessionId?: string;
}

export interface Devtools {
  /** Sends a command; rejects on an error answer, a closed pipe, or no answer within `timeoutMs`. */
  send(method: string, params?: Record<string, unknown>, sessionId?: string, timeoutMs?: number): Promise<Record<string, unknown>>;
  onEvent(listener: (event: DevtoolsEvent) => void): void;
  close(): void;
}

const ANSWER_TIMEOUT_MS = 10_000;
/** A browser that floods the pipe without a NUL is broken; do not buffer it without bound. */
const MAX_MESSAGE_BYTES = 16 * 1024 * 1024;

export function devtoolsOverPipe(toBrowser: Writable, fromBrowser: Readable): Devtools {
  let nextId = 1;
  let closed = false;
  const waiting = new Map<number, { resolve: (result: Record<string, unknown>) => void; reject: (error: Error) => void; timer: NodeJS.Timeout }>();
  const listeners: ((event: DevtoolsEvent) => void)[] = [];
  let buffered: Buffer[] = [];
  let bufferedBytes = 0;

  const failAll = (why: string): void => {
    closed = true;
    for (const [id, w] of waiting) {
      clearTimeout(w.timer);
      w.reject(new Error(why));
      waiting.delete(id);
    }
  };

  const dispatch = (text: string): void => {
    let message: { id?: number; result?: Record<string, unknown>; error?: { message?: string }; method?: string; params?: Record<string, unknown>; sessionId?: string };
    try {
      message = JSON.parse(text) as typeof message;
    } catch {
      return;
    }
    if (typeof message.id === 'number') {
      const w = waiting.get(message.id);
      if (!w) return;
      waiting.delete(message.id);
      clearTimeout(w.timer);
      if (message.error) w.reject(new Error(message.error.message ?? 'DevTools error'));
      else w.resolve(message.result ?? {});
    } else if (typeof message.method === 'string') {
      const event: DevtoolsEvent = { method: message.method, params: message.params ?? {}, ...(message.sessionId ? { sessionId: message.sessionId } : {}) };
      for (const listener of listeners) listener(event);
    }
  };

  fromBrowser.on('data', (chunk: Buffer) => {
    let start = 0;
    for (let end = chunk.indexOf(0, start); end !== -1; end = chunk.indexOf(0, start)) {
      buffered.push(chunk.subarray(start, end));
      const text = Buffer.concat(buffered).toString('utf8');
      buffered = [];
      bufferedBytes = 0;
      start = end + 1;
      dispatch(text);
    }
    if (start < chunk.length) {
      buffered.push(chunk.subarray(start));
      bufferedBytes += chunk.length - start;
      if (bufferedBytes > MAX_MESSAGE_BYTES) {
        buffered = [];
        bufferedBytes = 0;
      }
    }
  });
  fromBrowser.on('close', () => failAll('the browser closed the DevTools pipe'));
  fromBrowser.on('error', () => failAll('the DevTools pipe failed'));
  // A write to a browser that just died raises EPIPE here; its exit is handled by its watcher.
  toBrowser.on('error', () => failAll('the DevTools pipe failed'));

  return {
    send(method, params = {}, sessionId, timeoutMs = ANSWER_TIMEOUT_MS) {
      if (closed) return Promise.reject(new Error('the DevTools pipe is closed'));
      const id = nextId++;
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => {
          waiting.delete(id);
          reject(new Error(`${method}: no answer within ${timeoutMs} ms`));
        }, timeoutMs);
        waiting.set(id, { resolve, reject, timer });
        toBrowser.write(JSON.stringify({ id, method, params, ...(sessionId ? { sessionId } : {}) }) + '\0');
      });
    },
    onEvent(listener) {
      listeners.push(listener);
    },
    close() {
      failAll('the DevTools pipe is closed');
      toBrowser.destroy();
      fromBrowser.destroy();
    },
  };
}
