/**
 * A playlist file broken mid-play (a floor manager's bad save, a copy cut off): the wall keeps
 * playing the last good programme without a hitch, /api/status names the file, and the fixed file
 * is applied.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { displayState, expect, nowPlaying, test, waitForProgramme, type Hall } from '../fixtures.js';
import { LOAD_TIMEOUT_MS, longestBlankMs, watchPicture } from './picture.js';

interface Status {
  playlists: { errors: string[]; loadedAt: number | null };
}
const errors = async (h: Hall): Promise<string> => (await h.api<Status>('/api/status')).playlists.errors.join('\n');

test('a programme file overwritten with broken JSON, then cut off, then fixed', async ({ page, hall, shot }) => {
  test.setTimeout(120_000);
  const h = await hall({ at: '2026-12-01T10:00:00Z' });
  await page.goto(h.url);
  await waitForProgramme(page, 'alpha');
  await expect.poll(async () => (await nowPlaying(page)).element, { timeout: 20_000 }).toMatch(/^[AB]$/);
  const file = path.join(h.playlists, 'programmes', 'alpha.json');
  const good = readFileSync(file, 'utf8');
  const watch = watchPicture(page, 250, 10_000);

  // The item on screen must go on: same programme, its clip still advancing (or its successor in order).
  const stillPlaying = async (label: string): Promise<void> => {
    const before = await nowPlaying(page);
    await page.waitForTimeout(1_500);
    const after = await nowPlaying(page);
    expect(after.programme, label).toBe('alpha');
    expect(after.element, label).not.toBe('idle');
    expect(after.item !== before.item || after.position! > before.position!, `${label}: ${JSON.stringify(before)} → ${JSON.stringify(after)}`).toBe(true);
  };

  const seqBefore = (await displayState(page))!.seq;
  writeFileSync(file, good.replace('"items": [', '"items": [[,'));
  await expect.poll(() => errors(h), { timeout: 15_000 }).toMatch(/programmes[/\\]alpha\.json:\d+:\d+: error: invalid JSON/);
  await stillPlaying('broken JSON');

  writeFileSync(file, good.slice(0, Math.floor(good.length * 0.6)));
  await expect.poll(() => errors(h), { timeout: 15_000 }).toMatch(/programmes[/\\]alpha\.json:\d+:\d+: error/);
  await stillPlaying('cut-off file');
  // Nothing reached the display while the folder was broken.
  expect((await displayState(page))!.seq).toBe(seqBefore);

  // Fixed, with a change the wall can show: the programme gains a text slide.
  const fixed = JSON.parse(good) as { items: object[] };
  fixed.items.push({ type: 'text', title: { 'zh-CN': '修好了', en: 'Fixed' }, duration: 3, background: '#1d3a6e', color: '#ffffff' });
  writeFileSync(file, JSON.stringify(fixed, null, 2));
  await expect.poll(() => errors(h), { timeout: 15_000 }).toBe('');
  await expect.poll(async () => (await displayState(page))?.programme?.items.length ?? 0, { timeout: 15_000 }).toBe(3);
  // Applied on the wall: the new slide comes up in its turn.
  await expect.poll(async () => (await nowPlaying(page)).item, { timeout: 30_000 }).toBe('alpha#2');
  await stillPlaying('fixed');
  const samples = await watch.stop();
  expect(longestBlankMs(samples)).toBeLessThan(LOAD_TIMEOUT_MS);
  // The last good programme kept playing: no item was skipped or cut short meanwhile.
  expect(h.proofOfPlay().filter((r) => r.event === 'skipped')).toEqual([]);
  await shot('fixed-playlist');
});
