/**
 * Screens of one hall, each opened as its displays.json id (`/?display=ID`) at its real size: the
 * waiting area's landscape screen, the self-service area's portrait screen with its own programme,
 * and counter 5's 10-inch screen. Each shows its own layout filling the screen with every word
 * inside its panel; a call to counter 5 flashes on the waiting display and on counter 5's screen,
 * which shows the served ticket big and "暂停服务" once the counter closes.
 * HALLCAST_UPDATE_SCREENSHOT=1 copies the three screenshots to docs/.
 */
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { PNG } from 'pngjs';
import type { DisplayState } from '../electron/contract/messages.js';
import { displayState, expect, queueHooks, ROOT, test, type Hall } from './fixtures.js';

/** A Tuesday 10:00 in the hall: the workday morning programme, the self-service area's own. */
const AT = '2026-12-01T10:00:00+08:00';
const BACKGROUND = [0x0b, 0x1f, 0x3a];

interface Rect {
  x: number;
  y: number;
  w: number;
  h: number;
}

/** renderer/display/zones/zone-piece.ts ZoneInspection, as the zones() hook returns it. */
interface ZoneInspection {
  text: Rect | null;
  panel: Rect | null;
  words: string[];
  flashing: boolean;
}

interface ZoneOnScreen {
  name: string;
  kind: string;
  rect: Rect;
  shown: ZoneInspection | null;
}

/**
 * The shipped hall, its queue pushed by the test instead of simulated, without its timed notices
 * and care rules: the player renders their words with espeak-ng when it starts, and a player
 * stopped while it does took 6.5–7 s here (measured by hand, no page open, load ≈ 15 on 2 cores),
 * over the fixture's 5 s. `quiet`: calls are not read out either, so the pictures are the screens
 * at rest.
 */
function hallOptions(quiet = false, more?: (playlists: string) => void) {
  return {
    playlists: path.join(ROOT, 'playlists'),
    at: AT,
    edit: (playlists: string) => {
      const file = path.join(playlists, 'queue.json');
      writeFileSync(file, readFileSync(file, 'utf8').replace(/"feed": \{[^}]*\}/, '"feed": { "kind": "push" }'));
      const announcements = path.join(playlists, 'announcements.json');
      const pa = JSON.parse(readFileSync(announcements, 'utf8')) as { timed?: unknown[]; careRules?: unknown[]; calls?: { enabled?: boolean } };
      pa.timed = [];
      pa.careRules = [];
      if (quiet) pa.calls = { ...pa.calls, enabled: false };
      writeFileSync(announcements, JSON.stringify(pa, null, 1));
      more?.(playlists);
    },
  };
}

async function openDisplay(page: Page, h: Hall, id: string, width: number, height: number): Promise<DisplayState> {
  await page.setViewportSize({ width, height });
  await page.goto(new URL(`/?display=${id}`, h.url).href);
  await expect.poll(async () => (await displayState(page).catch(() => null))?.display.id ?? null, { timeout: 20_000 }).toBe(id);
  await expect.poll(async () => (await queueHooks(page)).board?.feed.kind ?? null, { timeout: 20_000 }).toBe('push');
  // The state after the hello: the layout turned to the screen the page reported.
  await expect.poll(async () => (await zones(page)).filter((z) => z.kind === 'queue' || z.kind === 'counter').every((z) => z.shown !== null), { timeout: 20_000 }).toBe(true);
  return (await displayState(page))!;
}

/** The display's painted moments (renderer/display/engine/shared-instant.ts PaintedEntry). */
async function moments(page: Page): Promise<{ key: string; at: number; late: boolean }[]> {
  return page.evaluate(() => (globalThis as unknown as { __hallcast: { moments(): { painted: { key: string; at: number; late: boolean }[] } } }).__hallcast.moments().painted);
}

async function zones(page: Page): Promise<ZoneOnScreen[]> {
  return page.evaluate(() => (globalThis as unknown as { __hallcast: { zones(): ZoneOnScreen[] } }).__hallcast.zones());
}

/** Queue events in the hall's (previewed) time, numbered on from `seq`. */
function pushEvents(h: Hall) {
  let seq = 0;
  return async (page: Page, ...events: Record<string, unknown>[]) => {
    const at = (await queueHooks(page)).board!.at;
    const { status, body } = await h.post<{ applied: number }>('/api/queue/events', events.map((e) => ({ ...e, seq: ++seq, at })));
    expect(status).toBe(200);
    expect(body.applied).toBe(events.length);
  };
}

/** Every point of a 100 × 100 grid over the screen lies in a shown zone of the layout. */
function uncoveredShare(state: DisplayState): number {
  const hidden = new Set(state.programme?.hideZones ?? []);
  const shown = state.layout.zones.filter((z) => !hidden.has(z.name));
  let missing = 0;
  for (let i = 0; i < 100; i++) {
    for (let j = 0; j < 100; j++) {
      const x = (i + 0.5) / 100;
      const y = (j + 0.5) / 100;
      if (!shown.some((z) => x >= z.x && x < z.x + z.w && y >= z.y && y < z.y + z.h)) missing++;
    }
  }
  return missing / 10_000;
}

/** The longest run of screenshot rows (and of columns) that are nothing but the hall's background, as shares of the screen. */
function emptyRuns(file: string): { rows: number; columns: number } {
  const png = PNG.sync.read(readFileSync(file));
  const isBackground = (x: number, y: number): boolean => {
    const i = (y * png.width + x) * 4;
    return BACKGROUND.every((c, k) => Math.abs(png.data[i + k]! - c) <= 8);
  };
  const longest = (n: number, m: number, at: (a: number, b: number) => boolean): number => {
    let best = 0;
    let run = 0;
    for (let a = 0; a < n; a++) {
      let empty = true;
      for (let b = 0; b < m && empty; b++) empty = at(a, b);
      run = empty ? run + 1 : 0;
      best = Math.max(best, run);
    }
    return best / n;
  };
  return { rows: longest(png.height, png.width, (y, x) => isBackground(x, y)), columns: longest(png.width, png.height, (x, y) => isBackground(x, y)) };
}

function inside(inner: Rect, outer: Rect): boolean {
  return inner.x >= outer.x - 1 && inner.y >= outer.y - 1 && inner.x + inner.w <= outer.x + outer.w + 1 && inner.y + inner.h <= outer.y + outer.h + 1;
}

const SCREENS = [
  { id: 'waiting', width: 1920, height: 1080, layout: 'landscape', programme: 'morning' },
  { id: 'self-service', width: 1080, height: 1920, layout: 'portrait', programme: 'self-service' },
  { id: 'counter-5', width: 1280, height: 800, layout: 'counter', programme: 'morning' },
] as const;

for (const screen of SCREENS) {
  test(`${screen.id} at ${screen.width}×${screen.height}: its layout fills the screen, every word inside its panel`, async ({ page, hall, shot }) => {
    const h = await hall(hallOptions(true));
    const push = pushEvents(h);
    await openDisplay(page, h, screen.id, screen.width, screen.height);
    await push(page, { type: 'counter.opened', counter: 5 }, { type: 'counter.opened', counter: 4 }, { type: 'ticket.issued', ticket: 'A023', service: 'A' }, { type: 'ticket.issued', ticket: 'B011', service: 'B' });
    await push(page, { type: 'ticket.called', ticket: 'B011', counter: 4 });
    await push(page, { type: 'ticket.called', ticket: 'A023', counter: 5 });
    await expect.poll(async () => (await zones(page)).some((z) => z.shown?.words.includes('A023'))).toBe(true);
    const state = (await displayState(page))!;
    expect(state.layout.name).toBe(screen.layout);
    expect(state.programme?.id).toBe(screen.programme);
    expect(uncoveredShare(state)).toBe(0);
    // Let the call's flash settle, so the picture is the screen at rest.
    await page.waitForTimeout(3000);
    for (const zone of await zones(page)) {
      const { shown } = zone;
      if (!shown?.text) continue;
      expect(inside(shown.text, shown.panel ?? zone.rect), `${zone.name}: words at ${JSON.stringify(shown.text)}, panel ${JSON.stringify(shown.panel ?? zone.rect)}`).toBe(true);
    }
    const file = await shot(`display-${screen.id}-${screen.width}x${screen.height}`);
    const empty = emptyRuns(file);
    console.log(`${screen.id}: longest empty band ${(empty.rows * 100).toFixed(1)} % of the rows, ${(empty.columns * 100).toFixed(1)} % of the columns`);
    // A margin between panels is not dead space; a tenth of the screen is.
    expect(empty.rows).toBeLessThan(0.04);
    expect(empty.columns).toBeLessThan(0.04);
    if (process.env.HALLCAST_UPDATE_SCREENSHOT) copyFileSync(file, path.join(ROOT, 'docs', `display-${screen.id}-${screen.width}x${screen.height}.png`));
  });
}

test('a call to counter 5 flashes on the waiting display and on counter-5 at one moment, which shows the ticket big and 暂停服务 once closed', async ({ page, hall }) => {
  const h = await hall(hallOptions());
  const push = pushEvents(h);
  const counterPage = page;
  await openDisplay(counterPage, h, 'counter-5', 1280, 800);
  // A window of its own, as each screen is: a tab behind another gets a frame about once a second.
  const waitingContext = await page.context().browser()!.newContext();
  const waitingPage = await waitingContext.newPage();
  await openDisplay(waitingPage, h, 'waiting', 1920, 1080);
  const counterZone = async () => (await zones(counterPage)).find((z) => z.kind === 'counter')!;
  const boardZone = async () => (await zones(waitingPage)).find((z) => z.kind === 'queue')!;

  await push(counterPage, { type: 'counter.opened', counter: 5 }, { type: 'ticket.issued', ticket: 'A023', service: 'A' }, { type: 'ticket.issued', ticket: 'A024', service: 'A' });
  await expect.poll(async () => (await counterZone()).shown?.words).toEqual(['5号窗口', 'Counter 5', '—']);

  // Both screens watched every 50 ms from before the call, so a 400-ms lit phase cannot slip between looks.
  const lit = { counter: false, board: false };
  const watching = (async () => {
    for (let i = 0; i < 80 && !(lit.counter && lit.board); i++) {
      if ((await counterZone()).shown?.flashing) lit.counter = true;
      if ((await boardZone()).shown?.flashing) lit.board = true;
      await counterPage.waitForTimeout(50);
    }
  })();
  await push(counterPage, { type: 'ticket.called', ticket: 'A023', counter: 5 });
  await watching;
  expect(lit).toEqual({ counter: true, board: true });

  // One moment: both screens painted the call in the frame on screen at or after its flashAt (the
  // counter screen too, not when its board arrived), and proof of play holds one record naming both.
  const call = (await queueHooks(waitingPage)).board!.calls.find((c) => c.ticket === 'A023')!;
  expect(call.flashAt).toBeDefined();
  const paints = await Promise.all(
    [counterPage, waitingPage].map(async (p) => {
      await expect.poll(async () => (await moments(p)).some((m) => m.key === call.key), { timeout: 10_000 }).toBe(true);
      return (await moments(p)).find((m) => m.key === call.key)!;
    }),
  );
  console.log(`[counter moment] flashAt ${call.flashAt}; counter-5 +${(paints[0]!.at - call.flashAt!).toFixed(1)} ms, waiting +${(paints[1]!.at - call.flashAt!).toFixed(1)} ms`);
  for (const m of paints) expect(m.at - call.flashAt!).toBeGreaterThanOrEqual(-2);
  await expect.poll(() => h.proofOfPlay().filter((r) => r['event'] === 'call-moment' && r['key'] === call.key).length, { timeout: 10_000 }).toBe(1);
  const record = h.proofOfPlay().find((r) => r['event'] === 'call-moment' && r['key'] === call.key)!;
  console.log(`[counter moment] proof of play: ${JSON.stringify(record)}`);
  expect(record).toMatchObject({ ticket: 'A023', counter: 5, missed: [] });
  expect((record['paints'] as { display: string }[]).map((p) => p.display).sort()).toStrictEqual(['counter-5', 'waiting']);
  // Both in time are within one frame of each other on a quiet machine (the bench's goal); here a
  // shared 2-core machine may deliver a frame late, short of the host's 2-s tally.
  if ((record['late'] as string[]).length === 0) expect(record['skewMs']).toBeLessThan(500);

  const serving = await counterZone();
  expect(serving.shown?.words).toEqual(['5号窗口', 'Counter 5', 'A023']);
  // Big: the name and the ticket fill most of the zone's height.
  expect(serving.shown!.text!.h).toBeGreaterThan(serving.rect.h * 0.6);

  // Another counter's call does not flash counter 5's screen.
  await counterPage.waitForTimeout(2600);
  await push(counterPage, { type: 'counter.opened', counter: 4 }, { type: 'ticket.issued', ticket: 'B011', service: 'B' }, { type: 'ticket.called', ticket: 'B011', counter: 4 });
  let flashedFor4 = false;
  for (let i = 0; i < 30; i++) {
    if ((await counterZone()).shown?.flashing) flashedFor4 = true;
    await counterPage.waitForTimeout(50);
  }
  expect(flashedFor4).toBe(false);

  await push(counterPage, { type: 'counter.closed', counter: 5 });
  await expect.poll(async () => (await counterZone()).shown?.words).toEqual(['5号窗口', 'Counter 5', '暂停服务', 'Closed']);
  const closed = await counterZone();
  expect(inside(closed.shown!.text!, closed.rect)).toBe(true);
  // Its socket would keep the player from stopping within the fixture's 5 s.
  await waitingContext.close();
});

test('a counter zone on a display with no counter says how to give it one', async ({ page, hall }) => {
  const h = await hall(
    hallOptions(true, (playlists) => {
      const file = path.join(playlists, 'displays.json');
      const displays = JSON.parse(readFileSync(file, 'utf8')) as { displays: Record<string, unknown> };
      displays.displays['lobby-x'] = { name: { 'zh-CN': '屏' }, area: 'other', layout: 'counter' };
      writeFileSync(file, JSON.stringify(displays));
    }),
  );
  await openDisplay(page, h, 'lobby-x', 1280, 800);
  const counterZone = async () => (await zones(page)).find((z) => z.kind === 'counter')!;
  await expect.poll(async () => (await counterZone()).shown?.words).toEqual(['未设置窗口号', 'No counter set: give display "lobby-x" a "counter" in displays.json']);
  const zone = await counterZone();
  expect(inside(zone.shown!.text!, zone.rect)).toBe(true);
});
