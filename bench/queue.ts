/**
 * bench/queue: the queue board's three figures, each beside a baseline measured in the same run.
 *
 * - Call → painted: `POST /api/queue/call` (Node, just before the request) to the animation frame
 *   that renders the board holding the call (performance.timeOrigin + the frame's time in the
 *   page); the picture is on screen one refresh later. Baseline: a page on the same origin that
 *   polls /api/queue every 2 s, as queue displays commonly do, timed the same way.
 * - Events/s: ticket events pushed to `POST /api/queue/events` in batches of 1,000, against the
 *   same events sent one per request.
 * - Wait estimates: mean absolute error of the estimate shown when a ticket was taken against the
 *   wait that followed, over simulated days, for the estimator and a naive one (waiting × the
 *   configured service time ÷ the counters configured for the service).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type Page } from '@playwright/test';
import { backtest } from '../electron/host/domain/queue/backtest.js';
import { DEFAULT_QUEUE_CONFIG } from '../electron/host/domain/queue/config.js';
import { startServeProcess } from '../e2e/serve-process.js';
import { CHROMIUM, CHROMIUM_ARGS } from '../playwright.config.js';
import { ms, percentile } from './measure.js';

const CALLS = 200;
/** The polling baseline needs 2 s per call; fewer calls keep the bench short. */
const BASELINE_CALLS = 50;
const COUNTERS = [1, 2, 4, 5, 6];

interface Hooks {
  queue(): { board: { calls: { ticket: string; counter: number; at: number }[] } | null; painted: Record<string, number> };
}

const BASELINE_PAGE = `<!doctype html><meta charset="utf-8"><body style="background:#0b1f3a;color:#fff;font:64px sans-serif"><div id="n">—</div><script>
const painted = {}; let last = '';
window.__baseline = painted;
async function poll() {
  try {
    const board = await (await fetch('/api/queue')).json();
    const c = board.calls[0];
    const key = c ? c.ticket + '@' + c.counter + '@' + c.at : '';
    if (key && key !== last) { last = key; document.getElementById('n').textContent = c.ticket + ' → ' + c.counter; requestAnimationFrame((t) => { painted[key] = t; }); }
  } catch {}
  setTimeout(poll, 2000);
}
poll();
</script>`;

async function post(url: string, route: string, body: unknown): Promise<{ status: number; json: { call?: { key: string } } }> {
  const response = await fetch(new URL(route, url), { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  return { status: response.status, json: (await response.json()) as { call?: { key: string } } };
}

/** Sends `calls` calls `gapMs` apart; returns call → painted latencies (ms) and how many never showed. */
async function timeCalls(page: Page, url: string, painted: () => Promise<Record<string, number>>, gapMs: number, calls: number): Promise<{ latencies: number[]; missed: number }> {
  const origin = await page.evaluate(() => performance.timeOrigin);
  const sent: { key: string; at: number }[] = [];
  for (let i = 0; i < calls; i++) {
    const ticket = `A${String(i + 1).padStart(3, '0')}`;
    const counter = COUNTERS[i % COUNTERS.length]!;
    const before = Date.now();
    const { status, json } = await post(url, 'api/queue/call', { ticket, counter });
    if (status !== 200 || !json.call) throw new Error(`call ${ticket} refused: ${status}`);
    sent.push({ key: json.call.key, at: before });
    await new Promise((r) => setTimeout(r, gapMs));
  }
  await new Promise((r) => setTimeout(r, 2500));
  const seen = await painted();
  const latencies = sent.filter((s) => seen[s.key] !== undefined).map((s) => origin + seen[s.key]! - s.at);
  return { latencies: latencies.sort((a, b) => a - b), missed: sent.length - latencies.length };
}

async function paintLatency(): Promise<string[]> {
  const state = mkdtempSync(path.join(tmpdir(), 'hallcast-bench-queue-'));
  const server = await startServeProcess(['--playlists', 'e2e/hall', '--assets', 'assets', '--state', state, '--at', '2026-12-01T10:00:00Z']);
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  try {
    const page = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
    await page.goto(server.url);
    const hooks = () => page.evaluate(() => (globalThis as unknown as { __hallcast: Hooks }).__hallcast.queue());
    // The board draws once pixi is up (after the first programme frame).
    const deadline = Date.now() + 20_000;
    await post(server.url, 'api/queue/call', { ticket: 'A999', counter: 1 });
    while (Object.keys((await hooks()).painted).length === 0) {
      if (Date.now() > deadline) throw new Error('the board never painted');
      await new Promise((r) => setTimeout(r, 100));
    }
    const ours = await timeCalls(page, server.url, async () => (await hooks()).painted, 150, CALLS);

    const baselinePage = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
    await baselinePage.route('**/__baseline.html', (route) => route.fulfill({ contentType: 'text/html', body: BASELINE_PAGE }));
    await baselinePage.goto(new URL('__baseline.html', server.url).href);
    await baselinePage.waitForTimeout(2500);
    // Calls spaced so a 2 s poll can see each one.
    const theirs = await timeCalls(baselinePage, server.url, () => baselinePage.evaluate(() => (globalThis as unknown as { __baseline: Record<string, number> }).__baseline), 2100, BASELINE_CALLS);
    const row = (name: string, r: { latencies: number[]; missed: number }) =>
      `| ${name} | ${r.latencies.length} | ${ms(percentile(r.latencies, 50))} | ${ms(percentile(r.latencies, 95))} | ${ms(r.latencies.at(-1)!)} | ${r.missed} |`;
    return [
      '| call → number painted | calls painted | p50 | p95 | max | never painted |',
      '|---|---|---|---|---|---|',
      row(`hallcast board (WebSocket push), ${CALLS} calls 150 ms apart`, ours),
      row(`baseline: page polling /api/queue every 2 s, ${BASELINE_CALLS} calls 2.1 s apart`, theirs),
    ];
  } finally {
    await browser.close();
    await server.stop();
    rmSync(state, { recursive: true, force: true });
  }
}

/** A hall's day in events: tickets issued, called and served, so about 40 wait at any time. */
function hallEvents(from: number, n: number, at: number): object[] {
  const out: object[] = [];
  for (let i = from; i < from + n; i++) {
    const k = Math.floor(i / 3);
    const ticket = (j: number) => `A${(j % 9999) + 1}`;
    if (i % 3 === 0) out.push({ type: 'ticket.issued', seq: i + 1, at, ticket: ticket(k), service: 'A' });
    else if (i % 3 === 1) out.push({ type: 'ticket.called', seq: i + 1, at, ticket: ticket(k - 40), counter: COUNTERS[k % COUNTERS.length] });
    else out.push({ type: 'ticket.served', seq: i + 1, at, ticket: ticket(k - 40) });
  }
  return out;
}

/** Events/s through the API, on a fresh player each time, after 5,000 events of warm-up. */
async function pushRate(perRequest: number, total: number): Promise<number> {
  const state = mkdtempSync(path.join(tmpdir(), 'hallcast-bench-queue-'));
  const server = await startServeProcess(['--playlists', 'e2e/hall', '--assets', 'assets', '--state', state, '--at', '2026-12-01T10:00:00Z']);
  try {
    const at = Date.parse('2026-12-01T10:00:00Z');
    const open = COUNTERS.map((counter, i) => ({ type: 'counter.opened', seq: i + 1, at, counter }));
    await post(server.url, 'api/queue/events', [...open, ...hallEvents(COUNTERS.length, 5000, at)]);
    let next = COUNTERS.length + 5000;
    const t0 = performance.now();
    for (let sent = 0; sent < total; sent += perRequest) {
      const batch = hallEvents(next, perRequest, at);
      next += perRequest;
      const { status } = await post(server.url, 'api/queue/events', perRequest === 1 ? batch[0] : batch);
      if (status !== 200) throw new Error(`events refused: ${status}`);
    }
    return total / ((performance.now() - t0) / 1000);
  } finally {
    await server.stop();
    rmSync(state, { recursive: true, force: true });
  }
}

async function throughput(): Promise<string[]> {
  const batched = await pushRate(1000, 50_000);
  const single = await pushRate(1, 2000);
  return [
    '| events pushed to POST /api/queue/events (issued, called, served; ~40 waiting) | events | events/s |',
    '|---|---|---|',
    `| batches of 1,000 | 50,000 | ${Math.round(batched)} |`,
    `| baseline: one event per request | 2,000 | ${Math.round(single)} |`,
  ];
}

function estimates(): string[] {
  const shanghai = (ms: number): number => Math.floor((ms + 8 * 3_600_000) / 60_000) % 1440;
  const day = Date.UTC(2026, 11, 1) - 8 * 3_600_000;
  const seeds = Array.from({ length: 10 }, (_, i) => i + 1);
  const reports = seeds.map((seed) => backtest(DEFAULT_QUEUE_CONFIG, seed, day, shanghai));
  const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
  const tickets = reports.reduce((n, r) => n + r.compared, 0);
  const f = (x: number) => x.toFixed(2);
  const pct = (x: number) => `${Math.round(x * 100)} %`;
  return [
    `| wait estimate vs actual wait, ${seeds.length} simulated days (seeds 1–${seeds.length}), ${tickets} tickets | mean abs. error (min) | mean signed error (min) | actual wait inside the shown range |`,
    '|---|---|---|---|',
    `| hallcast estimator (learned service times, shared counters 1/k, honest range) | ${f(mean(reports.map((r) => r.meanAbsoluteErrorMinutes)))} | ${f(mean(reports.map((r) => r.meanSignedErrorMinutes)))} | ${pct(mean(reports.map((r) => r.withinRangeShare)))} |`,
    `| baseline: waiting × configured service time ÷ counters configured | ${f(mean(reports.map((r) => r.naive.meanAbsoluteErrorMinutes)))} | ${f(mean(reports.map((r) => r.naive.meanSignedErrorMinutes)))} | ${pct(mean(reports.map((r) => r.naive.withinRangeShare)))} |`,
  ];
}

export async function benchQueue(): Promise<string[]> {
  return [...(await paintLatency()), '', ...(await throughput()), '', ...estimates()];
}

