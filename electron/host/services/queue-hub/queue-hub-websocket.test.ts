/**
 * The hub with a real pull feed: a WebSocket queue system on 127.0.0.1 that loses an event, drops
 * the connection and restarts its numbering. The board must come back right each time.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { type WebSocket, WebSocketServer } from 'ws';
import type { QueueFile } from '../../../contract/hall-config.js';
import { FAST, localServer, sendJson, waitFor, type LocalServer } from '../queue-feeds/feed-test-kit.test-support.js';
import type { QueueEvent } from '../../domain/queue/events.js';
import { TimeZone } from '../../domain/time/time-zone.js';
import { createQueueHub, type QueueHub } from './queue-hub.js';
import { systemClock } from '../../ports.js';
import { systemTimers } from '../time/wall-timers.js';

const AT = Date.parse('2026-12-01T10:17:00+08:00');
const call = (seq: number, ticket: string, counter: number): QueueEvent => ({ type: 'ticket.called', seq, at: AT + seq, ticket, counter });

let server: LocalServer | null = null;
let hub: QueueHub | null = null;
afterEach(async () => {
  await hub?.stop();
  await server?.close();
});

describe('queue hub on a WebSocket feed', () => {
  it('resyncs from the snapshot after a lost event, a dropped connection and a numbering restart', async () => {
    let snapshot: QueueEvent = { type: 'snapshot', seq: 2, at: AT, counters: [{ counter: 1, open: true, serving: null }, { counter: 2, open: true, serving: null }], tickets: [] };
    let snapshotsServed = 0;
    server = await localServer((request, response) => {
      snapshotsServed++;
      sendJson(response, snapshot);
    });
    const wss = new WebSocketServer({ noServer: true });
    const sockets: WebSocket[] = [];
    server.server.on('upgrade', (request, socket, head) => wss.handleUpgrade(request, socket, head, (ws) => sockets.push(ws)));
    const warnings: string[] = [];
    const file: QueueFile = {
      services: [{ id: 'A', name: { 'zh-CN': '综合业务' }, serviceMinutes: 5 }],
      counters: [
        { id: 1, services: ['A'] },
        { id: 2, services: ['A'] },
      ],
      reorderWindowMs: 100,
      feed: { kind: 'websocket', url: server.url('/events', 'ws'), snapshotUrl: server.url('/state'), timeoutSeconds: 2 },
    };
    hub = createQueueHub({ file, zone: TimeZone.of('Asia/Shanghai'), clock: systemClock, timers: systemTimers, log: { info: () => {}, warn: (m) => void warnings.push(m) }, feedDeps: FAST });
    hub.start();
    const h = hub;
    const serving = (counter: number) => h.board().serving.find((s) => s.counter === counter)?.ticket ?? null;

    // Connected: the snapshot comes first, then live events.
    await waitFor(() => sockets.length === 1 && snapshotsServed === 1, 'connect and first snapshot');
    sockets[0]!.send(JSON.stringify(call(3, 'A001', 1)));
    await waitFor(() => serving(1) === 'A001', 'A001 at counter 1');
    expect(h.board().feed.state).toBe('up');

    // seq 4 is lost: 5 waits out the reorder window, is shown anyway, and a snapshot is fetched.
    snapshot = { type: 'snapshot', seq: 5, at: AT, counters: [{ counter: 1, open: true, serving: 'A002' }, { counter: 2, open: true, serving: 'A003' }], tickets: [
      { ticket: 'A002', service: 'A', state: 'called', issuedAt: AT, calledAt: AT, counter: 1 },
      { ticket: 'A003', service: 'A', state: 'called', issuedAt: AT, calledAt: AT, counter: 2 },
    ] };
    sockets[0]!.send(JSON.stringify(call(5, 'A003', 2)));
    await waitFor(() => snapshotsServed === 2, 'resync after the gap');
    await waitFor(() => serving(1) === 'A002' && serving(2) === 'A003', 'board as the snapshot says');

    // The connection drops; on reconnect the snapshot again comes before live events.
    sockets[0]!.terminate();
    await waitFor(() => sockets.length === 2, 'reconnect');
    await waitFor(() => snapshotsServed === 3, 'snapshot after reconnect');

    // The queue system restarted and numbers from 1 again: its snapshot is taken as the truth.
    snapshot = { type: 'snapshot', seq: 1, at: AT, counters: [{ counter: 1, open: true, serving: null }, { counter: 2, open: false, serving: null }], tickets: [] };
    sockets[1]!.terminate();
    await waitFor(() => sockets.length === 3 && snapshotsServed === 4, 'reconnect after the restart');
    await waitFor(() => serving(1) === null, 'counter 1 free after the restart');
    expect(h.board().serving.map((s) => s.counter)).toEqual([1]);
    sockets[2]!.send(JSON.stringify(call(2, 'A001', 1)));
    await waitFor(() => serving(1) === 'A001', 'a new call after the restart');
    expect(warnings.some((w) => w.includes('numbering went back'))).toBe(true);

    // The queue system goes away: the board says its data may be old, and keeps the last numbers.
    // (Upgraded sockets are no longer the HTTP server's: end them first, or close() waits for them.)
    sockets[2]!.terminate();
    wss.close();
    await server.close();
    server = null;
    await waitFor(() => h.board().feed.delayed, 'the delayed mark');
    expect(h.board().feed.state).toBe('down');
    expect(serving(1)).toBe('A001');
  });
});
