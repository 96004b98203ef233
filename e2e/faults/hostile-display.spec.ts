/**
 * Fault: a hostile (or broken) client on the hall LAN opens the display socket before the real
 * display — one that never says hello, one that says hello but never reports working audio — and
 * floods reports. The real page must still carry the PA and play an announcement, the flood must
 * cost the proof-of-play log a bounded number of lines (the per-session rate), the drops must be
 * counted in /api/status → health, and the picture must never blank.
 */
import type { Page } from '@playwright/test';
import WebSocket from 'ws';
import type { AnnouncementReport } from '../../electron/contract/messages.js';
import { expect, test, waitForProgramme } from '../fixtures.js';
import { LOAD_TIMEOUT_MS, longestBlankMs, takenOnly, watchPicture } from './picture.js';

const FLOOD = 20_000;
/** The host's per-session limit on playback reports (electron/host/display-session/admission.ts). */
const REPORTS_PER_SECOND = 10;
const REPORT_BURST = 50;

interface RosterEntry {
  display: string;
  audio: string;
  speaker: boolean;
}
interface AnnouncementsAnswer {
  speaker: string | null;
  roster: RosterEntry[];
  recent: { id: string; outcome: string }[];
}
interface StatusAnswer {
  displays: { id: string; audio: string; speaker: boolean }[];
  health: { classes: Record<string, { count: number }> };
}

const reports = (page: Page): Promise<AnnouncementReport[]> =>
  page.evaluate(() => (globalThis as unknown as { __hallcast: { audio(): { reports: AnnouncementReport[] } } }).__hallcast.audio().reports);

function open(url: string): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url);
    ws.once('open', () => resolve(ws));
    ws.once('error', reject);
  });
}

const report = (i: number) => JSON.stringify({ type: 'report', report: { event: 'first-frame', programme: 'flood', item: `flood#${i}`, url: null, at: Date.now() } });

test('a silent socket and a flooding client that connect first get no PA, a bounded log, and counted drops; the page speaks and keeps playing', async ({ page, hall }) => {
  test.setTimeout(120_000);
  const h = await hall({ at: '2026-12-01T10:00:00Z' });
  const wsUrl = new URL('ws', h.url.replace(/^http/, 'ws')).toString();

  // Both connect before the page: under "first come" the silent one would be the speaker.
  const silent = await open(wsUrl);
  const silentOpened = Date.now();
  const silentClosed = new Promise<number>((resolve) => silent.once('close', (code) => resolve(code)));
  // Reports before a hello are no display's: dropped and counted, never written.
  for (let i = 0; i < 100; i++) silent.send(report(i));
  const flooder = await open(wsUrl);
  flooder.send(JSON.stringify({ type: 'hello', hello: { shell: 'chromium', width: 1920, height: 1080, userAgent: 'flooder' } }));

  await page.goto(h.url);
  await waitForProgramme(page, 'alpha');
  // The page reports its audio output running; it, and only it, becomes the speaker.
  await expect.poll(async () => (await h.api<AnnouncementsAnswer>('api/announcements')).speaker, { timeout: 20_000 }).not.toBeNull();
  const before = await h.api<AnnouncementsAnswer>('api/announcements');
  const speaker = before.speaker!;
  expect(before.roster.find((r) => r.display === speaker)).toMatchObject({ audio: 'ready', speaker: true });
  // The flooder said hello: it is on the roster (it sees banners), but never the speaker.
  expect(before.roster.filter((r) => r.audio !== 'ready')).toHaveLength(1);
  const status = await h.api<StatusAnswer>('api/status');
  expect(status.displays.find((d) => d.speaker)).toMatchObject({ id: speaker, audio: 'ready' });

  // The silent socket is closed for never saying hello, 10 s after it opened.
  expect(await Promise.race([silentClosed, new Promise<number>((resolve) => setTimeout(() => resolve(-1), Math.max(0, silentOpened + 15_000 - Date.now())))])).toBe(4001);

  // Only pictures taken are judged: at a load average of 35 a healthy page's screenshot took > 10 s.
  const picture = takenOnly(watchPicture(page, 250, LOAD_TIMEOUT_MS));
  const floodStart = Date.now();
  // 100 messages every 20 ms (20,000 in ~4 s), in small slices so this process still takes the screenshots.
  for (let i = 0; i < FLOOD; i += 100) {
    for (let k = i; k < i + 100; k++) flooder.send(report(k));
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  await new Promise<void>((resolve) => flooder.send(report(FLOOD), () => resolve()));
  const floodSeconds = (Date.now() - floodStart) / 1000;

  // An announcement now is played by the page.
  const said = await h.post<{ id: string }>('api/announce', { text: { 'zh-CN': '请注意，这是一条测试广播。', en: 'This is a test announcement.' } });
  expect(said.status).toBe(202);
  await expect.poll(async () => (await reports(page)).some((r) => r.id === said.body.id && r.event === 'started'), { timeout: 30_000 }).toBe(true);
  await expect.poll(async () => (await h.api<AnnouncementsAnswer>('api/announcements')).recent.find((r) => r.id === said.body.id)?.outcome, { timeout: 30_000 }).toBe('played');
  expect(h.announcementLog().find((r) => r['event'] === 'started' && r['id'] === said.body.id)).toMatchObject({ display: speaker });

  const samples = await picture.stop();
  const settle = Date.now();
  const flooded = h.proofOfPlay().filter((r) => r['programme'] === 'flood');
  const bound = REPORT_BURST + REPORTS_PER_SECOND * ((settle - floodStart) / 1000 + 1);
  console.log(`[hostile-display] ${FLOOD} reports in ${floodSeconds.toFixed(1)} s: ${flooded.length} written (bound ${Math.round(bound)}), longest blank ${longestBlankMs(samples)} ms over ${samples.length} samples (${samples.map((x) => `${x.t}:${x.luma === null ? '-' : Math.round(x.luma)}`).join(' ')})`);
  expect(flooded.length).toBeLessThanOrEqual(bound);
  // Every written line came from the session that said hello; the silent socket wrote nothing.
  expect(new Set(flooded.map((r) => r['display'])).size).toBeLessThanOrEqual(1);
  // The drops are counted (one count per batch), not written.
  const health = (await h.api<StatusAnswer>('api/status')).health.classes;
  expect(health['dropped-reports']!.count).toBeGreaterThanOrEqual(100 + FLOOD + 1 - flooded.length);
  // Screenshots take 1–3 s each on a loaded 2-core machine: a few samples over the flood and the announcement.
  expect(samples.length).toBeGreaterThanOrEqual(3);
  expect(longestBlankMs(samples)).toBeLessThan(LOAD_TIMEOUT_MS);
  // The page still plays and still writes its own proof of play.
  await waitForProgramme(page, 'alpha', 5_000);
  expect(h.proofOfPlay().filter((r) => r['display'] === speaker).length).toBeGreaterThan(0);
  flooder.close();
});
