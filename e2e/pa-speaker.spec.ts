/**
 * One PA for the hall (issue 14, item 1): displays.json names the speaker and its standby. Three
 * pages on one `hallcast serve` — the speaker, the standby, a counter screen — all show a call's
 * banner, but only the speaker's audio output carries it (each page's tap on Howler's master gain,
 * as in announce.spec.ts); when the speaker's page closes the standby speaks the next one.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { audioOut, loudest, traceLoudest } from './audio-out.js';
import { expect, test, waitForProgramme } from './fixtures.js';



interface Status {
  displays: { id: string; speaker?: boolean; pa?: string }[];
  announcements: { reach: { canSpeak: boolean; display: string | null } };
}

test('only the named speaker is heard; the standby takes over when the speaker\'s page closes', async ({ context, hall }) => {
  test.setTimeout(150_000);
  const h = await hall({
    at: '2026-12-01T10:00:00Z',
    edit: (playlists) =>
      writeFileSync(
        path.join(playlists, 'displays.json'),
        JSON.stringify({
          displays: {
            entrance: { name: { 'zh-CN': '入口' }, area: 'entrance', pa: 'standby' },
            waiting: { name: { 'zh-CN': '等候区' }, area: 'waiting', pa: 'speaker' },
            'counter-5': { name: { 'zh-CN': '5号窗口' }, area: 'counter', counter: 5 },
          },
        }),
      ),
  });
  const pages: Record<string, Page> = {};
  // The speaker connects first and the counter screen last: without displays.json's names the latest
  // display with working audio would speak (the counter screen), so this tells the two rules apart.
  for (const id of ['waiting', 'entrance', 'counter-5']) {
    const page = await context.newPage();
    await page.setViewportSize({ width: 960, height: 540 });
    await page.goto(`${h.url}?display=${id}`);
    await waitForProgramme(page, 'alpha');
    await expect.poll(async () => (await audioOut(page)).state, { timeout: 20_000 }).toBe('running');
    await traceLoudest(page);
    pages[id] = page;
  }
  await expect.poll(async () => (await h.api<Status>('api/status')).displays.filter((d) => d.speaker).map((d) => d.id), { timeout: 15_000 }).toStrictEqual(['waiting']);

  const call = await h.post<{ ok: boolean }>('api/queue/call', { ticket: 'A023', counter: 5 });
  expect(call.status).toBe(200);
  await expect.poll(async () => (await h.api<{ recent: { kind: string; outcome: string }[] }>('api/announcements')).recent.find((r) => r.kind === 'call')?.outcome, { timeout: 40_000 }).toBe('played');
  const callId = (await audioOut(pages['waiting']!)).reports.find((r) => r.event === 'started')!.id;
  // Heard at the speaker's output; the others showed the banner but sounded nothing of it.
  expect(await loudest(pages['waiting']!, callId), 'the speaker').toBeGreaterThan(0.05);
  for (const id of ['entrance', 'counter-5']) {
    expect(await loudest(pages[id]!, callId), id).toBe(0);
    expect((await audioOut(pages[id]!)).reports.filter((r) => r.id === callId && r.event === 'started'), id).toStrictEqual([]);
  }

  // The speaker's page goes; the standby carries the PA from now on.
  await pages['waiting']!.close();
  await expect.poll(async () => (await h.api<Status>('api/status')).announcements.reach.display !== null && (await h.api<Status>('api/status')).displays.find((d) => d.speaker)?.id, { timeout: 20_000 }).toBe('entrance');
  const next = await h.post<{ id: string }>('api/announce', { text: { 'zh-CN': '请保管好您的随身物品。' } });
  expect(next.status).toBe(202);
  await expect.poll(async () => (await audioOut(pages['entrance']!)).reports.some((r) => r.id === next.body.id && r.event === 'ended'), { timeout: 40_000 }).toBe(true);
  expect(await loudest(pages['entrance']!, next.body.id), 'the standby').toBeGreaterThan(0.05);
  expect(await loudest(pages['counter-5']!, next.body.id), 'the counter screen').toBe(0);
});
