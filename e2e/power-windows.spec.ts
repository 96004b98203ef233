/**
 * Screens that sleep with the hall: a display whose power window ends 30 s after the player starts
 * (`--at` puts the player's clock at 19:59:30 in e2e/hall's zone, UTC) goes black at 20:00 — a real
 * screenshot's mean luma, not just the state — with its programme paused, not torn down, and wakes
 * at the next window's start (20:00:30) with the programme playing again. /api/status shows it.
 */
import { writeFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import path from 'node:path';
import type { DisplayPower } from '../electron/contract/power.js';
import { displayState, expect, nowPlaying, test, waitForProgramme } from './fixtures.js';
import { BLANK_LUMA, screenLuma } from './faults/picture.js';

test.use({ viewport: { width: 960, height: 540 } });

interface Status {
  displays: { id: string; power?: DisplayPower }[];
  power?: Record<string, DisplayPower>;
}

interface Video {
  currentSrc: string;
  paused: boolean;
}

/** Whether each <video> with a clip in it is paused. */
const videosPaused = (page: Page): Promise<boolean[]> =>
  page.evaluate(() =>
    [...(globalThis as unknown as { document: { querySelectorAll(s: string): Iterable<Video> } }).document.querySelectorAll('video')].filter((v) => v.currentSrc !== '').map((v) => v.paused),
  );

/** Main-thread task time (ms) the page spent over `ms` of wall time. */
async function taskMsOver(page: Page, ms: number): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  const taskSeconds = async (): Promise<number> => (await cdp.send('Performance.getMetrics')).metrics.find((m) => m.name === 'TaskDuration')?.value ?? 0;
  const before = await taskSeconds();
  await page.waitForTimeout(ms);
  const spent = Math.round(((await taskSeconds()) - before) * 1000);
  await cdp.detach();
  return spent;
}

test('a display blanks at its power window\'s end and wakes at the next start', async ({ page, hall, shot }) => {
  test.setTimeout(150_000);
  const today = new Date().toISOString().slice(0, 10);
  const at = (time: string): number => Date.parse(`${today}T${time}Z`);
  const h = await hall({
    at: `${today}T19:59:30`,
    edit(playlists) {
      const displays = {
        $schema: '../../playlists/schema/displays.schema.json',
        power: { windows: [{ from: '08:00', to: '20:00' }, { from: '20:00:30', to: '22:00' }] },
        displays: { waiting: { name: { 'zh-CN': '等候区', en: 'Waiting' }, area: 'waiting', pa: 'speaker' } },
      };
      writeFileSync(path.join(playlists, 'displays.json'), JSON.stringify(displays));
    },
  });
  await page.goto(`${h.url}?display=waiting`);
  await waitForProgramme(page, 'alpha', 30_000);
  expect((await displayState(page))?.power).toMatchObject({ state: 'on', reason: 'window', next: at('20:00:00') });
  await expect.poll(() => screenLuma(page), { timeout: 20_000 }).toBeGreaterThan(BLANK_LUMA);
  const lit = await screenLuma(page);
  await shot('before-the-end');

  // 20:00: off. The state arrives when the host's timer fires; the page goes black with it.
  await expect.poll(async () => (await displayState(page))?.power?.state, { timeout: 40_000, intervals: [200] }).toBe('off');
  const off = (await displayState(page))!;
  expect(off.power).toEqual({ state: 'off', reason: 'window', since: at('20:00:00'), next: at('20:00:30') });
  const dark = await screenLuma(page);
  await shot('asleep');
  expect(dark).not.toBeNull();
  expect(dark!).toBeLessThan(1);
  // Paused, not torn down: the programme and its item are still there, its clip not playing.
  expect((await nowPlaying(page)).programme).toBe('alpha');
  const item = (await nowPlaying(page)).item;
  expect(await videosPaused(page)).not.toContain(false);
  // What the page costs while dark: main-thread task time over 8 s (Chromium's Performance metrics).
  const asleepTaskMs = await taskMsOver(page, 8_000);
  const status = await h.api<Status>('/api/status');
  expect(status.displays.find((d) => d.id === 'waiting')?.power).toMatchObject({ state: 'off', since: at('20:00:00'), next: at('20:00:30') });

  // 20:00:30: on again, the programme playing on from where it was.
  await expect.poll(async () => (await displayState(page))?.power?.state, { timeout: 40_000, intervals: [200] }).toBe('on');
  const woke = (await displayState(page))!;
  expect(woke.power).toMatchObject({ state: 'on', reason: 'window', since: at('20:00:30'), next: at('22:00:00') });
  await expect.poll(() => screenLuma(page), { timeout: 20_000 }).toBeGreaterThan(BLANK_LUMA);
  await shot('awake');
  const awakeTaskMs = await taskMsOver(page, 8_000);
  const p1 = (await nowPlaying(page)).position ?? 0;
  await expect.poll(async () => (await nowPlaying(page)).position ?? 0, { timeout: 10_000 }).toBeGreaterThan(p1);
  console.log(
    `[power] lit luma ${lit?.toFixed(1)}, asleep ${dark?.toFixed(2)}; asleep state serverTime − 20:00 = ${off.serverTime - at('20:00:00')} ms, awake state − 20:00:30 = ${woke.serverTime - at('20:00:30')} ms; item at sleep ${item}, after wake ${(await nowPlaying(page)).item}; main-thread task time over 8 s asleep ${asleepTaskMs} ms, awake ${awakeTaskMs} ms`,
  );
});

test('the console\'s status page shows each display asleep, since when and when it wakes', async ({ page, hall }) => {
  const today = new Date().toISOString().slice(0, 10);
  const password = 'power-windows-e2e-pass';
  const h = await hall({
    at: `${today}T21:00:00`,
    adminPassword: password,
    edit(playlists) {
      const name = { 'zh-CN': '屏' };
      const displays = { power: { windows: [{ from: '08:00', to: '20:00' }] }, displays: { waiting: { name, area: 'waiting', pa: 'speaker' }, street: { name, area: 'entrance', alwaysOn: true } } };
      writeFileSync(path.join(playlists, 'displays.json'), JSON.stringify(displays));
    },
  });
  await page.goto(`${h.url}admin/`);
  await page.getByTestId('signin-password').fill(password);
  await page.getByTestId('signin-submit').click();
  const list = page.getByTestId('status-power');
  await expect(list.locator('li[data-display="waiting"]')).toHaveAttribute('data-state', 'off');
  await expect(list.locator('li[data-display="street"]')).toHaveAttribute('data-state', 'on');
  const line = (await list.locator('li[data-display="waiting"]').innerText()).replace(/\s+/g, ' ');
  console.log(`[power] status page: ${line}`);
  expect(line).toMatch(/息屏|asleep/);
  expect(line).toMatch(/08:00/);
});
