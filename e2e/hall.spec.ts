/**
 * The screen end to end: `hallcast serve` + Debian's Chromium. Times are previews (--at) so the
 * schedule's boundaries fall within seconds of the test's start.
 */
import { copyFileSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { displayState, expect, nowPlaying, ROOT, test, waitForProgramme } from './fixtures.js';
import { writeHugePng } from './huge-png.js';

test('the scheduled programme plays, its video time advancing', async ({ page, hall, shot }) => {
  const h = await hall({ at: '2026-12-01T10:00:00Z' });
  await page.goto(h.url);
  await waitForProgramme(page, 'alpha');
  await expect.poll(async () => (await nowPlaying(page)).item).toMatch(/^alpha#/);
  await expect.poll(async () => (await nowPlaying(page)).element).toMatch(/^[AB]$/);
  const a = await nowPlaying(page);
  await page.waitForTimeout(1500);
  const b = await nowPlaying(page);
  expect(b.item === a.item ? b.position! - a.position! : 1).toBeGreaterThan(0.8);
  const status = await h.api<{ programme: { id: string }; nowPlaying: { item: string } }>('/api/status');
  expect(status.programme.id).toBe('alpha');
  await expect.poll(async () => (await h.api<{ nowPlaying: { item: string | null } | null }>('/api/status')).nowPlaying?.item ?? null).toMatch(/^alpha#/);
  await shot('programme-playing');
});

test('switches to the next programme at the schedule boundary', async ({ page, hall, shot }) => {
  const h = await hall({ at: '2026-12-01T11:59:52Z' });
  await page.goto(h.url);
  await waitForProgramme(page, 'alpha');
  await shot('before-boundary');
  // 12:00:00 is eight seconds away in the preview clock.
  await waitForProgramme(page, 'beta', 20_000);
  const state = await displayState(page);
  expect(state?.entry).toBe('noon');
  const status = await h.api<{ since: number }>('/api/status');
  expect(status.since).toBe(Date.parse('2026-12-01T12:00:00Z'));
  await expect.poll(() => h.proofOfPlay().some((r) => r.event === 'first-frame' && r.programme === 'beta' && typeof r.lateMs === 'number')).toBe(true);
  await shot('after-boundary');
});

test('a broken playlist edit leaves the old programme playing', async ({ page, hall, shot }) => {
  const h = await hall({ at: '2026-12-01T10:00:00Z' });
  await page.goto(h.url);
  await waitForProgramme(page, 'alpha');
  const schedule = path.join(h.playlists, 'schedule.json');
  // A floor manager's edit that moves everything to beta, but with a syntax error.
  writeFileSync(schedule, readFileSync(schedule, 'utf8').replace('"default": "alpha",', '"default": "beta"'));
  await expect
    .poll(async () => (await h.api<{ playlists: { errors: string[] } }>('/api/status')).playlists.errors.join('\n'))
    .toMatch(/schedule\.json:\d+:\d+: error: invalid JSON/);
  const before = await nowPlaying(page);
  await page.waitForTimeout(1500);
  const after = await nowPlaying(page);
  expect(after.programme).toBe('alpha');
  expect(after.item !== before.item || after.position! > before.position!).toBe(true);
  // The errors never reach the public screen.
  expect(await page.locator('body').innerText()).not.toContain('error');
  await shot('broken-edit-still-playing');
});

test('a missing media file is skipped and the programme goes on', async ({ page, hall, shot }) => {
  const h = await hall({ at: '2026-12-01T10:00:00Z', copyAssets: true });
  // The first clip disappears after the playlists were validated (a failed copy, a bad disk). The
  // host validates them before it answers its first request.
  expect(((await (await fetch(`${h.url}api/status`)).json()) as { ok: boolean }).ok).toBe(true);
  rmSync(path.join(h.assets, 'video', 'hall-welcome.mp4'));
  await page.goto(h.url);
  await expect.poll(async () => (await nowPlaying(page).catch(() => null))?.item ?? null, { timeout: 20_000 }).toBe('alpha#1');
  await expect.poll(() => h.proofOfPlay().find((r) => r.event === 'skipped' && r.item === 'alpha#0')?.reason ?? null).toBe('missing');
  const a = await nowPlaying(page);
  await page.waitForTimeout(1000);
  expect((await nowPlaying(page)).position).toBeGreaterThan(a.position!);
  await shot('missing-media-skipped');
  copyFileSync(path.join(ROOT, 'assets', 'video', 'hall-welcome.mp4'), path.join(h.assets, 'video', 'hall-welcome.mp4'));
});

test('a 0-byte video and a file in a codec Chromium cannot play are skipped', async ({ page, hall, shot }) => {
  const h = await hall({ at: '2026-12-01T10:00:00Z', copyAssets: true });
  writeFileSync(path.join(h.assets, 'video', 'hall-welcome.mp4'), '');
  // A WebM container whose bytes are not video at all stands in for a codec the browser lacks.
  writeFileSync(path.join(h.assets, 'video', 'self-service-guide.webm'), Buffer.alloc(64 * 1024, 0x42));
  await page.goto(h.url);
  await expect.poll(() => h.proofOfPlay().filter((r) => r.event === 'skipped').map((r) => `${r.item}:${r.reason}`).sort(), { timeout: 20_000 }).toEqual([
    'alpha#0:decode-error',
    'alpha#1:decode-error',
  ]);
  // Nothing playable is left: the idle slide shows instead of a black screen or an error.
  await expect.poll(async () => (await nowPlaying(page)).element).toBe('idle');
  await shot('undecodable-media-idle');
});

test('a huge image (20,000 × 20,000 px) neither blanks nor stops the screen', async ({ page, hall, shot }) => {
  const h = await hall({
    at: '2026-12-01T10:00:00Z',
    copyAssets: true,
    edit: (dir, assets) => {
      writeHugePng(path.join(assets, 'images', 'huge.png'), 20_000, 20_000);
      const file = path.join(dir, 'programmes', 'alpha.json');
      const programme = JSON.parse(readFileSync(file, 'utf8')) as { items: object[] };
      programme.items = [{ type: 'image', src: 'images/huge.png', duration: 3 }, ...programme.items];
      writeFileSync(file, JSON.stringify(programme));
    },
  });
  await page.goto(h.url);
  // The image is shown (scaled down) or skipped; either way the programme goes on to its video.
  await expect.poll(async () => (await nowPlaying(page).catch(() => null))?.item ?? null, { timeout: 30_000 }).toBe('alpha#1');
  const image = h.proofOfPlay().filter((r) => r.item === 'alpha#0').map((r) => String(r.event));
  console.log(`huge image: ${h.proofOfPlay().filter((r) => r.item === 'alpha#0').map((r) => `${String(r.event)}${r.reason ? ` (${String(r.reason)})` : ''}`).join(', ')}`);
  expect(image).toContain('attempted');
  expect(image.some((e) => e === 'first-frame' || e === 'skipped')).toBe(true);
  const a = await nowPlaying(page);
  await page.waitForTimeout(1000);
  expect((await nowPlaying(page)).position).toBeGreaterThan(a.position!);
  await shot('huge-image-then-video');
});

test('the default hall at 1920×1080', async ({ page, hall, shot }) => {
  const h = await hall({ playlists: path.join(ROOT, 'playlists'), at: '2026-12-01T10:17:00+08:00' });
  await page.goto(h.url);
  await waitForProgramme(page, 'morning');
  await expect.poll(async () => (await nowPlaying(page)).position ?? 0).toBeGreaterThan(2);
  const file = await shot('default-hall');
  if (process.env.HALLCAST_UPDATE_SCREENSHOT) copyFileSync(file, path.join(ROOT, 'docs', 'screenshot.png'));
});
