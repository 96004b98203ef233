/**
 * A WebSocket from the queue system: one JSON message per frame. Pings every half
 * `delayedAfterSeconds`, so a quiet hall (no tickets for minutes) still proves the socket is alive
 * and only a dead one is reconnected.
 */
import type { IncomingMessage } from 'node:http';
import { type RawData, WebSocket } from 'ws';
import { MAX_BODY_BYTES } from './feed-config.js';
import type { WebSocketFeedConfig } from '../../../contract/feed-config.js';
import type { FeedDeps, FeedSink, QueueFeed } from './feed.js';
import { describeConnectionError, describeHtml, describeHttpStatus, describeTimeout } from './http-problems.js';
import { type PullFeedSettings, settlePullFeed } from './pull-feed-settings.js';
import { createStreamFeed, type OpenStream, type StreamConnection, type StreamHandlers } from './stream-feed.js';

export function createWebSocketFeed(config: WebSocketFeedConfig, sink: FeedSink, deps: FeedDeps): QueueFeed {
  const settings = settlePullFeed(config);
  const subscribe = config.subscribe === undefined ? null : typeof config.subscribe === 'string' ? config.subscribe : JSON.stringify(config.subscribe);
  const open: OpenStream = (handlers) => openSocket(settings, deps, handlers, subscribe);
  return createStreamFeed(open, settings, sink, deps);
}

function openSocket(settings: PullFeedSettings, deps: FeedDeps, handlers: StreamHandlers, subscribe: string | null): StreamConnection {
  let over = false;
  const finish = (reason: string): void => {
    if (over) return;
    over = true;
    handlers.closed(reason);
  };
  const socket = new WebSocket(settings.url, { headers: settings.headers, maxPayload: MAX_BODY_BYTES });
  const closed = new Promise<void>((resolve) => socket.once('close', () => resolve()));

  // Our own connect timeout rather than ws's handshakeTimeout: it runs on the injected clock.
  const cancelTimeout = deps.timers.after(settings.timeoutMs, () => {
    finish(describeTimeout(settings.timeoutMs));
    socket.terminate();
  });
  let cancelPing = (): void => undefined;
  const pingLater = (): void => {
    cancelPing = deps.timers.after(settings.delayedAfterMs / 2, () => {
      if (socket.readyState !== WebSocket.OPEN) return;
      socket.ping();
      pingLater();
    });
  };

  socket.on('open', () => {
    cancelTimeout();
    handlers.heard();
    if (subscribe !== null) socket.send(subscribe);
    handlers.opened();
    pingLater();
  });
  socket.on('message', (data) => {
    handlers.heard();
    handlers.message(frameText(data));
  });
  socket.on('pong', () => handlers.heard());
  socket.on('ping', () => handlers.heard());
  socket.on('unexpected-response', (_request, response) => {
    finish(unexpectedResponse(response));
    response.resume();
    socket.terminate();
  });
  // Without an error listener, ws would throw from the event emitter and take the player down.
  socket.on('error', (error) => finish(describeSocketError(error)));
  socket.on('close', (code, reason) => {
    cancelTimeout();
    cancelPing();
    finish(describeClose(code, reason.toString()));
  });

  return {
    close: async () => {
      over = true;
      cancelTimeout();
      cancelPing();
      socket.terminate();
      await closed;
    },
  };
}

/** Frames as UTF-8 text; a vendor sending JSON in binary frames is read the same way. */
function frameText(data: RawData): string {
  if (Array.isArray(data)) return Buffer.concat(data).toString('utf8');
  return Buffer.isBuffer(data) ? data.toString('utf8') : Buffer.from(data).toString('utf8');
}

function unexpectedResponse(response: IncomingMessage): string {
  const status = response.statusCode ?? 0;
  if (status < 200 || status >= 300) return describeHttpStatus(status, response.statusMessage ?? '');
  const type = response.headers['content-type'] ?? '';
  if (/html/i.test(type)) return describeHtml('a WebSocket upgrade', 'WebSocket');
  return `the server answered HTTP ${status} ${type} instead of upgrading to a WebSocket (is this the queue system's WebSocket URL?)`;
}

function describeSocketError(error: Error): string {
  if ((error as { code?: unknown }).code === 'WS_ERR_UNSUPPORTED_MESSAGE_LENGTH') return `a message over ${MAX_BODY_BYTES / 1024 / 1024} MB`;
  return describeConnectionError(error);
}

function describeClose(code: number, reason: string): string {
  const why = reason === '' ? '' : ` ("${reason.slice(0, 80)}")`;
  if (code === 1006) return 'connection dropped by the queue system (no close frame)';
  return `the queue system closed the connection with code ${code}${why}`;
}
