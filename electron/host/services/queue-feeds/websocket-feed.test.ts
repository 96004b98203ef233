import type { Duplex } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type WebSocket, WebSocketServer } from 'ws';
import { createPullFeed } from './create-feed.js';
import type { WebSocketFeedConfig } from '../../../contract/feed-config.js';
import type { QueueFeed } from './feed.js';
import { FAST, type LocalServer, localServer, type RecordingSink, recordingSink, sendJson, waitFor } from './feed-test-kit.test-support.js';

/** The README's worked example: a vendor that sends {"cmd":"CALL","data":{…}} and local times. */
const VENDOR_MAPPING: WebSocketFeedConfig['mapping'] = {
  type: 'cmd',
  types: { CALL: 'ticket.called', TAKE: 'ticket.issued', HEARTBEAT: null },
  seq: 'data.serialNo',
  ticket: 'data.ticketNo',
  counter: 'data.windowNo',
  at: 'data.time',
  timeFormat: 'local',
  timezone: '+08:00',
  snapshot: { seq: 'data.lastSerial', counters: 'data.windows', counter: { counter: 'windowNo', serving: 'ticketNo' } },
};

function vendorCall(serialNo: number, ticketNo: string, windowNo: string): string {
  return JSON.stringify({ cmd: 'CALL', data: { ticketNo, windowNo, time: '2026-12-01 10:17:03', serialNo } });
}

describe('WebSocket feed against a local server', () => {
  let server: LocalServer;
  let sockets: WebSocket[];
  let received: string[];
  let lastSerial: number;
  let snapshotDelayMs: number;
  let snapshotsServed: number;
  let onSocket: (socket: WebSocket) => void;
  let feed: QueueFeed | undefined;
  let board: RecordingSink;
  let wss: WebSocketServer;
  /** Upgrade sockets the server never answered: an unread socket does not notice the client left. */
  let hung: Duplex[];

  beforeEach(async () => {
    sockets = [];
    hung = [];
    received = [];
    lastSerial = 0;
    snapshotDelayMs = 0;
    snapshotsServed = 0;
    onSocket = () => undefined;
    feed = undefined;
    board = recordingSink();
    server = await localServer((request, response) => {
      if (request.url === '/snapshot') {
        snapshotsServed += 1;
        return sendJson(response, { code: 0, data: { lastSerial: String(lastSerial), windows: [{ windowNo: '05', ticketNo: '' }] } }, snapshotDelayMs);
      }
      response.writeHead(404).end();
    });
    wss = new WebSocketServer({ noServer: true });
    server.server.on('upgrade', (request, socket, head) => {
      if (request.url === '/page') {
        const page = '<html>登录</html>';
        socket.end(`HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: ${Buffer.byteLength(page)}\r\n\r\n${page}`);
        return;
      }
      // '/hang' never answers the upgrade: the connect timeout must notice.
      if (request.url === '/hang') return void hung.push(socket);
      wss.handleUpgrade(request, socket, head, (ws) => {
        sockets.push(ws);
        ws.on('message', (data) => received.push(String(data)));
        onSocket(ws);
      });
    });
  });

  afterEach(async () => {
    await feed?.stop();
    for (const socket of wss.clients) socket.terminate();
    for (const socket of hung) socket.destroy();
    await new Promise((resolve) => wss.close(resolve));
    await server.close();
  });

  function send(socket: WebSocket, serialNo: number, ticketNo: string): void {
    lastSerial = serialNo;
    socket.send(vendorCall(serialNo, ticketNo, '05'));
  }

  function start(config: Partial<WebSocketFeedConfig>): void {
    const base: WebSocketFeedConfig = { kind: 'websocket', url: server.url('/ws', 'ws'), timeoutSeconds: 1, mapping: VENDOR_MAPPING };
    feed = createPullFeed({ ...base, ...config }, board.sink, FAST);
    feed.start();
  }

  it('subscribes, shows a snapshot before events, recovers from a dropped socket, and resyncs on demand', async () => {
    start({ snapshotUrl: server.url('/snapshot'), subscribe: { action: 'subscribe', hall: 'SH-0021' } });
    await waitFor(() => sockets.length === 1 && board.seen.length === 1, 'the first snapshot');
    send(sockets[0]!, 1, 'A001');
    sockets[0]!.send(JSON.stringify({ cmd: 'HEARTBEAT' }));
    send(sockets[0]!, 2, 'A002');
    await waitFor(() => board.events.length === 2, 'two events');

    sockets[0]!.terminate();
    await waitFor(() => sockets.length === 2 && board.states().at(-1) === 'up', 'the reconnect');
    send(sockets[1]!, 3, 'A003');
    await waitFor(() => board.events.length === 3, 'the third event');

    feed!.resync();
    await waitFor(() => board.seen.length === 6, 'the resync snapshot');
    send(sockets[1]!, 4, 'A004');
    await waitFor(() => board.events.length === 4, 'the fourth event');

    expect(board.seen).toEqual(['snapshot 0', 'events 1', 'events 2', 'snapshot 2', 'events 3', 'snapshot 3', 'events 4']);
    expect(board.events[0]).toEqual({ type: 'ticket.called', seq: 1, at: Date.UTC(2026, 11, 1, 2, 17, 3), ticket: 'A001', counter: 5 });
    expect(board.states()).toEqual(['connecting', 'up', 'down', 'up']);
    expect(board.health[2]!.reason).toBe(`websocket ${server.url('/ws', 'ws')}: connection dropped by the queue system (no close frame)`);
    expect(received).toEqual(['{"action":"subscribe","hall":"SH-0021"}', '{"action":"subscribe","hall":"SH-0021"}']);
    expect(snapshotsServed).toBe(3);
  });

  it('holds live messages that arrive while the snapshot loads, and delivers them after it', async () => {
    snapshotDelayMs = 150;
    onSocket = (socket) => send(socket, 1, 'A001');
    start({ snapshotUrl: server.url('/snapshot') });
    await waitFor(() => board.events.length === 1, 'the held event');
    expect(board.seen).toEqual(['snapshot 1', 'events 1']);
  });

  it('reconnects when the snapshot cannot be read, instead of showing live events on a stale board', async () => {
    start({ snapshotUrl: server.url('/missing') });
    await waitFor(() => sockets.length >= 2, 'a second attempt');
    expect(board.states()).toEqual(['connecting', 'down']);
    expect(board.health[1]!.reason).toBe(`snapshot ${server.url('/missing')}: HTTP 404 Not Found (check the URL path)`);
    expect(board.seen).toEqual([]);
  });

  it('says clearly when the URL answers a web page instead of a WebSocket', async () => {
    start({ url: server.url('/page', 'ws') });
    await waitFor(() => board.states().at(-1) === 'down', 'the complaint');
    expect(board.health.at(-1)!.reason).toBe(
      `websocket ${server.url('/page', 'ws')}: expected a WebSocket upgrade, got text/html (is this the queue system's WebSocket URL?)`,
    );
  });

  it('gives up on a connect that hangs after timeoutSeconds, and keeps retrying', async () => {
    start({ url: server.url('/hang', 'ws'), timeoutSeconds: 0.1 });
    await waitFor(() => board.states().at(-1) === 'down', 'the timeout');
    expect(board.health.at(-1)!.reason).toBe(
      `websocket ${server.url('/hang', 'ws')}: no answer within 0.1 s (is the queue system up, and reachable from this player?)`,
    );
    await waitFor(() => hung.length >= 3, 'more attempts');
    expect(board.warnings).toHaveLength(1);
  });

  it('keeps a quiet socket that answers pings, for longer than twice delayedAfterSeconds', async () => {
    let pings = 0;
    onSocket = (socket) => socket.on('ping', () => (pings += 1));
    start({ delayedAfterSeconds: 0.15 });
    await waitFor(() => pings >= 8, 'twice the dead-socket limit of pings');
    expect(sockets).toHaveLength(1);
    expect(board.states()).not.toContain('down');
  });
});
