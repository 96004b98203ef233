/**
 * The whole hall on one `hallcast serve` (issue 14's first done-when line): the shipped sample hall
 * with its four screens, each in its own window at its real size — the entrance and the waiting
 * area (landscape, 1920×1080), the self-service area (portrait, 1080×1920, its own programme) and
 * counter 5 (1280×800). Each shows its own layout and programme; a call to counter 5 flashes on
 * the waiting display and on counter-5, and only the speaker's (waiting's) audio output carries it;
 * when the speaker's page closes, the standby (the entrance) speaks the next announcement.
 * HALLCAST_UPDATE_SCREENSHOT=1 copies the four screenshots to docs/hall-ID.png.
 */
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import type { DisplayState } from '../electron/contract/messages.js';
import { audioOut, loudest, traceLoudest } from './audio-out.js';
import { displayState, expect, queueHooks, ROOT, test } from './fixtures.js';

/** A Tuesday 10:00 in the hall: the workday morning programme; the self-service area's own. */
const AT = '2026-12-01T10:00:00+08:00';
const SCREENS = [
  { id: 'entrance', width: 1920, height: 1080, layout: 'landscape' },
  { id: 'waiting', width: 1920, height: 1080, layout: 'landscape' },
  { id: 'self-service', width: 1080, height: 1920, layout: 'portrait' },
  { id: 'counter-5', width: 1280, height: 800, layout: 'counter' },
] as const;

interface ZoneOnScreen {
  name: string;
  kind: string;
  shown: { flashing: boolean } | null;
}
const zones = (page: Page): Promise<ZoneOnScreen[]> => page.evaluate(() => (globalThis as unknown as { __hallcast: { zones(): ZoneOnScreen[] } }).__hallcast.zones());

interface Status {
  programme: { id: string } | null;
  displays: { id: string; assigned: boolean; speaker?: boolean; layout?: string }[];
  displaysMissing: string[];
}

test('four screens, each its own layout and programme; one call moment on the board and counter 5; one speaker, and its standby', async ({ page, hall, shot }) => {
  test.setTimeout(240_000);
  const h = await hall({
    playlists: path.join(ROOT, 'playlists'),
    at: AT,
    edit: (playlists) => {
      // The queue pushed by the test; no timed notices or care rules (their speech is rendered at start, and would talk over the call).
      const file = path.join(playlists, 'queue.json');
      writeFileSync(file, readFileSync(file, 'utf8').replace(/"feed": \{[^}]*\}/, '"feed": { "kind": "push" }'));
      const announcements = path.join(playlists, 'announcements.json');
      const pa = JSON.parse(readFileSync(announcements, 'utf8')) as Record<string, unknown>;
      writeFileSync(announcements, JSON.stringify({ ...pa, timed: [], careRules: [] }, null, 1));
    },
  });
  // A window each: a screen is its own, and a tab behind another gets a frame about once a second.
  const pages: Record<string, Page> = {};
  for (const [i, screen] of SCREENS.entries()) {
    const p = i === 0 ? page : await page.context().browser()!.newPage();
    await p.setViewportSize({ width: screen.width, height: screen.height });
    await p.goto(new URL(`/?display=${screen.id}`, h.url).href);
    pages[screen.id] = p;
  }
  const status = await h.api<Status>('api/status');
  const hallProgramme = status.programme!.id;
  const states: Record<string, DisplayState> = {};
  for (const screen of SCREENS) {
    const p = pages[screen.id]!;
    await expect.poll(async () => (await displayState(p).catch(() => null))?.layout.name ?? null, { timeout: 30_000, message: screen.id }).toBe(screen.layout);
    await expect.poll(async () => (await audioOut(p)).state, { timeout: 20_000 }).toBe('running');
    // Its board and counter zones drawn (they load lazily): a call must find them there.
    await expect.poll(async () => (await zones(p)).filter((z) => z.kind === 'queue' || z.kind === 'counter').every((z) => z.shown !== null), { timeout: 20_000 }).toBe(true);
    states[screen.id] = (await displayState(p))!;
    expect(states[screen.id]!.display.id).toBe(screen.id);
    await traceLoudest(p);
  }
  // Its own programme on the self-service screen, the hall's on the others.
  expect(states['self-service']!.programme?.id).toBe('self-service');
  for (const id of ['entrance', 'waiting', 'counter-5']) expect(states[id]!.programme?.id, id).toBe(hallProgramme);
  expect(states['counter-5']!.display.counter).toBe(5);
  const after = await h.api<Status>('api/status');
  expect(after.displays.map((d) => [d.id, d.assigned, d.layout]).sort()).toStrictEqual(SCREENS.map((s) => [s.id, true, s.layout]).sort());
  expect(after.displaysMissing).toStrictEqual([]);
  expect(after.displays.filter((d) => d.speaker).map((d) => d.id)).toStrictEqual(['waiting']);

  // The queue: counter 5 opens with A023 waiting, then calls it.
  const at = (await queueHooks(pages['waiting']!)).board!.at;
  const events = [
    { type: 'counter.opened', counter: 5 },
    { type: 'ticket.issued', ticket: 'A023', service: 'A' },
  ].map((e, i) => ({ ...e, seq: i + 1, at }));
  expect((await h.post('/api/queue/events', events)).status).toBe(200);
  // Watched every 50 ms from before the call, so the lit phase cannot slip between looks.
  const lit = { waiting: false, counter: false };
  const watching = (async () => {
    const until = Date.now() + 8_000;
    while (Date.now() < until && !(lit.waiting && lit.counter)) {
      if ((await zones(pages['waiting']!)).some((z) => z.kind === 'queue' && z.shown?.flashing)) lit.waiting = true;
      if ((await zones(pages['counter-5']!)).some((z) => z.kind === 'counter' && z.shown?.flashing)) lit.counter = true;
      await new Promise((r) => setTimeout(r, 50));
    }
  })();
  expect((await h.post('/api/queue/events', [{ type: 'ticket.called', ticket: 'A023', counter: 5, seq: 3, at }])).status).toBe(200);
  await watching;
  expect(lit).toStrictEqual({ waiting: true, counter: true });

  // Read out by the speaker only: the other three show the banner and sound nothing of it.
  await expect.poll(async () => (await h.api<{ recent: { kind: string; outcome: string }[] }>('api/announcements')).recent.find((r) => r.kind === 'call')?.outcome, { timeout: 40_000 }).toBe('played');
  const callId = (await audioOut(pages['waiting']!)).reports.find((r) => r.event === 'started')!.id;
  expect(await loudest(pages['waiting']!, callId), 'waiting, the speaker').toBeGreaterThan(0.05);
  for (const id of ['entrance', 'self-service', 'counter-5']) expect(await loudest(pages[id]!, callId), id).toBe(0);

  for (const screen of SCREENS) {
    const file = await shot(`hall-${screen.id}`, pages[screen.id]);
    if (process.env.HALLCAST_UPDATE_SCREENSHOT) copyFileSync(file, path.join(ROOT, 'docs', `hall-${screen.id}.png`));
  }

  // The speaker's page goes: the entrance, its standby, speaks from now on.
  await pages['waiting']!.close();
  await expect.poll(async () => (await h.api<Status>('api/status')).displays.filter((d) => d.speaker).map((d) => d.id), { timeout: 20_000 }).toStrictEqual(['entrance']);
  const next = await h.post<{ id: string }>('api/announce', { text: { 'zh-CN': '请保管好您的随身物品。' } });
  expect(next.status).toBe(202);
  await expect.poll(async () => (await audioOut(pages['entrance']!)).reports.some((r) => r.id === next.body.id && r.event === 'ended'), { timeout: 40_000 }).toBe(true);
  expect(await loudest(pages['entrance']!, next.body.id), 'the standby').toBeGreaterThan(0.05);
  for (const id of ['self-service', 'counter-5']) expect(await loudest(pages[id]!, next.body.id), id).toBe(0);
});
