/**
 * The hall speaks: announcements are proved audible at the display's audio output (an
 * AnalyserNode on Howler's master gain, read through window.__hallcast.audio()), the programme's
 * own audio dips under them and comes back, and two requests at once play one after the other.
 * Headless Chromium runs with --mute-audio; the graph still computes every sample (LAB-NOTES).
 */
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import type { AnnouncementReport } from '../electron/contract/messages.js';
import { ROOT, expect, test, waitForProgramme } from './fixtures.js';

interface AudioHooks {
  state: string;
  masterRms: number;
  programmeRms: number;
  programmeGain: number;
  speaking: string | null;
  banner: string | null;
  reports: AnnouncementReport[];
}

interface Sample {
  t: number;
  master: number;
  programme: number;
  gain: number;
  speaking: string | null;
}

const audio = (page: Page): Promise<AudioHooks> => page.evaluate(() => (globalThis as unknown as { __hallcast: { audio(): AudioHooks } }).__hallcast.audio());

/** Samples the output every 20 ms in the page, so the trace does not depend on the test's own timing. */
async function startTrace(page: Page): Promise<void> {
  await page.evaluate(() => {
    const g = globalThis as unknown as { __trace: Sample[]; __hallcast: { audio(): AudioHooks } };
    g.__trace = [];
    setInterval(() => {
      const a = g.__hallcast.audio();
      g.__trace.push({ t: performance.now(), master: a.masterRms, programme: a.programmeRms, gain: a.programmeGain, speaking: a.speaking });
    }, 20);
  });
}

const trace = (page: Page): Promise<Sample[]> => page.evaluate(() => (globalThis as unknown as { __trace: Sample[] }).__trace);

async function reportOf(page: Page, id: string, event: AnnouncementReport['event'], timeout = 30_000): Promise<AnnouncementReport> {
  await expect.poll(async () => (await audio(page)).reports.some((r) => r.id === id && r.event === event), { timeout }).toBe(true);
  return (await audio(page)).reports.find((r) => r.id === id && r.event === event)!;
}

/** What the output did while `id` spoke, and in the 1.5 s before it. */
function during(samples: Sample[], id: string) {
  const speaking = samples.filter((s) => s.speaking === id);
  expect(speaking.length, `samples while ${id} spoke`).toBeGreaterThan(10);
  const start = speaking[0]!.t;
  const end = speaking.at(-1)!.t;
  const before = samples.filter((s) => s.t > start - 1700 && s.t < start - 200);
  const after = samples.filter((s) => s.t > end + 2000 && s.t < end + 2600);
  const max = (xs: number[]) => Math.max(...xs);
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1] ?? Number.NaN;
  return {
    start,
    end,
    samplesBefore: before.length,
    loudest: max(speaking.map((s) => s.master)),
    lowestGain: Math.min(...speaking.map((s) => s.gain)),
    programmeBefore: median(before.map((s) => s.programme)),
    programmeDuring: median(speaking.filter((s) => s.t > start + 600).map((s) => s.programme)),
    gainAfter: after.length ? Math.min(...after.map((s) => s.gain)) : Number.NaN,
    programmeAfter: median(after.map((s) => s.programme)),
  };
}

async function readyHall(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await waitForProgramme(page, 'alpha');
  // The programme's own audio comes through the graph before anything is said.
  await expect.poll(async () => (await audio(page)).programmeRms, { timeout: 20_000 }).toBeGreaterThan(0.01);
  expect((await audio(page)).state).toBe('running');
}

test('a POST /api/announce and a queue call are heard, the programme dips under them and comes back', async ({ page, hall, shot }) => {
  const h = await hall({ at: '2026-12-01T10:00:00Z' });
  await readyHall(page, h.url);
  await startTrace(page);
  // The programme's level before the first announcement is read from the trace: give it two seconds.
  await page.waitForTimeout(2000);

  const text = await h.post<{ id: string; state: string }>('api/announce', { text: { 'zh-CN': '请注意，这是一条测试广播。', en: 'This is a test announcement.' } });
  expect(text.status).toBe(202);
  expect(text.body.state).toBe('queued');
  await reportOf(page, text.body.id, 'started');
  await expect.poll(async () => (await audio(page)).banner ?? '').toContain('请注意，这是一条测试广播。');
  await shot('announcement-banner');
  await reportOf(page, text.body.id, 'ended');
  await page.waitForTimeout(3500); // the release (1.5 s), the window the test reads after it, and the next one's window before

  const call = await h.post<{ ok: boolean }>('api/queue/call', { ticket: 'A023', counter: 5 });
  expect(call.status).toBe(200);
  await expect.poll(async () => (await h.api<{ recent: { kind: string; outcome: string }[] }>('api/announcements')).recent.find((r) => r.kind === 'call')?.outcome, { timeout: 30_000 }).toBe('played');
  await page.waitForTimeout(2800);

  const samples = await trace(page);
  const callId = (await audio(page)).reports.find((r) => r.id !== text.body.id && r.event === 'started')!.id;
  for (const id of [text.body.id, callId]) {
    const d = during(samples, id);
    console.log(`[announce] ${id}: loudest ${d.loudest.toFixed(3)}, gain min ${d.lowestGain.toFixed(3)}, programme ${d.programmeBefore.toFixed(3)} → ${d.programmeDuring.toFixed(3)} → ${d.programmeAfter.toFixed(3)}, gain after ${d.gainAfter.toFixed(3)}`);
    expect(d.loudest, 'speech at the output').toBeGreaterThan(0.05);
    expect(d.samplesBefore, 'samples of the programme in the 1.5 s before speech').toBeGreaterThan(5);
    expect(d.lowestGain, 'the programme ducked to −15 dB').toBeCloseTo(0.178, 2);
    expect(d.programmeDuring, 'programme audio under speech').toBeLessThan(d.programmeBefore * 0.4);
    expect(d.gainAfter, 'the programme back at full level').toBeGreaterThan(0.99);
    expect(d.programmeAfter, 'programme audio back').toBeGreaterThan(d.programmeBefore * 0.5);
  }
  const log = h.announcementLog().map((r) => `${r['event']}`);
  expect(log.filter((e) => e === 'ended')).toHaveLength(2);
  expect(log).toContain('ducked');
});

test('two announcements requested at once play one after the other, never over each other', async ({ page, hall }) => {
  const h = await hall({ at: '2026-12-01T10:00:00Z' });
  await readyHall(page, h.url);
  await startTrace(page);
  const [a, b] = await Promise.all([
    h.post<{ id: string }>('api/announce', { template: 'call', vars: { ticket: 'B101', counter: 4 }, priority: 'call' }),
    h.post<{ id: string }>('api/announce', { text: '请保管好您的随身物品', priority: 'care' }),
  ]);
  expect([a.status, b.status]).toStrictEqual([202, 202]);
  const aEnded = await reportOf(page, a.body.id, 'ended');
  const bStarted = await reportOf(page, b.body.id, 'started');
  await reportOf(page, b.body.id, 'ended');
  expect(bStarted.at).toBeGreaterThanOrEqual(aEnded.at);
  const samples = await trace(page);
  for (const id of [a.body.id, b.body.id]) expect(during(samples, id).loudest).toBeGreaterThan(0.05);
  const order = (await audio(page)).reports.filter((r) => r.event !== 'failed').map((r) => `${r.event}:${r.id === a.body.id ? 'a' : 'b'}`);
  expect(order).toStrictEqual(['started:a', 'ended:a', 'started:b', 'ended:b']);
});

test('an overloaded service raises the diversion slide and notice; bad requests are refused with the reason', async ({ page, hall, shot }) => {
  const h = await hall({
    at: '2026-12-01T10:00:00Z',
    edit: (playlists) => {
      const rule = {
        id: 'general-busy',
        service: 'A',
        waitingAtLeast: 3,
        text: { 'zh-CN': '可到自助终端办理。', en: 'Try the self-service kiosks.' },
        slide: { title: { 'zh-CN': '排队较长？试试自助办理', en: 'Long queue? Try self-service' }, body: { 'zh-CN': '缴费充值、话费查询可在自助终端办理', en: 'Pay bills or top up at the kiosks.' }, seconds: 20 },
      };
      writeFileSync(path.join(playlists, 'announcements.json'), JSON.stringify({ careRules: [rule] }));
    },
  });
  await readyHall(page, h.url);
  const at = Date.parse('2026-12-01T10:00:00Z');
  const events = [{ type: 'counter.opened', seq: 1, at, counter: 1 }, ...[1, 2, 3].map((n) => ({ type: 'ticket.issued', seq: n + 1, at, ticket: `A00${n}`, service: 'A' }))];
  expect((await h.post('api/queue/events', events)).status).toBe(200);
  await expect.poll(() => page.evaluate(() => (globalThis as unknown as { __hallcast: { diversion(): string | null } }).__hallcast.diversion())).toBe('general-busy');
  const status = await h.api<{ alerts: { kind: string; rule?: string }[] }>('api/status');
  expect(status.alerts).toContainEqual(expect.objectContaining({ kind: 'care-rule', rule: 'general-busy' }));
  await expect.poll(async () => (await h.api<{ recent: { kind: string; outcome: string }[] }>('api/announcements')).recent.find((r) => r.kind === 'care')?.outcome, { timeout: 30_000 }).toBe('played');
  await shot('diversion-slide');

  for (const [body, message] of [
    [{ template: 'call', vars: { ticket: 'A-0/23', counter: 5 } }, 'is not 1–3 letters followed by 1–4 digits'],
    [{ template: 'call', vars: { ticket: 'A023', counter: -1 } }, 'counter must be an integer 1–999'],
    [{ text: 'Bonjour', languages: ['fr'] }, 'no voice pack for language "fr"'],
    [{ text: '字'.repeat(10_000) }, 'the limit is 500'],
  ] as const) {
    const res = await h.post<{ error: string }>('api/announce', body);
    expect(res.status).toBe(400);
    expect(res.body.error).toContain(message);
  }
});

interface Reach {
  canSpeak: boolean;
  display: string | null;
  since: number;
  reason: string | null;
  refuses: string;
}

test('with no display to speak, an emergency is refused at once (503, `hallcast announce` exits 1); once the page speaks it is taken', async ({ page, hall }) => {
  const h = await hall({ at: '2026-12-01T10:00:00Z' });
  const refused = await h.post<{ error: string; reach: Reach }>('api/announce', { text: '请立即疏散', priority: 'emergency' });
  expect(refused.status).toBe(503);
  expect(refused.body.error).toBe('no display can speak it now (no display is connected): an emergency is never left waiting for a speaker');
  const cli = spawnSync(process.execPath, ['bin/hallcast.js', 'announce', '请立即疏散', '--priority', 'emergency', '--url', h.url], { cwd: ROOT, encoding: 'utf8' });
  console.log(`[announce] hallcast announce with no display: exit ${cli.status}; ${cli.stderr.trim()}`);
  expect(cli.status).toBe(1);
  expect(cli.stderr).toContain('hallcast: announcement refused (503): no display can speak it now (no display is connected)');
  const before = await h.api<{ announcements: { reach: Reach; pending: number } }>('api/status');
  expect(before.announcements).toMatchObject({ pending: 0, reach: { canSpeak: false, display: null, reason: 'no display is connected', refuses: 'emergencies' } });

  await readyHall(page, h.url);
  const after = await h.api<{ announcements: { reach: Reach } }>('api/status');
  expect(after.announcements.reach).toMatchObject({ canSpeak: true, reason: null, refuses: 'nothing' });
  expect(after.announcements.reach.display).not.toBeNull();
  const taken = await h.post<{ id: string }>('api/announce', { text: '请立即疏散', priority: 'emergency' });
  expect(taken.status).toBe(202);
  await reportOf(page, taken.body.id, 'ended');
});
