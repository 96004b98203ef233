/**
 * The network blips while a screen loads its page (an interface comes or goes: Chromium's
 * ERR_NETWORK_CHANGED, seen when the LAN sweep made its namespace): the lazily loaded chunks of the
 * pixi stage and the clock and queue zones fail to arrive. The display asks for them again, the
 * queue board comes up and paints a call, and /api/status → health counts each failed load.
 */
import { boardShowsCall, expect, test } from '../fixtures.js';

interface Health {
  classes: Record<string, { count: number; last: { fields?: Record<string, unknown> } | null }>;
}

test('chunks that fail to load while the page loads are asked for again: the queue board comes up and the failures are counted', async ({ page, hall, shot }) => {
  const h = await hall({ at: '2026-12-01T10:00:00Z' });
  const refused: string[] = [];
  // The first two requests for each lazily loaded chunk fail as a network change would.
  const tries = new Map<string, number>();
  await page.route(/\/chunks\/stage-(layer|pieces)-[^/]+\.js$/, async (route) => {
    const name = new URL(route.request().url()).pathname.split('/').pop()!;
    const n = (tries.get(name) ?? 0) + 1;
    tries.set(name, n);
    if (n <= 2) {
      refused.push(name);
      return route.abort('internetdisconnected');
    }
    return route.continue();
  });
  // Painted = the queue zone's pixi piece is on the stage: both chunks arrived in the end.
  await boardShowsCall(page, h);
  await shot('board-after-blip');
  expect(refused.some((n) => n.startsWith('stage-layer'))).toBe(true);
  expect(refused.some((n) => n.startsWith('stage-pieces'))).toBe(true);
  // Each failed attempt is a fault the display reports; the stage's two and at least the pieces' two.
  await expect.poll(async () => (await h.api<{ health: Health }>('/api/status')).health.classes['code-load-failed']!.count, { timeout: 10_000 }).toBeGreaterThanOrEqual(4);
  const last = (await h.api<{ health: Health }>('/api/status')).health.classes['code-load-failed']!.last;
  expect(String(last?.fields?.['part'])).toMatch(/zone|pixi stage/);
});

test('a chunk that keeps failing past four attempts reloads the page once, and the new page loads it', async ({ page, hall }) => {
  const h = await hall({ at: '2026-12-01T10:00:00Z' });
  // The stage's chunk fails five times: a browser that kept the first failure (Chromium 150) would
  // see every later attempt fail alike; only a new page asks the network afresh.
  let stageTries = 0;
  await page.route(/\/chunks\/stage-layer-[^/]+\.js$/, async (route) => (++stageTries <= 5 ? route.abort('internetdisconnected') : route.continue()));
  let loads = 0;
  page.on('load', () => loads++);
  await boardShowsCall(page, h);
  expect(loads).toBe(2);
  expect(stageTries).toBeGreaterThanOrEqual(6);
  await expect.poll(async () => (await h.api<{ health: Health }>('/api/status')).health.classes['code-load-failed']!.count, { timeout: 10_000 }).toBeGreaterThanOrEqual(4);
});
