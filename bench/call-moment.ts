/**
 * bench/call-moment: how far apart three displays of one host show the same queue call, with the
 * call moment (the host sets `flashAt` 150 ms ahead; each display paints it in the frame on screen
 * at or after it, on the host's clock learnt from clock pings) beside a baseline that paints each
 * call in the first frame after its board arrives (`?flash=arrival`, test build only), in the same
 * run: blocks of calls alternate between the two, so both see the same machine load.
 *
 * Skew per call: the latest paint minus the earliest, each the frame's expected time on screen on
 * the host's clock, as the displays reported it and the host wrote it to proof of play. Beside it
 * the same skew from the pages' own monotonic clocks (performance.timeOrigin + frame time +
 * refresh), which needs no clock exchange since the three pages share one machine.
 *
 * The three pages are windows (browser contexts) of one headless Chromium, each with its own
 * begin-frame clock: their frames are not in phase, as three screens' vsyncs are not. Calls are not read out (calls.enabled
 * false): 200 calls 0.5 s apart would only fill the PA's queue.
 */
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type Page } from '@playwright/test';
import { ROOT, startServeProcess, type ServeProcess } from '../e2e/serve-process.js';
import { CHROMIUM, CHROMIUM_ARGS } from '../playwright.config.js';
import { percentile } from './measure.js';

/** HALLCAST_BENCH_CALLS=10: a quick try of the bench itself (the figures are from 200); HALLCAST_BENCH_TRACE=1 prints each call's skew and paints to stderr. */
const CALLS = Number(process.env.HALLCAST_BENCH_CALLS ?? 200);
const BLOCK = Math.min(50, CALLS);
const DISPLAYS = 3;
const VIDEO = process.env.HALLCAST_BENCH_VIDEO === '1';
/** HALLCAST_BENCH_VIEWPORT=960x540: less for SwiftShader to draw per frame (a hall screen draws on its GPU). */
const [WIDTH, HEIGHT] = (process.env.HALLCAST_BENCH_VIEWPORT ?? '1920x1080').split('x').map(Number) as [number, number];
const STILLS = {
  title: { 'zh-CN': '图片', en: 'Stills' },
  items: [
    { type: 'image', src: 'images/slide-self-service.jpg', duration: 8 },
    { type: 'image', src: 'images/slide-holiday.jpg', duration: 8 },
  ],
};
const GAP_MS = 500;
const COUNTERS = [1, 2, 4, 5, 6];

interface Painted {
  key: string;
  at: number;
  late: boolean;
  local: number;
}
interface Record {
  event: string;
  key: string;
  flashAt: number;
  paints: { display: string; at: number; late: boolean }[];
  skewMs: number | null;
  missed: string[];
}
type Mode = 'moment' | 'arrival';

const moments = (page: Page): Promise<Painted[]> => page.evaluate(() => (globalThis as unknown as { __hallcast: { moments(): { painted: Painted[] } } }).__hallcast.moments().painted);
const painted = (page: Page): Promise<{ [key: string]: number }> => page.evaluate(() => (globalThis as unknown as { __hallcast: { queue(): { painted: { [key: string]: number } } } }).__hallcast.queue().painted);

async function post(url: string, body: unknown): Promise<{ key: string }> {
  const response = await fetch(new URL('api/queue/call', url), { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  if (response.status !== 200) throw new Error(`call refused: ${response.status}`);
  return ((await response.json()) as { call: { key: string } }).call;
}

async function until(what: string, check: () => Promise<boolean>, timeoutMs = 40_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`call-moment bench: ${what} did not happen within ${timeoutMs / 1000} s`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Opens the displays, brings their boards up with a warm-up call, calls `calls` tickets, closes them. */
async function block(browser: Browser, server: ServeProcess, mode: Mode, first: number, calls: number): Promise<{ keys: string[]; local: Map<string, number[]> }> {
  // A context each, as each screen is its own window: tabs of one window other than the front one
  // got an animation frame about once a second (measured: 14 and 48 frames in 5 s against 228).
  const contexts = await Promise.all(Array.from({ length: DISPLAYS }, () => browser.newContext({ viewport: { width: WIDTH, height: HEIGHT } })));
  try {
    const pages = await Promise.all(contexts.map((c) => c.newPage()));
    for (const p of pages) await p.goto(`${server.url}${mode === 'arrival' ? '?flash=arrival' : ''}`);
    const warm = await post(server.url, { ticket: 'A999', counter: 1 });
    for (const p of pages) await until('the warm-up call painted', async () => (await painted(p))[warm.key] !== undefined);
    // The clock pings run in the 2 s after load, the voice packs decode ~2 s after the first
    // picture: the calls start once the pages have settled.
    await new Promise((r) => setTimeout(r, 3_000));
    const keys: string[] = [];
    for (let i = first; i < first + calls; i++) {
      const call = await post(server.url, { ticket: `A${String((i % 999) + 1).padStart(3, '0')}`, counter: COUNTERS[i % COUNTERS.length] });
      keys.push(call.key);
      await new Promise((r) => setTimeout(r, GAP_MS));
    }
    await new Promise((r) => setTimeout(r, 1_000));
    const local = new Map<string, number[]>();
    for (const p of pages) for (const m of await moments(p)) local.set(m.key, [...(local.get(m.key) ?? []), m.local]);
    return { keys, local };
  } finally {
    await Promise.all(contexts.map((c) => c.close()));
  }
}

function proofOfPlay(state: string): Record[] {
  const dir = path.join(state, 'proof-of-play');
  return readdirSync(dir)
    .flatMap((f) => readFileSync(path.join(dir, f), 'utf8').split('\n'))
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as Record)
    .filter((r) => r.event === 'call-moment');
}

interface Tally {
  skews: number[];
  localSkews: number[];
  /** paint − flashAt, ms, every paint. */
  afterMoment: number[];
  late: number;
  missed: number;
  calls: number;
  paints: number;
}

const tally = (): Tally => ({ skews: [], localSkews: [], afterMoment: [], late: 0, missed: 0, calls: 0, paints: 0 });

function add(t: Tally, keys: string[], local: Map<string, number[]>, records: Map<string, Record>): void {
  for (const key of keys) {
    t.calls++;
    const r = records.get(key);
    if (!r) {
      t.missed += DISPLAYS;
      continue;
    }
    t.paints += r.paints.length;
    t.missed += DISPLAYS - r.paints.length;
    t.late += r.paints.filter((p) => p.late).length;
    for (const p of r.paints) t.afterMoment.push(p.at - r.flashAt);
    if (r.paints.length === DISPLAYS && r.skewMs !== null) t.skews.push(r.skewMs);
    // The same calls as the host's figure: those all three painted within its 2-s tally.
    const l = local.get(key) ?? [];
    if (r.paints.length === DISPLAYS && l.length === DISPLAYS) t.localSkews.push(Math.max(...l) - Math.min(...l));
  }
}

const f1 = (x: number): string => (Number.isFinite(x) ? x.toFixed(1) : '—');
const stats = (xs: number[]): string => {
  const s = [...xs].sort((a, b) => a - b);
  return `${f1(percentile(s, 50))} / ${f1(percentile(s, 95))} / ${f1(s.at(-1) ?? Number.NaN)}`;
};
const load = (): string => loadavg().map((x) => x.toFixed(2)).join(', ');

export async function benchCallMoment(): Promise<string[]> {
  const dir = mkdtempSync(path.join(tmpdir(), 'hallcast-bench-moment-'));
  const playlists = path.join(dir, 'playlists');
  const state = path.join(dir, 'state');
  cpSync(path.join(ROOT, 'e2e', 'hall'), playlists, { recursive: true });
  writeFileSync(path.join(playlists, 'announcements.json'), JSON.stringify({ calls: { enabled: false } }));
  // Stills by default: three 1080p videos decoded in software on two shared cores starve the
  // pages of frames, which a hall screen on its own PC does not meet (HALLCAST_BENCH_VIDEO=1: the clips).
  if (!VIDEO) writeFileSync(path.join(playlists, 'programmes', 'alpha.json'), JSON.stringify(STILLS));
  const server = await startServeProcess(['--playlists', playlists, '--assets', 'assets', '--state', state, '--at', '2026-12-01T10:00:00Z']);
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  const loadBefore = load();
  const results: { [M in Mode]: Tally } = { moment: tally(), arrival: tally() };
  const blocks: { mode: Mode; keys: string[]; local: Map<string, number[]> }[] = [];
  try {
    let next = 0;
    for (let done = 0; done < CALLS; done += BLOCK) {
      for (const mode of ['moment', 'arrival'] as const) {
        console.error(`call-moment: ${mode}, calls ${done + 1}–${done + BLOCK} (load ${load()})`);
        blocks.push({ mode, ...(await block(browser, server, mode, next, BLOCK)) });
        next += BLOCK + 1;
      }
    }
    // The host closes each call's record 2 s after its moment.
    await new Promise((r) => setTimeout(r, 2_500));
  } finally {
    await browser.close();
    await server.stop();
  }
  const loadAfter = load();
  const records = new Map(proofOfPlay(state).map((r) => [r.key, r]));
  rmSync(dir, { recursive: true, force: true });
  for (const b of blocks) add(results[b.mode], b.keys, b.local, records);
  if (process.env.HALLCAST_BENCH_TRACE) {
    for (const b of blocks) {
      const calls = b.keys.map((k) => records.get(k)).map((r) => (r ? `${f1(r.skewMs ?? Number.NaN)} (${r.paints.map((p) => f1(p.at - r.flashAt)).join('/')})` : 'none'));
      console.error(`${b.mode}: skew (paint − flashAt per display) ${calls.join(' ')}`);
    }
  }
  const row = (name: string, t: Tally) =>
    `| ${name} | ${t.calls} | ${t.skews.length} | ${stats(t.skews)} | ${stats(t.localSkews)} | ${stats(t.afterMoment)} | ${t.late} | ${t.missed} |`;
  return [
    `3 displays (windows of one headless Chromium, ${WIDTH}×${HEIGHT}, SwiftShader, each its own frame clock; programme: ${VIDEO ? 'two video clips' : 'two stills'}) on one \`hallcast serve\`, ${CALLS} calls each way ${GAP_MS} ms apart, in alternating blocks of ${BLOCK}. Load average (1/5/15 min) before ${loadBefore}, after ${loadAfter}.`,
    '',
    '| call → painted on 3 displays | calls | calls painted on all 3 | skew first → last paint, p50 / p95 / max (ms, host clock: proof of play) | same, pages\' own clocks (ms) | paint − flashAt, p50 / p95 / max (ms) | late paints | missed paints |',
    '|---|---|---|---|---|---|---|---|',
    row('call moment: flashAt = call + 150 ms, painted in the frame on screen at or after it', results.moment),
    row('baseline: painted in the first frame after the board arrives (`?flash=arrival`)', results.arrival),
  ];
}
