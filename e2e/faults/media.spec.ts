/**
 * Broken media on the wall: a video cut down to its header, a video cut at 40 % of its bytes and a
 * 0-byte picture, between a text slide and a good clip. Each is skipped within one item's load time
 * (LOAD_TIMEOUT_MS) and kept out of rotation; the programme goes on; the wall is never blank longer
 * than one load time; proof of play and /api/status → health say what happened.
 */
import { readFileSync, truncateSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { expect, nowPlaying, ROOT, test, type NowPlaying } from '../fixtures.js';
import { LOAD_TIMEOUT_MS, longestBlankMs, watchPicture } from './picture.js';

/** Bytes of a fast-start MP4 before its media data: the `ftyp`, `moov` and `free` boxes. */
function headerBytes(file: string): number {
  const data = readFileSync(file);
  let at = 0;
  while (at + 8 <= data.length) {
    const size = data.readUInt32BE(at);
    if (data.toString('latin1', at + 4, at + 8) === 'mdat') return at + 8;
    at += size;
  }
  throw new Error(`${file}: no mdat box`);
}

interface Health {
  classes: Record<string, { count: number }>;
}

test('a header-only video, a 40 % video and a 0-byte picture are skipped as stalled; the programme goes on', async ({ page, hall, shot }) => {
  test.setTimeout(120_000);
  const h = await hall({
    at: '2026-12-01T10:00:00Z',
    copyAssets: true,
    edit: (dir, assets) => {
      const video = (name: string) => path.join(assets, 'video', name);
      // Copies of the same clip: one good, one cut to its header, one cut at 40 % of its bytes.
      writeFileSync(video('header-only.mp4'), readFileSync(path.join(ROOT, 'assets', 'video', 'evening-calm.mp4')));
      truncateSync(video('header-only.mp4'), headerBytes(video('header-only.mp4')));
      writeFileSync(video('cut-40.mp4'), readFileSync(path.join(ROOT, 'assets', 'video', 'evening-calm.mp4')));
      truncateSync(video('cut-40.mp4'), Math.floor(readFileSync(video('cut-40.mp4')).length * 0.4));
      writeFileSync(path.join(assets, 'images', 'empty.jpg'), '');
      writeFileSync(
        path.join(dir, 'programmes', 'alpha.json'),
        JSON.stringify({
          title: { 'zh-CN': '坏媒体', en: 'Broken media' },
          items: [
            { type: 'text', title: { 'zh-CN': '欢迎', en: 'Welcome' }, duration: 3, background: '#1d3a6e', color: '#ffffff' },
            { type: 'video', src: 'video/header-only.mp4' },
            { type: 'video', src: 'video/cut-40.mp4' },
            { type: 'image', src: 'images/empty.jpg', duration: 3 },
            { type: 'video', src: 'video/hall-welcome.mp4' },
          ],
        }),
      );
    },
  });
  await page.goto(h.url);
  await expect.poll(async () => (await nowPlaying(page).catch(() => null))?.item ?? null, { timeout: 20_000 }).toBe('alpha#0');
  const watch = watchPicture(page, 250, 10_000);
  // What is on screen, sampled: the programme must never sit on one item (or idle) for longer than
  // that item's own time plus one load time.
  const seen: { t: number; now: NowPlaying }[] = [];
  const started = Date.now();
  const deadline = started + 3_000 + 3 * (LOAD_TIMEOUT_MS + 3_000) + 15_000;
  let good = false;
  while (Date.now() < deadline) {
    const now = await nowPlaying(page);
    seen.push({ t: Date.now() - started, now });
    if (now.item === 'alpha#4' && (now.position ?? 0) > 1) {
      good = true;
      break;
    }
    await page.waitForTimeout(250);
  }
  const samples = await watch.stop();
  const runs: string[] = [];
  for (const s of seen) {
    const label = `${s.now.item ?? 'idle'}`;
    if (runs.at(-1)?.startsWith(`${label}@`)) continue;
    runs.push(`${label}@${(s.t / 1000).toFixed(1)}s`);
  }
  const pop = h.proofOfPlay();
  console.log(`on screen: ${runs.join(' → ')}`);
  console.log(`proof of play: ${pop.map((r) => `${String(r.item)}:${String(r.event)}${r.reason ? `(${String(r.reason)})` : ''}`).join(', ')}`);
  console.log(`longest blank: ${longestBlankMs(samples)} ms; picture: ${samples.map((s) => `${(s.t / 1000).toFixed(1)}s:${s.luma === null ? 'none' : Math.round(s.luma)}`).join(' ')}`);
  await shot('after-broken-media');
  expect(good, `the good clip after the broken ones plays (on screen: ${runs.join(' → ')})`).toBe(true);
  // The text slide (3 s) plus three broken items, each bounded by one load time (and a margin for a loaded machine).
  expect(seen.at(-1)!.t).toBeLessThan(3_000 + 3 * (LOAD_TIMEOUT_MS + 3_000));
  const skipped = (item: string) => pop.find((r) => r.item === item && r.event === 'skipped')?.reason ?? null;
  for (const item of ['alpha#1', 'alpha#2', 'alpha#3']) expect(['stalled', 'decode-error'], `${item} skipped`).toContain(skipped(item));
  expect(pop.some((r) => r.item === 'alpha#4' && r.event === 'first-frame')).toBe(true);
  expect(longestBlankMs(samples)).toBeLessThan(LOAD_TIMEOUT_MS);
  const status = await h.api<{ health: Health }>('/api/status');
  expect(status.health.classes['stalled-items']!.count).toBeGreaterThan(0);
  // Kept out of rotation: the next round plays the good items only, never retrying a broken one at once.
  await expect.poll(async () => (await nowPlaying(page)).item, { timeout: 20_000 }).toBe('alpha#0');
  await expect.poll(async () => (await nowPlaying(page)).item, { timeout: 10_000 }).toBe('alpha#4');
  const attempts = h.proofOfPlay().filter((r) => r.event === 'attempted' && ['alpha#1', 'alpha#2', 'alpha#3'].includes(String(r.item)));
  expect(attempts.map((r) => r.item).sort()).toEqual(['alpha#1', 'alpha#2', 'alpha#3']);
});
