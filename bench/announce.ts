/**
 * bench/announce: how fast and how seamlessly the hall speaks, each beside a baseline in the same run.
 *
 * - Trigger → first audible sample: `POST /api/announce` sent by the page (performance.now() just
 *   before fetch) to the first sample above −60 dBFS that reaches the audio output (its exact
 *   context time from an AudioWorklet, mapped to performance time with getOutputTimestamp, so the
 *   output latency the context reports is included; the table also gives the figure without it).
 *   The tap listens to the last node before the destination (bench/audio-tap.ts); the programme is silent (slides only),
 *   so the first loud sample is the announcement's. Every announcement starts with the chime,
 *   as a hall's do.
 * - Stitching: a whole call (zh-CN then English, 20+ clips) recorded at the output; the audible
 *   span from first to last loud sample against the clips' own (decoded lengths, less the first
 *   clip's leading and the last clip's trailing silence): any extra sample is a gap the player added.
 * - Baseline, in the same browser: the same clips played by a chain of `<audio>` elements, each
 *   started on the previous one's `ended` (how a web player without a scheduled audio graph
 *   speaks), triggered in the page itself with no HTTP request at all.
 */
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type Page } from '@playwright/test';
import { composeCall } from '../electron/host/services/pa-desk/spoken.js';
import { loadVoicePacks } from '../electron/host/services/pa-desk/voice-packs.js';
import { ROOT, startServeProcess } from '../e2e/serve-process.js';
import { CHROMIUM, CHROMIUM_ARGS } from '../playwright.config.js';
import { AUDIO_TAP_SCRIPT } from './audio-tap.js';
import { ms, percentile } from './measure.js';

const TRIGGERS = 100;
const BASELINE_TRIGGERS = 30;
const CALLS = 8;

interface Tap {
  first: number | null;
  arm(): void;
  record(on: boolean): void;
  ready: boolean;
  span(): { sampleRate: number; first: number; last: number };
  ownSpan(urls: string[]): Promise<number>;
}
interface BaselinePage {
  speak(urls: string[]): Promise<void>;
}
declare const speak: BaselinePage['speak'];
declare const __tap: Tap;

/** A copy of the e2e hall whose programme is slides only, so the output is silent but for speech. */
function silentHall(dir: string): string {
  const playlists = path.join(dir, 'playlists');
  cpSync(path.join(ROOT, 'e2e', 'hall'), playlists, { recursive: true });
  const slides = { title: { 'zh-CN': '静音节目' }, items: [{ type: 'image', src: 'images/slide-services.jpg', duration: 30 }] };
  for (const p of ['alpha', 'beta']) writeFileSync(path.join(playlists, 'programmes', `${p}.json`), JSON.stringify(slides));
  return playlists;
}

async function waitIdle(url: string): Promise<void> {
  const deadline = Date.now() + 30_000;
  for (;;) {
    const view = (await (await fetch(new URL('api/announcements', url))).json()) as { current: unknown; pending: unknown[] };
    if (view.current === null && view.pending.length === 0) return;
    if (Date.now() > deadline) throw new Error('the announcement never ended');
    await new Promise((r) => setTimeout(r, 25));
  }
}

interface Result {
  latencies: number[];
  addedSamples: { samples: number; rate: number }[];
  /** The output latency the AudioContext reports, ms: part of every latency above. */
  outputLatencyMs: number;
}
declare const ctx: { outputLatency: number; baseLatency: number };

const added = (r: ReturnType<Tap['span']>, own: number): { samples: number; rate: number } => ({ samples: r.last - r.first + 1 - Math.round(own * r.sampleRate), rate: r.sampleRate });

async function ours(page: Page, url: string, callClips: string[]): Promise<Result> {
  const announce = (body: object) =>
    page.evaluate(async (b) => {
      __tap.arm();
      const t0 = performance.now();
      const r = await fetch('/api/announce', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(b) });
      if (r.status !== 202) throw new Error(`announce refused: ${r.status} ${await r.text()}`);
      return t0;
    }, body);
  // Warm-up: the first text is synthesised and every clip decoded once, as at a hall's start.
  await announce({ text: '好' });
  await waitIdle(url);
  const latencies: number[] = [];
  for (let i = 0; i < TRIGGERS; i++) {
    const t0 = await announce({ text: '好' });
    await page.waitForFunction(() => __tap.first !== null, null, { timeout: 10_000 });
    latencies.push((await page.evaluate(() => __tap.first!)) - t0);
    await waitIdle(url);
  }
  const own = await page.evaluate((urls) => __tap.ownSpan(urls), callClips);
  const addedSamples: { samples: number; rate: number }[] = [];
  for (let i = 0; i < CALLS; i++) {
    await page.evaluate(() => __tap.record(true));
    await announce({ template: 'call', vars: { ticket: 'A023', counter: 12 }, languages: ['zh-CN', 'en'] });
    await waitIdle(url);
    await page.waitForTimeout(200);
    addedSamples.push(added(await page.evaluate(() => (__tap.record(false), __tap.span())), own));
  }
  const outputLatencyMs = await page.evaluate(() => (globalThis as unknown as { __hallcast: { audio(): { outputLatencyMs: number } } }).__hallcast.audio().outputLatencyMs);
  return { latencies: latencies.sort((a, b) => a - b), addedSamples, outputLatencyMs };
}

/** The `<audio>` chain, in a page of its own on the player's origin (same media, same tap). */
const BASELINE_PAGE = `<!doctype html><meta charset="utf-8"><script>
const ctx = new AudioContext();
const master = ctx.createGain();
master.connect(ctx.destination);
window.speak = (urls) => new Promise((done) => {
  let i = 0;
  const next = () => {
    if (i === urls.length) return done();
    const a = new Audio(urls[i++]);
    ctx.createMediaElementSource(a).connect(master);
    a.onended = next;
    a.play();
  };
  next();
});
</script>`;

async function baseline(page: Page, callClips: string[]): Promise<Result> {
  const latencies: number[] = [];
  await page.evaluate((urls) => speak(urls.slice(0, 1)), callClips); // warm the cache
  for (let i = 0; i < BASELINE_TRIGGERS; i++) {
    const t0 = await page.evaluate((u) => {
      __tap.arm();
      const t = performance.now();
      void speak([u]);
      return t;
    }, callClips[0]!);
    await page.waitForFunction(() => __tap.first !== null, null, { timeout: 10_000 });
    latencies.push((await page.evaluate(() => __tap.first!)) - t0);
    await page.waitForTimeout(1800); // the chime ends
  }
  const own = await page.evaluate((urls) => __tap.ownSpan(urls), callClips);
  const addedSamples: { samples: number; rate: number }[] = [];
  for (let i = 0; i < CALLS; i++) {
    await page.evaluate(() => __tap.record(true));
    await page.evaluate((urls) => speak(urls), callClips);
    await page.waitForTimeout(200);
    addedSamples.push(added(await page.evaluate(() => (__tap.record(false), __tap.span())), own));
  }
  const outputLatencyMs = await page.evaluate(() => (ctx.outputLatency || ctx.baseLatency) * 1000);
  return { latencies: latencies.sort((a, b) => a - b), addedSamples, outputLatencyMs };
}

export async function benchAnnounce(): Promise<string[]> {
  const dir = mkdtempSync(path.join(tmpdir(), 'hallcast-bench-announce-'));
  const playlists = silentHall(dir);
  const assets = path.join(ROOT, 'assets');
  const server = await startServeProcess(['--playlists', playlists, '--assets', assets, '--state', path.join(dir, 'state'), '--at', '2026-12-01T10:00:00Z']);
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  try {
    const log = { info: () => undefined, warn: () => undefined };
    const callClips = composeCall('A023', 12, ['zh-CN', 'en'], true, loadVoicePacks(assets, log)).clips.map((c) => c.url);
    const page = await browser.newPage({ viewport: { width: 1280, height: 720 }, bypassCSP: true });
    await page.addInitScript(AUDIO_TAP_SCRIPT);
    await page.goto(server.url);
    await page.waitForFunction(() => (globalThis as unknown as { __hallcast?: { nowPlaying(): { item: string | null } } }).__hallcast?.nowPlaying().item != null, null, { timeout: 20_000 });
    await page.waitForFunction(() => __tap.ready, null, { timeout: 10_000 });
    // The voice packs decode 2 s after the first picture (renderer/display/audio/voice-warmup.ts), as at a hall's start.
    await page.waitForTimeout(4000);
    const a = await ours(page, server.url, callClips);
    await page.close();

    const other = await browser.newPage({ bypassCSP: true });
    await other.addInitScript(AUDIO_TAP_SCRIPT);
    await other.route('**/__baseline.html', (route) => route.fulfill({ contentType: 'text/html', body: BASELINE_PAGE }));
    await other.goto(new URL('__baseline.html', server.url).href);
    await other.waitForFunction(() => __tap.ready, null, { timeout: 10_000 });
    const b = await baseline(other, callClips);

    const lat = (name: string, r: Result) => {
      const l = r.latencies;
      const o = r.outputLatencyMs;
      return `| ${name} | ${l.length} | ${ms(percentile(l, 50))} | ${ms(percentile(l, 95))} | ${ms(l.at(-1)!)} | ${ms(o)} | ${ms(percentile(l, 50) - o)} / ${ms(percentile(l, 95) - o)} |`;
    };
    const gaps = (name: string, g: { samples: number; rate: number }[]) => {
      const n = g.map((x) => x.samples);
      return `| ${name} | ${g.length} | ${Math.max(...n)} | ${(n.reduce((s, x) => s + x, 0) / n.length).toFixed(1)} | ${((Math.max(...n) / g[0]!.rate) * 1000).toFixed(1)} ms |`;
    };
    return [
      '| trigger → first audible sample at the output | announcements | p50 | p95 | max | output latency (reported by the context) | p50 / p95 without it |',
      '|---|---|---|---|---|---|---|',
      lat('hallcast: `POST /api/announce` (text, speech cached, chime first) → host queue → WebSocket → audio graph', a),
      lat('baseline: `<audio>` element started in the page (no HTTP, no host)', b),
      '',
      `| samples added between the ${callClips.length} clips of a bilingual call (A023 → 12), beyond the clips' own silence | calls | max | mean | max as time |`,
      '|---|---|---|---|---|',
      gaps('hallcast: clips scheduled back to back on the AudioContext clock', a.addedSamples),
      gaps('baseline: `<audio>` chain, next clip on `ended`', b.addedSamples),
    ];
  } finally {
    await browser.close();
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}
