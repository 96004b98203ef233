import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { testHall } from '../../test-hall.test-support.js';
import { createHostServer } from './host-server.test-support.js';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

const AT = Date.parse('2026-12-01T10:17:00+08:00');
const local = { host: '127.0.0.1:8080', 'content-type': 'application/json' };

function queueFile(feed: object) {
  return {
    services: [
      { id: 'A', name: { 'zh-CN': '综合业务', en: 'General business' }, serviceMinutes: 6 },
      { id: 'V', name: { 'zh-CN': '爱心通道', en: 'Priority' }, priority: true, serviceMinutes: 7 },
    ],
    counters: [
      { id: 1, services: ['A'] },
      { id: 5, services: ['A', 'V'] },
    ],
    feed,
  };
}

async function setup(feed: object | null = { kind: 'push' }, token: string | null = null) {
  const { root, host, time, cleanup } = testHall('2026-12-01T10:17:00+08:00', (dir) => {
    mkdirSync(path.join(dir, 'renderer'));
    writeFileSync(path.join(dir, 'renderer', 'index.html'), '<!doctype html>');
    if (feed) writeFileSync(path.join(dir, 'playlists', 'queue.json'), JSON.stringify({ $schema: './schema/queue.schema.json', ...queueFile(feed) }));
  });
  host.start();
  cleanups.push(cleanup);
  const app = await createHostServer({ host, rendererDir: path.join(root, 'renderer'), assetsDir: path.join(root, 'assets'), playlistsDir: path.join(root, 'playlists'), stateDir: path.join(root, 'state'), bindAddress: '127.0.0.1', port: 8080, token, version: 't', now: time.now });
  cleanups.push(() => app.close());
  return { app, host };
}

const open = [
  { type: 'counter.opened', seq: 1, at: AT, counter: 1 },
  { type: 'counter.opened', seq: 2, at: AT, counter: 5 },
  { type: 'ticket.issued', seq: 3, at: AT, ticket: 'A001', service: 'A' },
  { type: 'ticket.issued', seq: 4, at: AT, ticket: 'V001', service: 'V' },
];

describe('POST /api/queue/events', () => {
  it('takes one event or an array, and /api/status shows the queue', async () => {
    const { app } = await setup();
    const batch = await app.inject({ method: 'POST', url: '/api/queue/events', headers: local, payload: open });
    expect(batch.statusCode).toBe(200);
    expect(batch.json()).toMatchObject({ accepted: 4, applied: 4, rejected: [], invalidCount: 0 });
    const one = await app.inject({ method: 'POST', url: '/api/queue/events', headers: local, payload: { type: 'ticket.called', seq: 5, at: AT, ticket: 'V001', counter: 5 } });
    expect(one.json()).toMatchObject({ applied: 1 });
    const status = (await app.inject({ method: 'GET', url: '/api/status', headers: local })).json();
    expect(status.queue.nowServing).toEqual([
      { counter: 1, ticket: null, priority: false },
      { counter: 5, ticket: 'V001', priority: true },
    ]);
    expect(status.queue.recentCalls[0]).toMatchObject({ ticket: 'V001', counter: 5, priority: true, fresh: true });
    expect(status.queue.services.map((s: { id: string; waiting: number }) => `${s.id}:${s.waiting}`)).toEqual(['A:1', 'V:0']);
    expect(status.queue.feed).toMatchObject({ kind: 'push', state: 'up' });
    expect(status.queue.overdue).toEqual([]);
  });

  it('reports duplicates, out-of-order and malformed events without losing the good ones', async () => {
    const { app } = await setup();
    await app.inject({ method: 'POST', url: '/api/queue/events', headers: local, payload: open });
    const response = await app.inject({
      method: 'POST',
      url: '/api/queue/events',
      headers: local,
      payload: [open[3], { type: 'ticket.called', seq: 6, at: AT, ticket: 'A001', counter: 1 }, { type: 'ticket.called', seq: 5, ticket: 'A-0/23', counter: -1 }],
    });
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body).toMatchObject({ duplicate: 1, stale: 0, buffered: 1, invalidCount: 1 });
    expect(body.invalid[0]).toMatch(/^\[2\] ticket\.called: /);
  });

  it('refuses malformed JSON, a body of no events, and 10,001 events, each with a clear message', async () => {
    const { app } = await setup();
    const broken = await app.inject({ method: 'POST', url: '/api/queue/events', headers: local, payload: '{"type": ' });
    expect(broken.statusCode).toBe(400);
    const none = await app.inject({ method: 'POST', url: '/api/queue/events', headers: local, payload: { hello: 1 } });
    expect(none.statusCode).toBe(400);
    expect(none.json().error).toMatch(/"type" must be one of/);
    const flood = Array.from({ length: 10_001 }, (_, i) => ({ type: 'ticket.issued', seq: i + 10, at: AT, ticket: `A${(i % 9999) + 1}`, service: 'A' }));
    const big = await app.inject({ method: 'POST', url: '/api/queue/events', headers: local, payload: flood });
    expect(big.statusCode).toBe(413);
    expect(big.json().error).toBe('batch of 10001 events is over the limit of 10000: send at most 10000 per batch');
  });

  it('takes 10,000 events in one request', async () => {
    const { app } = await setup();
    const events = [{ type: 'counter.opened', seq: 1, at: AT, counter: 1 }, ...Array.from({ length: 9_999 }, (_, i) => ({ type: 'ticket.issued', seq: i + 2, at: AT, ticket: `A${i + 1}`, service: 'A' }))];
    const response = await app.inject({ method: 'POST', url: '/api/queue/events', headers: local, payload: events });
    expect(response.statusCode).toBe(200);
    expect(response.json().accepted).toBe(10_000);
  });

  it('is refused while the feed is not "push", naming the fix', async () => {
    const { app } = await setup({ kind: 'simulator', seed: 1 });
    const response = await app.inject({ method: 'POST', url: '/api/queue/events', headers: local, payload: open });
    expect(response.statusCode).toBe(409);
    expect(response.json().error).toMatch(/"kind": "push"/);
  });

  it('is refused from another origin, and without the token when bound beyond loopback', async () => {
    const { app } = await setup();
    const foreign = await app.inject({ method: 'POST', url: '/api/queue/events', headers: { ...local, origin: 'http://evil.example' }, payload: open });
    expect(foreign.statusCode).toBe(403);
  });
});

describe('POST /api/queue/call', () => {
  it('puts the number on the board at once, whatever the feed', async () => {
    const { app, host } = await setup({ kind: 'simulator', seed: 2 });
    const response = await app.inject({ method: 'POST', url: '/api/queue/call', headers: local, payload: { ticket: 'a023', counter: 5 } });
    expect(response.statusCode).toBe(200);
    expect(response.json().call).toMatchObject({ ticket: 'A023', counter: 5, fresh: true });
    // The key names this call for the displays (flash, paint log) and differs for a recall.
    expect(response.json().call.key).toBe(`A023@5@${response.json().call.at}`);
    expect(host.queue.board()!.calls[0]).toMatchObject({ ticket: 'A023', counter: 5 });
    const board = (await app.inject({ method: 'GET', url: '/api/queue', headers: local })).json();
    expect(board.calls[0].ticket).toBe('A023');
  });

  it('refuses a bad ticket, a bad counter and an unknown counter, saying why', async () => {
    const { app } = await setup();
    const badTicket = await app.inject({ method: 'POST', url: '/api/queue/call', headers: local, payload: { ticket: 'A-0/23', counter: 5 } });
    expect(badTicket.statusCode).toBe(400);
    expect(badTicket.json().error).toMatch(/ticket/);
    const badCounter = await app.inject({ method: 'POST', url: '/api/queue/call', headers: local, payload: { ticket: 'A023', counter: -1 } });
    expect(badCounter.statusCode).toBe(400);
    expect(badCounter.json().error).toMatch(/"counter" must be an integer 1–999, got -1/);
    const unknown = await app.inject({ method: 'POST', url: '/api/queue/call', headers: local, payload: { ticket: 'A023', counter: 7 } });
    expect(unknown.statusCode).toBe(422);
    expect(unknown.json().error).toMatch(/7/);
  });

  it('answers 404 with the fix when the hall has no queue.json', async () => {
    const { app } = await setup(null);
    const response = await app.inject({ method: 'POST', url: '/api/queue/call', headers: local, payload: { ticket: 'A023', counter: 5 } });
    expect(response.statusCode).toBe(404);
    expect(response.json().error).toMatch(/queue\.json/);
  });
});
