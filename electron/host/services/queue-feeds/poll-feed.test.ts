import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { QueueEvent } from '../../domain/queue/events.js';
import { createPullFeed } from './create-feed.js';
import type { PollFeedConfig } from '../../../contract/feed-config.js';
import type { QueueFeed } from './feed.js';
import { called, FAST, type LocalServer, localServer, type RecordingSink, recordingSink, sendJson, snapshotAt, waitFor } from './feed-test-kit.test-support.js';

describe('poll feed against a local server', () => {
  let server: LocalServer;
  let window: QueueEvent[];
  let state: unknown;
  let hang: boolean;
  let polls: number;
  let snapshotsServed: number;
  let feed: QueueFeed | undefined;
  let board: RecordingSink;

  beforeEach(async () => {
    window = [];
    state = snapshotAt(0);
    hang = false;
    polls = 0;
    snapshotsServed = 0;
    feed = undefined;
    board = recordingSink();
    server = await localServer((request, response) => {
      if (request.url === '/snapshot') {
        snapshotsServed += 1;
        return sendJson(response, state);
      }
      polls += 1;
      if (request.url === '/page') {
        response.writeHead(200, { 'content-type': 'text/html' });
        return response.end('<!DOCTYPE html><html><body>请登录</body></html>');
      }
      if (request.url === '/broken') {
        response.writeHead(503, 'Service Unavailable');
        return response.end();
      }
      if (request.url === '/state') return sendJson(response, state);
      if (hang) return; // never answers: the poll's timeout must notice
      sendJson(response, window);
    });
  });

  afterEach(async () => {
    await feed?.stop();
    await server.close();
  });

  function start(config: Partial<PollFeedConfig>): void {
    feed = createPullFeed({ kind: 'poll', url: server.url('/queue'), intervalSeconds: 0.05, timeoutSeconds: 0.5, ...config }, board.sink, FAST);
    feed.start();
  }

  it('delivers each event once from a sliding window of recent events, after the snapshot', async () => {
    window = [called(1, 'A001', 1), called(2, 'A002', 2)];
    start({ snapshotUrl: server.url('/snapshot') });
    await waitFor(() => board.events.length === 2, 'the first window');
    window = [called(1, 'A001', 1), called(2, 'A002', 2), called(3, 'A003', 1)];
    await waitFor(() => board.events.length === 3, 'the new event');
    window = [called(2, 'A002', 2), called(3, 'A003', 1), called(4, 'A004', 2)];
    await waitFor(() => board.events.length === 4, 'the next event');
    const seen = polls;
    await waitFor(() => polls >= seen + 3, 'more polls of the same window');

    expect(board.seen).toEqual(['snapshot 0', 'events 1,2', 'events 3', 'events 4']);
    expect(board.states()).toEqual(['connecting', 'up']);
    expect(snapshotsServed).toBe(1);
  });

  it('times out a URL that hangs, is down with the reason, and recovers with a snapshot first', async () => {
    hang = true;
    start({ snapshotUrl: server.url('/snapshot'), timeoutSeconds: 0.1 });
    await waitFor(() => board.states().at(-1) === 'down', 'the timeout');
    expect(board.health.at(-1)!.reason).toBe(`poll ${server.url('/queue')}: no answer within 0.1 s (is the queue system up, and reachable from this player?)`);
    await waitFor(() => polls >= 3, 'a few retries');

    hang = false;
    window = [called(1, 'A001', 1)];
    state = snapshotAt(0);
    await waitFor(() => board.events.length === 1, 'the recovery');
    expect(board.states()).toEqual(['connecting', 'down', 'up']);
    expect(board.seen).toEqual(['snapshot 0', 'events 1']);
    expect(board.warnings).toHaveLength(1);
  });

  it('says clearly when the URL is a web page, logs it once, and delivers nothing', async () => {
    start({ url: server.url('/page') });
    await waitFor(() => polls >= 4, 'a few polls');
    const reason = `poll ${server.url('/page')}: expected JSON, got text/html (is this the queue system's API URL?)`;
    expect(board.states()).toEqual(['connecting', 'down']);
    expect(board.health[1]!.reason).toBe(reason);
    expect(board.warnings).toEqual([reason]);
    expect(board.seen).toEqual([]);
  });

  it('names an HTTP error status', async () => {
    start({ url: server.url('/broken') });
    await waitFor(() => board.states().at(-1) === 'down', 'the error');
    expect(board.health.at(-1)!.reason).toBe(`poll ${server.url('/broken')}: HTTP 503 Service Unavailable (the queue system reports an error of its own)`);
  });

  it('is down while the answer maps to no valid event, naming the message and event', async () => {
    window = [{ ...called(1, 'A001', 1), counter: 0 } as QueueEvent];
    start({});
    await waitFor(() => board.states().at(-1) === 'down', 'the bad event');
    expect(board.health.at(-1)!.reason).toBe(`poll ${server.url('/queue')}: message 1, event [0]: ticket.called: "counter" must be an integer 1–999, got 0`);
    window = [called(1, 'A001', 1)];
    await waitFor(() => board.events.length === 1, 'the good event');
    expect(board.states()).toEqual(['connecting', 'down', 'up']);
  });

  it('in snapshot mode delivers the state only when it changed, and again on resync', async () => {
    start({ url: server.url('/state'), mode: 'snapshot' });
    await waitFor(() => board.seen.length === 1, 'the first state');
    const seen = polls;
    await waitFor(() => polls >= seen + 3, 'more polls of the same state');
    state = { ...snapshotAt(0), at: snapshotAt(0).at + 5000, counters: [{ counter: 1, open: false, serving: null }] };
    await waitFor(() => board.seen.length === 2, 'the changed state');
    feed!.resync();
    await waitFor(() => board.seen.length === 3, 'the resync');
    expect(board.seen).toEqual(['snapshot 0', 'snapshot 0', 'snapshot 0']);
  });
});
