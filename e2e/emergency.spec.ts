/**
 * The emergency takeover on one `hallcast serve` with four ordinary display pages: each page paints
 * the takeover within a second of the POST (the paint timed in the page, on the wall clock this
 * test shares), the speaking page is heard reading it again and again (the audio tap on its
 * output, as in announce.spec.ts), a fifth page that connects during the emergency joins it at once,
 * and clearing resumes every page's programme on the very item it was paused on. The announcement
 * log holds the steps: raised, each display's acknowledgement, the readings, cleared.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { expect, nowPlaying, test, waitForProgramme, type NowPlaying } from './fixtures.js';

interface Takeover {
  shown: { id: string; level: string; receivedAt: number; paintedAt: number | null } | null;
  paused: boolean;
  pausedOn: NowPlaying | null;
  resumedOn: NowPlaying | null;
}
interface Heard {
  id: string | null;
  from: number;
  until: number;
}
interface Audio {
  speaking: string | null;
  heard: Heard[];
  masterRms: number;
}

const takeover = (page: Page): Promise<Takeover> => page.evaluate(() => (globalThis as unknown as { __hallcast: { emergency(): Takeover } }).__hallcast.emergency());
const audio = (page: Page): Promise<Audio> => page.evaluate(() => (globalThis as unknown as { __hallcast: { audio(): Audio } }).__hallcast.audio());

const EVACUATE = { 'zh-CN': '请立即疏散', en: 'Please leave now' };

test('four displays take over within a second, the speaker reads it on repeat, clearing resumes the same item, the log holds every step', async ({ page, hall, shot }) => {
  test.setTimeout(300_000);
  const h = await hall({
    at: '2026-12-01T10:00:00Z',
    edit: (playlists) =>
      writeFileSync(
        path.join(playlists, 'announcements.json'),
        JSON.stringify({ emergencyTemplates: { evacuation: { level: 'evacuate', text: { 'zh-CN': '紧急疏散，请从最近的出口离开。', en: 'Please leave by the nearest exit.' } } } }),
      ),
  });
  // A window each, as each screen is its own: a tab behind another gets about one frame a second,
  // so the takeover would be received at once but painted up to a second later there.
  const pages = [page, ...(await Promise.all([1, 2, 3].map(() => page.context().browser()!.newPage())))];
  for (const p of pages) await p.goto(h.url);
  for (const p of pages) await waitForProgramme(p, 'alpha', 30_000);
  // Every page on screen with a clip that moves, before anything is raised.
  for (const p of pages) await expect.poll(async () => (await nowPlaying(p)).position ?? 0, { timeout: 60_000 }).toBeGreaterThan(0.3);
  // Settled, as a hall's screens are when an emergency comes: the pixi stage (loaded after the first
  // frame) drawing, and the start-up work done (measured: raised 6 s after the pages opened, the
  // word took 3–4 s to reach three of them).
  for (const p of pages) await expect.poll(() => p.evaluate(() => (globalThis as unknown as { __hallcast: { frames(): { stage: number } } }).__hallcast.frames().stage), { timeout: 30_000 }).toBeGreaterThan(60);
  await page.waitForTimeout(3_000);

  const postedAt = Date.now();
  const raised = await h.post<{ id: string; emergency: { level: string } }>('api/emergency', { level: 'evacuate', text: EVACUATE });
  expect(raised.status).toBe(201);
  const id = raised.body.id;
  const painted: number[] = [];
  const received: number[] = [];
  for (const [i, p] of pages.entries()) {
    // Polled for longer than the bound, so that a slow page is measured and reported, not just timed out.
    await expect.poll(async () => (await takeover(p)).shown?.paintedAt ?? null, { timeout: 10_000, message: `page ${i + 1} never painted the takeover` }).not.toBeNull();
    const t = await takeover(p);
    expect(t.shown).toMatchObject({ id, level: 'evacuate' });
    expect(t.paused, 'the programme is paused under the takeover').toBe(true);
    painted.push(t.shown!.paintedAt! - postedAt);
    received.push(t.shown!.receivedAt - postedAt);
  }
  console.log(`[emergency] POST → received / painted on each page: ${painted.map((ms, i) => `${received[i]} / ${ms} ms`).join(', ')}`);
  // Soft: a slow page is reported with the rest of the test's findings, which still run.
  for (const ms of painted) expect.soft(ms, 'POST to takeover painted').toBeLessThanOrEqual(1000);
  // What each page showed as it paused: the item clearing must come back to.
  const held: NowPlaying[] = await Promise.all(pages.map(async (p) => (await takeover(p)).pausedOn!));
  for (const h of held) expect(h.item).not.toBeNull();
  const heldAt = Date.now();
  await shot('emergency-evacuate');

  // A display that connects during the emergency joins it at once.
  const late = await page.context().newPage();
  await late.goto(h.url);
  await expect.poll(async () => (await takeover(late).catch(() => null))?.shown?.id ?? null, { timeout: 10_000 }).toBe(id);

  // The speaker: whichever page reads it. Heard again after one whole reading and its pause = on repeat.
  let speaker: Page | null = null;
  await expect
    .poll(
      async () => {
        for (const p of [...pages, late]) if ((await audio(p)).speaking !== null) speaker = p;
        return speaker !== null;
      },
      { timeout: 30_000 },
    )
    .toBe(true);
  const reading = await h.api<{ current: { id: string; durationMs: number } | null }>('api/announcements');
  const oneReadingMs = reading.current!.durationMs;
  // Whatever reads it (one play of several readings, or play after play): speech heard again once a
  // whole reading is over. Spans of any announcement count: nothing else was said in this test. Only
  // spans of one read are compared: each read maps them to host time afresh, with the latest clock.
  await expect
    .poll(
      async () => {
        const spans = (await audio(speaker!)).heard.filter((s) => s.id !== null);
        return spans.length > 0 && spans.some((s) => s.from > spans[0]!.from + oneReadingMs);
      },
      { timeout: 4 * oneReadingMs + 20_000, message: 'the emergency heard a second time, after one whole reading' },
    )
    .toBe(true);
  const spans = (await audio(speaker!)).heard.filter((s) => s.id !== null);
  console.log(`[emergency] one reading ${oneReadingMs} ms; heard spans (ms from the first): ${spans.map((s) => `${Math.round(s.from - spans[0]!.from)}–${Math.round(s.until - spans[0]!.from)}`).join(', ')}`);
  const status = await h.api<{ emergency: { id: string; acknowledged: { display: string }[] } | null }>('api/status');
  expect(status.emergency?.id).toBe(id);
  expect(status.emergency?.acknowledged).toHaveLength(5);

  // Longer than a clip (8 s): a programme that played on under the takeover would be on another
  // item, or further into this one, by the time it is cleared.
  await page.waitForTimeout(Math.max(0, 10_000 - (Date.now() - heldAt)));
  // Cleared: the takeover goes, and each page plays on from the item it was paused on.
  const cleared = await fetch(new URL('api/emergency', h.url), { method: 'DELETE' });
  expect(cleared.status).toBe(200);
  for (const [i, p] of pages.entries()) {
    await expect.poll(async () => (await takeover(p)).resumedOn, { timeout: 5_000 }).not.toBeNull();
    const t = await takeover(p);
    expect(t.shown).toBeNull();
    expect(t.paused).toBe(false);
    // Resumed from the same item, where it stood (not restarted, not played on under the takeover).
    const after = t.resumedOn!;
    console.log(`[emergency] page ${i + 1}: paused on ${held[i]!.item}@${held[i]!.position?.toFixed(2)}s (${held[i]!.element}), resumed ${after.item}@${after.position?.toFixed(2)}s (${after.element})`);
    expect(after.item, `page ${i + 1} resumes the item it was paused on`).toBe(held[i]!.item);
    expect(after.position!).toBeGreaterThanOrEqual(held[i]!.position! - 0.05);
    expect(after.position!, `page ${i + 1} had not played on while paused`).toBeLessThan(held[i]!.position! + 0.5);
    // And it plays on from there.
    await expect.poll(async () => (await nowPlaying(p)).position ?? 0, { timeout: 5_000 }).not.toBe(after.position);
  }
  // Nothing reads it any more.
  await expect.poll(async () => (await h.api<{ current: unknown }>('api/announcements')).current, { timeout: 5_000 }).toBeNull();

  // Clearing again is refused with the reason; nothing else is disturbed.
  const again = await fetch(new URL('api/emergency', h.url), { method: 'DELETE' });
  expect(again.status).toBe(409);
  expect(((await again.json()) as { reason: string }).reason).toBe('no-emergency');

  const log = h.announcementLog().filter((r) => String(r['event']).startsWith('emergency-'));
  const steps = log.map((r) => r['event']);
  expect(steps[0]).toBe('emergency-raised');
  expect(log[0]).toMatchObject({ id, level: 'evacuate', by: { via: 'http' } });
  const acks = log.filter((r) => r['event'] === 'emergency-acknowledged');
  expect(new Set(acks.map((r) => r['display'])).size).toBe(5);
  expect(steps).toContain('emergency-read');
  expect(steps.at(-1)).toBe('emergency-cleared');
  expect(log.at(-1)).toMatchObject({ id, by: { via: 'http' }, acknowledged: expect.arrayContaining([expect.any(String)]) });
  console.log(`[emergency] log: ${steps.join(', ')}`);
  await late.close();
  for (const p of pages.slice(1)) await p.close();
});

test("the console's button raises a prepared notice and clears it, each only after its confirmation; the log names the console", async ({ page, hall, shot }) => {
  const PASSWORD = 'correct horse battery';
  const h = await hall({
    at: '2026-12-01T10:00:00Z',
    adminPassword: PASSWORD,
    edit: (playlists) =>
      writeFileSync(
        path.join(playlists, 'announcements.json'),
        JSON.stringify({ emergencyTemplates: { 'fire-drill': { level: 'alert', text: { 'zh-CN': '现在进行消防演习。', en: 'This is a fire drill.' } } } }),
      ),
  });
  const display = await page.context().newPage();
  await display.goto(h.url);
  await waitForProgramme(display, 'alpha', 30_000);

  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto(`${h.url}admin/#/announcements`);
  await page.getByTestId('signin-password').fill(PASSWORD);
  await page.getByTestId('signin-submit').click();
  const panel = page.getByTestId('emergency-panel');
  await expect(panel.getByTestId('emergency-template')).toHaveValue('fire-drill');
  // Cancelled: nothing raised.
  await panel.getByTestId('emergency-raise').click();
  await page.getByTestId('confirm-cancel').click();
  expect((await h.api<{ emergency: unknown }>('api/emergency')).emergency).toBeNull();
  await panel.getByTestId('emergency-raise').click();
  await page.getByTestId('confirm-ok').click();
  await expect.poll(async () => (await takeover(display)).shown?.level ?? null, { timeout: 5_000 }).toBe('alert');
  expect((await takeover(display)).paused).toBe(true);
  await expect(panel.getByTestId('emergency-state')).toContainText('1', { timeout: 10_000 });
  await shot('console-emergency', page);
  await shot('emergency-alert', display);

  await panel.getByTestId('emergency-clear').click();
  await page.getByTestId('confirm-ok').click();
  await expect.poll(async () => (await takeover(display)).shown, { timeout: 5_000 }).toBeNull();
  const log = h.announcementLog().filter((r) => String(r['event']).startsWith('emergency-'));
  expect(log.map((r) => r['event'])).toStrictEqual(['emergency-raised', 'emergency-acknowledged', ...log.slice(2, -1).map(() => 'emergency-read'), 'emergency-cleared']);
  expect(log[0]).toMatchObject({ template: 'fire-drill', level: 'alert', by: { via: 'console', who: expect.stringContaining('console session from') } });
  expect(log.at(-1)).toMatchObject({ by: { via: 'console' } });
  await display.close();
});
