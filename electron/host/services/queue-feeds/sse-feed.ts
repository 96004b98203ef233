/**
 * Server-Sent Events from the queue system, over the injected fetch: one JSON message per event's
 * data. Sends `Last-Event-ID` on reconnect so a vendor that keeps history can replay the gap;
 * the snapshot after the reconnect makes the board right either way.
 */
import { MAX_BODY_BYTES } from './feed-config.js';
import type { SseFeedConfig } from '../../../contract/feed-config.js';
import type { FeedDeps, FeedSink, QueueFeed } from './feed.js';
import { describeConnectionError, describeHtml, describeHttpStatus, describeTimeout } from './http-problems.js';
import { type PullFeedSettings, settlePullFeed } from './pull-feed-settings.js';
import { SseParser } from './sse-parser.js';
import { createStreamFeed, type OpenStream, type StreamConnection, type StreamHandlers } from './stream-feed.js';

export function createSseFeed(config: SseFeedConfig, sink: FeedSink, deps: FeedDeps): QueueFeed {
  const settings = settlePullFeed(config);
  const names = config.eventNames === undefined ? null : new Set(config.eventNames);
  let lastEventId = '';
  const open: OpenStream = (handlers) =>
    openEventStream(settings, deps, handlers, {
      lastEventId: () => lastEventId,
      event: (event) => {
        lastEventId = event.id;
        // Other event names only prove the stream is alive, which `heard` already noted.
        if (names === null || names.has(event.event)) handlers.message(event.data);
      },
    });
  return createStreamFeed(open, settings, sink, deps);
}

interface EventStreamCallbacks {
  lastEventId(): string;
  event(event: { event: string; data: string; id: string }): void;
}

function openEventStream(settings: PullFeedSettings, deps: FeedDeps, handlers: StreamHandlers, callbacks: EventStreamCallbacks): StreamConnection {
  const controller = new AbortController();
  let over = false;
  const finish = (reason: string): void => {
    if (over) return;
    over = true;
    handlers.closed(reason);
  };

  const run = async (): Promise<void> => {
    let timedOut = false;
    const cancelTimeout = deps.timers.after(settings.timeoutMs, () => {
      timedOut = true;
      controller.abort();
    });
    let response: Response;
    try {
      const lastEventId = callbacks.lastEventId();
      response = await deps.fetch(settings.url, {
        headers: { accept: 'text/event-stream', 'cache-control': 'no-cache', ...settings.headers, ...(lastEventId === '' ? {} : { 'last-event-id': lastEventId }) },
        signal: controller.signal,
      });
    } catch (error) {
      finish(timedOut ? describeTimeout(settings.timeoutMs) : describeConnectionError(error));
      return;
    } finally {
      cancelTimeout();
    }
    const problem = responseProblem(response);
    if (problem !== null || response.body === null) {
      finish(problem ?? 'the answer has no body');
      return;
    }
    handlers.opened();
    const parser = new SseParser((event) => callbacks.event(event), MAX_BODY_BYTES);
    const decoder = new TextDecoder();
    const reader = response.body.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return finish('the queue system ended the stream');
      handlers.heard();
      if (!parser.push(decoder.decode(value, { stream: true }))) {
        return finish(`an event over ${MAX_BODY_BYTES / 1024 / 1024} MB without an end (is this a stream of queue messages?)`);
      }
    }
  };

  // Whatever ends the run, abort: that releases the socket (an unread body would keep it open).
  const done = run()
    .catch((error: unknown) => finish(describeConnectionError(error)))
    .finally(() => controller.abort());
  return {
    close: async () => {
      over = true;
      controller.abort();
      await done;
    },
  };
}

function responseProblem(response: Response): string | null {
  if (!response.ok) return describeHttpStatus(response.status, response.statusText);
  const type = response.headers.get('content-type') ?? '';
  if (/html/i.test(type)) return describeHtml('an event stream (text/event-stream)', 'SSE');
  if (!/text\/event-stream/i.test(type)) {
    return `expected text/event-stream, got ${type === '' ? 'no content type' : type} (for a URL that answers JSON, use "kind": "poll")`;
  }
  return null;
}
