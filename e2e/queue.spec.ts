/**
 * The queue board end to end: a call posted to the API is painted on the board; the default hall
 * (built-in simulator) shows a living board; and the board a display shows stays the one the
 * host reports in /api/status while the simulator runs.
 */
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { QueueBoardState } from '../electron/contract/messages.js';
import { expect, queueHooks, ROOT, test } from './fixtures.js';

interface StatusQueue {
  queue: { nowServing: QueueBoardState['serving']; recentCalls: QueueBoardState['calls']; services: QueueBoardState['services']; feed: QueueBoardState['feed'] } | null;
}

test('POST /api/queue/call puts the number on the board', async ({ page, hall, shot }) => {
  const h = await hall({ at: '2026-12-01T10:00:00Z' });
  await page.goto(h.url);
  await expect.poll(async () => (await queueHooks(page)).board?.feed.kind ?? null, { timeout: 20_000 }).toBe('push');
  const sent = Date.now();
  const { status, body } = await h.post<{ call: { key: string } }>('/api/queue/call', { ticket: 'A023', counter: 5 });
  expect(status).toBe(200);
  const key = body.call.key;
  // Painted: the frame that rendered the board holding the call (the pixi stage loads after the first programme frame).
  await expect.poll(async () => (await queueHooks(page)).painted[key] ?? null, { timeout: 10_000 }).not.toBeNull();
  const hooks = await queueHooks(page);
  expect(hooks.board!.calls[0]).toMatchObject({ ticket: 'A023', counter: 5, fresh: true });
  console.log(`call → painted within ${Date.now() - sent} ms of the POST (upper bound, includes polling)`);
  await shot('queue-call-A023');
  // A bad request changes nothing on the board.
  const bad = await h.post<{ error: string }>('/api/queue/call', { ticket: 'A-0/23', counter: 5 });
  expect(bad.status).toBe(400);
  expect((await queueHooks(page)).board!.calls[0]!.ticket).toBe('A023');
});

test('the default hall shows a living queue board', async ({ page, hall, shot }) => {
  const h = await hall({ playlists: path.join(ROOT, 'playlists'), at: '2026-12-01T11:47:00+08:00' });
  await page.goto(h.url);
  await expect.poll(async () => Object.keys((await queueHooks(page)).painted).length, { timeout: 20_000 }).toBeGreaterThan(0);
  const board = (await queueHooks(page)).board!;
  expect(board.feed.kind).toBe('simulator');
  expect(board.serving.filter((s) => s.ticket).length).toBeGreaterThan(2);
  expect(board.services.map((s) => s.id)).toEqual(['A', 'B', 'V']);
  await page.waitForTimeout(500);
  const file = await shot('queue-board-default');
  if (process.env.HALLCAST_UPDATE_SCREENSHOT) copyFileSync(file, path.join(ROOT, 'docs', 'queue-board.png'));
});

test('a minute of the simulator: the board on screen is the one /api/status reports', async ({ page, hall }) => {
  test.setTimeout(120_000);
  // Ten simulated minutes in the real minute, so plenty happens.
  const h = await hall({
    playlists: path.join(ROOT, 'playlists'),
    at: '2026-12-01T11:47:00+08:00',
    edit: (dir) => {
      const file = path.join(dir, 'queue.json');
      const queue = JSON.parse(readFileSync(file, 'utf8')) as { feed: object };
      writeFileSync(file, JSON.stringify({ ...queue, feed: { kind: 'simulator', speed: 10, seed: 11 } }));
    },
  });
  await page.goto(h.url);
  await expect.poll(async () => (await queueHooks(page)).board?.seq ?? 0, { timeout: 20_000 }).toBeGreaterThan(0);
  const firstSeq = (await queueHooks(page)).board!.seq;
  const started = Date.now();
  let compared = 0;
  const seenCalls = new Set<string>();
  while (Date.now() - started < 60_000) {
    // The host and the page agree once the latest board has reached the page; allow it a moment.
    await expect
      .poll(
        async () => {
          const status = (await h.api<StatusQueue>('/api/status')).queue!;
          const shown = (await queueHooks(page)).board!;
          for (const c of shown.calls) seenCalls.add(`${c.ticket}@${c.counter}`);
          return JSON.stringify([shown.serving, shown.calls, shown.services]) === JSON.stringify([status.nowServing, status.recentCalls, status.services]);
        },
        { timeout: 3_000, intervals: [50, 100, 200] },
      )
      .toBe(true);
    compared++;
    await page.waitForTimeout(4_000);
  }
  const last = (await queueHooks(page)).board!;
  expect(compared).toBeGreaterThanOrEqual(10);
  // The board moved on during the minute, and every call it showed was painted.
  expect(last.seq).toBeGreaterThan(firstSeq + 5);
  expect(seenCalls.size).toBeGreaterThan(5);
  // No counter ever shows two tickets, no ticket two counters.
  const tickets = last.serving.map((s) => s.ticket).filter(Boolean);
  expect(new Set(tickets).size).toBe(tickets.length);
});
