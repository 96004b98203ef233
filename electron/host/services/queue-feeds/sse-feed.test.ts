import type { ServerResponse } from 'node:http';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { QueueEvent } from '../../domain/queue/events.js';
import { createPullFeed } from './create-feed.js';
import type { SseFeedConfig } from '../../../contract/feed-config.js';
import type { QueueFeed } from './feed.js';
import { called, FAST, type LocalServer, localServer, type RecordingSink, recordingSink, sendJson, snapshotAt, waitFor } from './feed-test-kit.test-support.js';

describe('SSE feed against a local server', () => {
  let server: LocalServer;
  let streams: ServerResponse[];
  let lastEventIds: (string | undefined)[];
  let lastSeq: number;
  let snapshotDelayMs: number;
  let onStream: (stream: ServerResponse) => void;
  let feed: QueueFeed | undefined;
  let board: RecordingSink;
  let pageRequests: number;

  beforeEach(async () => {
    streams = [];
    lastEventIds = [];
    lastSeq = 0;
    snapshotDelayMs = 0;
    onStream = () => undefined;
    feed = undefined;
    board = recordingSink();
    pageRequests = 0;
    server = await localServer((request, response) => {
      if (request.url === '/snapshot') return sendJson(response, snapshotAt(lastSeq), snapshotDelayMs);
      if (request.url === '/page') {
        pageRequests += 1;
        response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
        return response.end('<!doctype html><title>排队管理系统</title>');
      }
      lastEventIds.push(request.headers['last-event-id'] as string | undefined);
      response.writeHead(200, { 'content-type': 'text/event-stream' });
      response.flushHeaders();
      streams.push(response);
      onStream(response);
    });
  });

  afterEach(async () => {
    await feed?.stop();
    await server.close();
  });

  function send(stream: ServerResponse, event: QueueEvent): void {
    lastSeq = event.seq;
    stream.write(`id: ${event.seq}\ndata: ${JSON.stringify(event)}\n\n`);
  }

  function start(config: Partial<SseFeedConfig>): void {
    feed = createPullFeed({ kind: 'sse', url: server.url('/events'), timeoutSeconds: 1, ...config }, board.sink, FAST);
    feed.start();
  }

  it('delivers events in order; after a drop it reconnects and shows a fresh snapshot before live events resume', async () => {
    start({ snapshotUrl: server.url('/snapshot') });
    await waitFor(() => streams.length === 1 && board.seen.length === 1, 'the first snapshot');
    send(streams[0]!, called(1, 'A001', 1));
    send(streams[0]!, called(2, 'A002', 2));
    await waitFor(() => board.events.length === 2, 'two events');

    streams[0]!.destroy();
    await waitFor(() => streams.length === 2 && board.states().at(-1) === 'up', 'the reconnect');
    send(streams[1]!, called(3, 'A003', 1));
    await waitFor(() => board.events.length === 3, 'the third event');

    expect(board.seen).toEqual(['snapshot 0', 'events 1', 'events 2', 'snapshot 2', 'events 3']);
    expect(board.states()).toEqual(['connecting', 'up', 'down', 'up']);
    expect(board.health[2]!.reason).toBe(`sse ${server.url('/events')}: connection dropped by the queue system`);
    expect(board.health[3]!.lastEventAt).not.toBeNull();
    expect(lastEventIds).toEqual([undefined, '2']);
  });

  it('holds live events that arrive while the snapshot loads, and delivers them after it', async () => {
    snapshotDelayMs = 150;
    onStream = (stream) => send(stream, called(1, 'A001', 1));
    start({ snapshotUrl: server.url('/snapshot') });
    await waitFor(() => board.events.length === 1, 'the held event');
    expect(board.seen).toEqual(['snapshot 1', 'events 1']);
  });

  it('reconnects a stream that sends nothing, not even a keep-alive, for twice delayedAfterSeconds', async () => {
    start({ delayedAfterSeconds: 0.1 });
    await waitFor(() => streams.length === 2, 'the reconnect of a silent stream');
    expect(board.states().slice(0, 4)).toEqual(['connecting', 'up', 'delayed', 'down']);
    expect(board.health[3]!.reason).toBe(`sse ${server.url('/events')}: nothing received for 0.2 s, not even a keep-alive: reconnecting`);
  });

  it('keeps a quiet stream with keep-alive comments', async () => {
    let comments = 0;
    onStream = (stream) => {
      const timer = setInterval(() => {
        comments += 1;
        stream.write(': keep-alive\n\n');
      }, 20);
      stream.on('close', () => clearInterval(timer));
    };
    start({ delayedAfterSeconds: 0.15 });
    await waitFor(() => comments >= 30, 'twice the dead-stream limit of keep-alives');
    expect(streams).toHaveLength(1);
    expect(board.states()).not.toContain('down');
  });

  it('maps vendor messages, skips other event names, and is down while messages cannot be read', async () => {
    start({
      eventNames: ['queue'],
      mapping: { type: 'cmd', types: { CALL: 'ticket.called' }, seq: 'sn', ticket: 'no', counter: 'win' },
    });
    await waitFor(() => streams.length === 1 && board.states().at(-1) === 'up', 'the stream');
    streams[0]!.write('event: ad\ndata: {"cmd":"PLAY"}\n\n');
    streams[0]!.write('event: queue\ndata: not json\n\n');
    await waitFor(() => board.states().at(-1) === 'down', 'the unreadable message');
    streams[0]!.write('event: queue\ndata: {"cmd":"CALL","sn":7,"no":"A007","win":"3"}\n\n');
    await waitFor(() => board.events.length === 1, 'the mapped event');

    expect(board.events[0]).toMatchObject({ type: 'ticket.called', seq: 7, ticket: 'A007', counter: 3 });
    expect(board.health.at(-2)!.reason).toBe(
      `sse ${server.url('/events')}: message 1 is not JSON: "not json" (the queue system must send one JSON message per event)`,
    );
    expect(board.states()).toEqual(['connecting', 'up', 'down', 'up']);
  });

  it('says clearly when the URL is a web page, logs it once, and delivers nothing', async () => {
    start({ url: server.url('/page') });
    await waitFor(() => board.states().at(-1) === 'down' && board.warnings.length === 1, 'the complaint');
    const reason = `sse ${server.url('/page')}: expected an event stream (text/event-stream), got text/html (is this the queue system's SSE URL?)`;
    expect(board.health.at(-1)!.reason).toBe(reason);
    // The feed keeps retrying with backoff, but the log hears about it once.
    await waitFor(() => pageRequests >= 3, 'a few retries');
    expect(board.states()).toEqual(['connecting', 'down']);
    expect(board.warnings).toEqual([reason]);
    expect(board.seen).toEqual([]);
  });

  it('as a doorbell, fetches the panel once per ring, folding a burst into at most two fetches', async () => {
    let panelFetches = 0;
    let current = '----';
    server.server.removeAllListeners('request');
    server.server.on('request', (request, response) => {
      if (request.url === '/panel') {
        panelFetches += 1;
        return sendJson(response, { window: '5', current });
      }
      response.writeHead(200, { 'content-type': 'text/event-stream' });
      response.flushHeaders();
      streams.push(response);
    });
    start({
      doorbell: { url: server.url('/panel'), mode: 'events', minIntervalSeconds: 0.2 },
      mapping: { constants: { type: 'ticket.called' }, ticket: 'current', counter: 'window' },
    });
    // On connect it rings once: the placeholder is quietly nothing, and the feed is up.
    await waitFor(() => streams.length === 1 && panelFetches === 1 && board.states().at(-1) === 'up', 'connect and first fetch');
    current = 'A023';
    for (let i = 0; i < 10; i++) streams[0]!.write(`data: {"changed":${i}}\n\n`);
    await waitFor(() => board.events.length === 1, 'the call');
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(panelFetches).toBeGreaterThanOrEqual(2);
    expect(panelFetches).toBeLessThanOrEqual(3);
    // The same panel again is no new call.
    expect(board.events.map((e) => e.type === 'ticket.called' && `${e.ticket}@${e.counter}`)).toEqual(['A023@5']);
    expect(board.warnings).toEqual([]);
  });
});
