/**
 * One call moment: three displays of one host flash a queue call at the host's moment (flashAt),
 * each in the frame on screen at or just after it, not when its board arrived; the proof-of-play
 * log holds one record for the call with the skew between the first and the last paint; and only
 * the display that speaks for the hall reads the call out.
 *
 * The three pages are windows of one headless Chromium, each with its own animation frames
 * (headless Chromium gives every page its own begin-frame clock), so their frames are not in
 * phase: up to one refresh apart whatever the clocks.
 */
import type { Page } from '@playwright/test';
import type { AnnouncementReport, QueueBoardCall } from '../electron/contract/messages.js';
import { expect, queueHooks, test } from './fixtures.js';

interface Moments {
  offsetMs: number | null;
  roundTripMs: number | null;
  scheduling: boolean;
  painted: { key: string; at: number; late: boolean; local: number }[];
}
interface AudioHooks {
  reports: AnnouncementReport[];
  received: { type: 'play' | 'stop'; id: string; speak: boolean | null; at: number }[];
  heard: { id: string | null; from: number; until: number }[];
}

const moments = (page: Page): Promise<Moments> => page.evaluate(() => (globalThis as unknown as { __hallcast: { moments(): Moments } }).__hallcast.moments());
const audio = (page: Page): Promise<AudioHooks> => page.evaluate(() => (globalThis as unknown as { __hallcast: { audio(): AudioHooks } }).__hallcast.audio());
/**
 * The goal is one refresh (16.7 ms, `npm run bench -- call-moment`); a test on a shared 2-core
 * machine allows for frames that come late, short of the host's 2-s tally.
 */
const LOADED_FRAME_SLACK_MS = 500;

test('a call flashes on three displays at its moment, not on arrival; proof of play records the skew; only the speaker reads it', async ({ page, hall, shot }) => {
  const h = await hall({ at: '2026-12-01T10:00:00Z' });
  // A window each, as each screen is its own: a tab behind another got a frame about once a second.
  const others = await Promise.all([0, 1].map(() => page.context().browser()!.newContext({ viewport: { width: 1920, height: 1080 } })));
  const pages = [page, ...(await Promise.all(others.map((c) => c.newPage())))];
  for (const p of pages) {
    p.on('pageerror', (error) => console.log(`[page error] ${error.message}`));
    await p.goto(h.url);
  }
  for (const p of pages) await expect.poll(async () => (await queueHooks(p)).board?.feed.kind ?? null, { timeout: 20_000 }).toBe('push');
  // A first call brings every board up (pixi loads after the first programme frame); by then the
  // clock exchanges have run.
  const warm = await h.post<{ call: { key: string } }>('/api/queue/call', { ticket: 'A001', counter: 1 });
  for (const p of pages) await expect.poll(async () => (await queueHooks(p)).painted[warm.body.call.key] ?? null, { timeout: 40_000 }).not.toBeNull();
  for (const p of pages) await expect.poll(async () => (await moments(p)).offsetMs, { timeout: 10_000 }).not.toBeNull();
  // The warm-up call's announcement has reached every display: the next play is this call's.
  for (const p of pages) await expect.poll(async () => (await audio(p)).received.filter((m) => m.type === 'play').length, { timeout: 30_000 }).toBe(1);

  const { status, body } = await h.post<{ call: QueueBoardCall }>('/api/queue/call', { ticket: 'A023', counter: 5 });
  expect(status).toBe(200);
  const key = body.call.key;
  const flashAt = body.call.flashAt!;
  for (const p of pages) await expect.poll(async () => (await moments(p)).painted.some((m) => m.key === key), { timeout: 10_000 }).toBe(true);
  const paints = await Promise.all(pages.map(async (p) => (await moments(p)).painted.find((m) => m.key === key)!));
  const offsets = await Promise.all(pages.map(async (p) => moments(p)));
  console.log(`[call-moment] flashAt ${flashAt}; paints at +${paints.map((m) => (m.at - flashAt).toFixed(1)).join(', +')} ms (round trips ${offsets.map((o) => o.roundTripMs?.toFixed(1)).join(', ')} ms)`);
  for (const m of paints) {
    // At the moment, never before it (the board left the host 150 ms ahead): the frame on screen
    // at or after it; 2 ms of slack for the offset's error. A display whose board came after the
    // moment (late: its page was busy) flashes at once, still after the moment. Above, room for
    // the frames a headless page gets late when the 2-core machine is shared (measured: +12 to
    // +285 ms at load 10–15).
    expect(m.at - flashAt).toBeGreaterThanOrEqual(-2);
    if (!m.late) expect(m.at - flashAt).toBeLessThan(LOADED_FRAME_SLACK_MS);
  }
  // Proof of play: one record for the call, with the three displays' paints and their skew.
  await expect.poll(() => h.proofOfPlay().filter((r) => r['event'] === 'call-moment' && r['key'] === key).length, { timeout: 10_000 }).toBe(1);
  const record = h.proofOfPlay().find((r) => r['event'] === 'call-moment' && r['key'] === key)!;
  console.log(`[call-moment] proof of play: ${JSON.stringify(record)}`);
  expect(record).toMatchObject({ ticket: 'A023', counter: 5, flashAt, missed: [] });
  expect((record['late'] as string[]).length).toBe(paints.filter((m) => m.late).length);
  expect(record['paints']).toHaveLength(3);
  expect(record['skewMs']).toBe(Math.max(...paints.map((m) => m.at)) - Math.min(...paints.map((m) => m.at)));
  // Among the displays that had the call in time; a late one (its page busy past the moment: seen
  // at +1307 ms with the machine at load ≈ 10) paints at once and is named in the record's `late`.
  const inTime = paints.filter((m) => !m.late).map((m) => m.at);
  expect(inTime.length).toBeGreaterThanOrEqual(2);
  expect(Math.max(...inTime) - Math.min(...inTime)).toBeLessThan(LOADED_FRAME_SLACK_MS);
  await shot('call-moment-A023');

  // Every display shows the call; one of them reads it out.
  for (const p of pages) await expect.poll(async () => (await audio(p)).received.filter((m) => m.type === 'play').length, { timeout: 30_000 }).toBe(2);
  const callId = (await audio(page)).received.filter((m) => m.type === 'play')[1]!.id;
  await expect.poll(async () => (await Promise.all(pages.map(audio))).filter((a) => a.reports.some((r) => r.id === callId && r.event === 'started')).length, { timeout: 30_000 }).toBe(1);
  const heard = await Promise.all(pages.map(audio));
  const speakers = heard.filter((a) => a.received.some((m) => m.id === callId && m.type === 'play' && m.speak));
  expect(speakers).toHaveLength(1);
  for (const a of heard) {
    const speaks = speakers.includes(a);
    expect(a.received.some((m) => m.id === callId && m.type === 'play'), 'every display gets the call (its banner)').toBe(true);
    expect(a.reports.some((r) => r.id === callId && r.event === 'started'), speaks ? 'the speaker reads it' : 'a silent display does not').toBe(speaks);
  }
});
