/**
 * The hall's displays (issue 14, item 1) in Chromium against one `hallcast serve`: a screen that
 * names an id displays.json does not know plays the hall's programme as an unassigned display,
 * shows up so in /api/status and in the console, and once the floor manager names it there (one
 * click, save) it is that display — without a reload of the screen.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { displayState, expect, test } from './fixtures.js';

const PASSWORD = 'hall-displays-e2e';

interface Status {
  displays: { id: string; session: string; assigned: boolean; requested: string | null; problem: string | null; layout?: string }[];
  displaysMissing: string[];
}

test('an unknown screen plays unassigned, is listed with the reason, and is named in the console', async ({ page, context, hall, shot }) => {
  const h = await hall({
    adminPassword: PASSWORD,
    edit: (playlists) => {
      writeFileSync(
        path.join(playlists, 'displays.json'),
        JSON.stringify({ $schema: './schema/displays.schema.json', displays: { waiting: { name: { 'zh-CN': '等候区', en: 'Waiting' }, area: 'waiting', pa: 'speaker' } } }),
      );
    },
  });
  const screen = await context.newPage();
  await screen.setViewportSize({ width: 960, height: 540 });
  await screen.goto(`${h.url}?display=lobby`);
  // The console's pages read the browser's clock: the player runs on the real one (no --at), so whatever plays now.
  await expect.poll(async () => (await displayState(screen).catch(() => null))?.layout.name ?? null, { timeout: 20_000 }).not.toBeNull();
  const before = await h.api<Status>('api/status');
  expect(before.displays).toHaveLength(1);
  expect(before.displays[0]).toMatchObject({ assigned: false, requested: 'lobby', problem: expect.stringContaining('"lobby" is not in displays.json') });
  expect(before.displaysMissing).toStrictEqual(['waiting']);
  expect((await displayState(screen))?.display.id).toBeNull();

  await page.goto(`${h.url}admin/#/displays`);
  await page.getByTestId('signin-password').fill(PASSWORD);
  await page.getByTestId('signin-submit').click();
  const row = page.getByTestId('display-row-unassigned');
  await expect(row).toContainText('lobby');
  await expect(row.getByTestId('display-problem')).toContainText('is not in displays.json');
  await row.getByTestId('display-name-it').click();
  await expect(page.getByTestId('display-lobby')).toBeVisible();
  await page.getByTestId('display-lobby').getByTestId('display-name-zh').fill('大堂屏');
  await page.getByTestId('save-button').click();
  await expect(page.getByTestId('save-status')).toContainText(/保存|Saved/);

  // The screen is that display now, without a reload: the host re-assigned it on the new configuration.
  await expect.poll(async () => (await displayState(screen))?.display.id ?? null, { timeout: 15_000 }).toBe('lobby');
  expect((await displayState(screen))?.display.name).toStrictEqual({ 'zh-CN': '大堂屏' });
  await expect(page.getByTestId('display-row-lobby')).toBeVisible({ timeout: 10_000 });
  const after = await h.api<Status>('api/status');
  expect(after.displays[0]).toMatchObject({ id: 'lobby', assigned: true, problem: null });
  await shot('console-displays', page);
});
