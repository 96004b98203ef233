/**
 * Two real open-source queue systems, faked on 127.0.0.1 with the exact JSON their source sends
 * (see README.md "Real queue systems" for repository, file and commit), configured in queue.json
 * only, and read back through GET /api/queue as a display does: the calls arrive on the board in
 * order, and a placeholder, a missing field or a wrong type gives one clear line, never a crash.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { type WebSocket, WebSocketServer } from 'ws';
import { createHostServer } from '../../channels/http/host-server.test-support.js';
import { testHall } from '../../test-hall.test-support.js';
import { localServer, sendJson, waitFor, type LocalServer } from './feed-test-kit.test-support.js';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

const local = { host: '127.0.0.1:8080' };

/** A hall whose queue.json points at `feed`; returns a GET /api/queue through the real route. */
async function hallOn(feed: object, counters: { id: number; services: string[] }[]) {
  const { root, host, cleanup, warnings } = testHall('2026-12-01T10:17:00+08:00', (dir) => {
    mkdirSync(path.join(dir, 'renderer'));
    writeFileSync(path.join(dir, 'renderer', 'index.html'), '<!doctype html>');
    const queue = { $schema: './schema/queue.schema.json', services: [{ id: 'A', name: { 'zh-CN': '综合业务' }, serviceMinutes: 5 }], counters, feed };
    writeFileSync(path.join(dir, 'playlists', 'queue.json'), JSON.stringify(queue));
  });
  host.start();
  cleanups.push(cleanup);
  const app = await createHostServer({ host, rendererDir: path.join(root, 'renderer'), assetsDir: path.join(root, 'assets'), playlistsDir: path.join(root, 'playlists'), stateDir: path.join(root, 'state'), bindAddress: '127.0.0.1', port: 8080, token: null, version: 't', now: () => Date.now() });
  cleanups.push(() => app.close());
  let last: Board | null = null;
  const board = async (): Promise<Board> => {
    const answer = await app.inject({ method: 'GET', url: '/api/queue', headers: local });
    expect(answer.statusCode).toBe(200);
    last = answer.json() as Board;
    return last;
  };
  /** Polls GET /api/queue until `predicate` holds, as a display would. */
  const boardWhen = async (predicate: (b: Board) => boolean, what: string): Promise<Board> => {
    const deadline = Date.now() + 5000;
    for (;;) {
      const b = await board();
      if (predicate(b)) return b;
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}: ${JSON.stringify(last)}`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  };
  return { board, boardWhen, warnings };
}

interface Board {
  serving: { counter: number; ticket: string | null }[];
  calls: { ticket: string; counter: number }[];
  services: { id: string; waiting: number; wait: { en: string } }[];
  feed: { state: string; reason?: string; lastEventAt: number | null };
}

const calls = (b: Board): string[] => b.calls.map((c) => `${c.ticket}@${c.counter}`);

describe('oxol-blue/jiaohao (Go canteen 叫号): WebSocket doorbell + display view', () => {
  it('each socket message rings; the display view is fetched and its calls reach the board in order', async () => {
    // apps/api/internal/queue/display.go DisplayView inside httpx.Envelope { ok, data, error }.
    let view: Record<string, unknown> = { window_id: '7d4f5a8e-0b5c-4c36-9a57-2f1e7f1d2c11', window_name: '1号窗口', code: 'W1', status: 'open', current_number: 0, waiting_count: 0, announcement_id: '' };
    let fetches = 0;
    let server: LocalServer | null = await localServer((request, response) => {
      fetches++;
      sendJson(response, { ok: true, data: view, error: null });
    });
    cleanups.push(() => server?.close());
    const wss = new WebSocketServer({ noServer: true });
    const sockets: WebSocket[] = [];
    server.server.on('upgrade', (request, socket, head) => wss.handleUpgrade(request, socket, head, (ws) => sockets.push(ws)));
    cleanups.push(() => {
      for (const ws of sockets) ws.terminate();
      wss.close();
    });
    const { boardWhen } = await hallOn(
      {
        kind: 'websocket',
        url: server.url('/ws?token=display-token', 'ws'),
        // realtime/ws.go: a display subscribes to its window's topic.
        subscribe: { type: 'subscribe', topics: ['display:7d4f5a8e-0b5c-4c36-9a57-2f1e7f1d2c11'] },
        doorbell: { url: server.url('/api/display/7d4f5a8e-0b5c-4c36-9a57-2f1e7f1d2c11?token=display-token'), mode: 'events', minIntervalSeconds: 0.05 },
        timeoutSeconds: 2,
        mapping: {
          constants: { type: 'ticket.called' },
          ticketParts: { number: 'data.current_number' },
          ticketFormat: 'A{number:03}',
          counter: 'data.window_name',
          counterPattern: '(\\d+)',
          placeholders: ['0'],
        },
      },
      [{ id: 1, services: ['A'] }],
    );
    await waitFor(() => sockets.length === 1 && fetches >= 1, 'socket and the first fetch');

    // Before the first call of the day current_number is 0: nothing on the board, the feed is up.
    let b = await boardWhen((x) => x.feed.state === 'up', 'feed up on the placeholder');
    expect(b.calls).toEqual([]);
    expect(b.feed.reason).toBeUndefined();

    // publish.go: queue.window.updated after every change, queue.announcement with a call.
    const ring = (current: number): void => {
      view = { ...view, current_number: current, waiting_count: 3, announcement_id: `a-${current}` };
      sockets[0]!.send(JSON.stringify({ event: 'queue.window.updated', window_id: view.window_id, current_number: current, waiting_count: 3, status: 'open' }));
      sockets[0]!.send(JSON.stringify({ event: 'queue.announcement', announcement_id: `a-${current}`, window_id: view.window_id, window_name: '1号窗口', number: current, text: `请 ${current} 号到 1号窗口` }));
    };
    ring(1);
    expect(calls(await boardWhen((x) => x.calls.length === 1, 'A001 called'))).toEqual(['A001@1']);
    ring(2);
    expect(calls(await boardWhen((x) => x.calls.length === 2, 'A002 called'))).toEqual(['A002@1', 'A001@1']);
    ring(3);
    b = await boardWhen((x) => x.calls.length === 3, 'A003 called');
    expect(calls(b)).toEqual(['A003@1', 'A002@1', 'A001@1']);
    // The counter was never said to be open: the call opened it, so the wait is an estimate, not "—".
    expect(b.serving).toEqual([expect.objectContaining({ counter: 1, ticket: 'A003' })]);
    expect(b.services[0]!.wait.en).not.toBe('—');
    expect(b.feed.lastEventAt).not.toBeNull();

    // A burst of rings costs at most two fetches (one now, one after the interval).
    const before = fetches;
    for (let i = 0; i < 20; i++) sockets[0]!.send(JSON.stringify({ event: 'queue.window.updated', window_id: view.window_id, current_number: 3, waiting_count: 3, status: 'open' }));
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(fetches - before).toBeGreaterThanOrEqual(1);
    expect(fetches - before).toBeLessThanOrEqual(2);

    // Bad input: the window name missing from the view → one clear reason, the board keeps its calls.
    view = { ...view, current_number: 4, window_name: undefined };
    sockets[0]!.send(JSON.stringify({ event: 'queue.window.updated' }));
    b = await boardWhen((x) => x.feed.state === 'down', 'down on a missing field');
    expect(b.feed.reason).toMatch(/^websocket ws:\/\/127\.0\.0\.1:\d+\/ws\?…: message \d+: ticket\.called: "counter" is required: an integer 1–999 \(vendor field "data\.window_name"\)$/);
    expect(calls(b)).toEqual(['A003@1', 'A002@1', 'A001@1']);
    // The next good view brings it back, in order.
    view = { ...view, current_number: 4, window_name: '1号窗口' };
    sockets[0]!.send(JSON.stringify({ event: 'queue.window.updated' }));
    b = await boardWhen((x) => x.calls.length === 4 && x.feed.state === 'up', 'A004 after the bad view');
    expect(calls(b)[0]).toBe('A004@1');
    server = null;
  });
});

describe('themehran/queueCallforXibo (FastAPI, for Xibo signage): poll of /queue/display', () => {
  it('statuses waiting → active → served become issues and calls, in order, through GET /api/queue', async () => {
    // app/main.py display_payload(): { service_date, count, queue: [{ ticket: "001", name, phone, status, birthday }] }.
    const entry = (ticket: string, status: unknown) => ({ ticket, name: 'Sara', phone: '+989121234567', status, birthday: null });
    let queue = [entry('001', 'waiting'), entry('002', 'waiting')];
    const server = await localServer((request, response) => sendJson(response, { service_date: '2026-12-01', count: queue.length, queue }));
    cleanups.push(() => server.close());
    const { boardWhen, warnings } = await hallOn(
      {
        kind: 'poll',
        url: server.url('/queue/display'),
        intervalSeconds: 0.05,
        timeoutSeconds: 2,
        mapping: {
          events: 'queue',
          type: 'status',
          types: { waiting: 'ticket.issued', active: 'ticket.called', served: null },
          ticketParts: { number: 'ticket' },
          ticketFormat: 'A{number:03}',
          constants: { counter: 1, service: 'A' },
        },
      },
      [{ id: 1, services: ['A'] }],
    );

    let b = await boardWhen((x) => x.services[0]!.waiting === 2, 'two waiting');
    expect(b.calls).toEqual([]);
    queue = [entry('001', 'active'), entry('002', 'waiting')]; // POST /queue/next
    expect(calls(await boardWhen((x) => x.calls.length === 1, 'A001 called'))).toEqual(['A001@1']);
    queue = [entry('001', 'served'), entry('002', 'active'), entry('003', 'waiting')];
    b = await boardWhen((x) => x.calls.length === 2 && x.services[0]!.waiting === 1, 'A002 called, A003 waiting');
    expect(calls(b)).toEqual(['A002@1', 'A001@1']);
    expect(b.serving).toEqual([expect.objectContaining({ counter: 1, ticket: 'A002' })]);
    expect(b.services[0]!.wait.en).not.toBe('—');

    // Bad input: a number where the status text goes → one line naming it; the good entries still count.
    queue = [entry('002', 'active'), entry('003', 1)];
    await waitFor(() => warnings.some((w) => w.includes('not in mapping.types')), 'the wrong type logged');
    expect(warnings.filter((w) => w.includes('not in mapping.types'))).toEqual([
      expect.stringMatching(/^poll http:\/\/127\.0\.0\.1:\d+\/queue\/display: message \d+, event \[1\]: vendor type 1 \(from "status"\) is not in mapping\.types: add it, or map it to null to ignore such messages$/),
    ]);
    queue = [entry('002', 'served'), entry('003', 'active')];
    b = await boardWhen((x) => x.calls.length === 3, 'A003 called after the bad answer');
    expect(calls(b)).toEqual(['A003@1', 'A002@1', 'A001@1']);
  });
});
