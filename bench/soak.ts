/**
 * bench/soak: memory over a long run, for the player and one display, with a baseline page in the
 * same browser.
 *
 * `hallcast serve` runs on a copy of the default hall (playlists/) at a workday morning, with the
 * built-in queue simulator sped up (`feed.speed`, simulated seconds per real second) and an
 * announcement posted every few seconds (free texts and queue calls in turn). One headless Debian
 * Chromium (the kiosk's flags) shows the display; a second tab, on another site so it gets its own
 * renderer process, shows the baseline: a static page with one looping <video> of the same hall
 * assets, to tell the player's own growth from Chromium's.
 *
 * Each sample, after a forced GC (CDP `HeapProfiler.collectGarbage` in both pages and, over the
 * host's inspector, in the player):
 * - host: VmRSS of the `hallcast serve` process, and its JS heap used (`Runtime.getHeapUsage` over
 *   `--inspect`, started through NODE_OPTIONS);
 * - each page's renderer process (`--type=renderer`, found by burning CPU in the page and seeing
 *   which renderer of this browser ran): VmRSS and PSS (/proc/PID/smaps_rollup); the page's JS
 *   heap used; DOM nodes and JS event listeners (`Memory.getDOMCounters`); media elements
 *   (<video>/<audio> in the document, plus HTMLMediaElements alive off-document, counted by
 *   `Runtime.queryObjects`);
 * - the GPU process's VmRSS (shared by both pages).
 *
 * Slopes: least squares over the samples after warm-up, in MB per real hour and MB per simulated
 * day, where a simulated day = 24 h of the simulator's clock = 24 / speed real hours.
 *
 * Flags (after `npm run bench -- soak`): `--minutes N` (30), `--sample-seconds S` (60), `--speed K`
 * (48: 30 real minutes = one simulated day), `--announce-seconds A` (8; 0 = no announcements),
 * `--warmup-minutes W` (5, or a third of a shorter run), `--programme hall|image` (hall: the
 * morning programme, videos and slides; image: one still slide), `--queue simulator|off`
 * (off: a push feed nobody pushes to), `--no-baseline`, `--allocators` (log the display renderer's
 * allocators from a Chromium memory-infra dump at every sample: where native growth lives).
 */
import { cpSync, createReadStream, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir, uptime as osUptime, loadavg } from 'node:os';
import path from 'node:path';
import { chromium, type CDPSession, type Page } from '@playwright/test';
import WebSocket from 'ws';
import { chromiumTree, parentOf, pss, rendererOf, rss } from '../e2e/chromium-processes.js';
import { ROOT, startServeProcess } from '../e2e/serve-process.js';
import { CHROMIUM, CHROMIUM_ARGS } from '../playwright.config.js';

export interface SoakOptions {
  minutes: number;
  sampleSeconds: number;
  speed: number;
  announceSeconds: number;
  warmupMinutes: number;
  programme: 'hall' | 'image';
  queue: 'simulator' | 'off';
  baseline: boolean;
  /** Log the display renderer's allocators (Chromium memory-infra dump) at every sample. */
  allocators: boolean;
}

const MB = 1024 * 1024;
/** A workday (Tuesday) morning in the default hall's zone: the morning programme, the hall open. */
const AT = '2026-12-01T09:30:00+08:00';
const BASELINE_VIDEO = 'video/hall-welcome.mp4';

export function parseSoakArgs(argv: string[]): SoakOptions {
  const value = (flag: string): string | undefined => {
    const i = argv.indexOf(flag);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const num = (flag: string, fallback: number, min: number): number => {
    const raw = value(flag);
    if (raw === undefined) return fallback;
    const n = Number(raw);
    if (!Number.isFinite(n) || n < min) throw new Error(`soak: ${flag} must be a number ≥ ${min}, got ${JSON.stringify(raw)}`);
    return n;
  };
  const minutes = num('--minutes', 30, 1);
  const programme = value('--programme') ?? 'hall';
  if (programme !== 'hall' && programme !== 'image') throw new Error(`soak: --programme must be hall or image, got ${JSON.stringify(programme)}`);
  const queue = value('--queue') ?? 'simulator';
  if (queue !== 'simulator' && queue !== 'off') throw new Error(`soak: --queue must be simulator or off, got ${JSON.stringify(queue)}`);
  return {
    minutes,
    sampleSeconds: num('--sample-seconds', 60, 5),
    speed: num('--speed', 48, 1),
    announceSeconds: num('--announce-seconds', 8, 0),
    warmupMinutes: num('--warmup-minutes', Math.min(5, minutes / 3), 0),
    programme,
    queue,
    baseline: !argv.includes('--no-baseline'),
    allocators: argv.includes('--allocators'),
  };
}

/** Least-squares slope of y over x (per unit of x); NaN with fewer than two points. */
export function slope(points: { x: number; y: number }[]): number {
  const n = points.length;
  if (n < 2) return Number.NaN;
  const mx = points.reduce((s, p) => s + p.x, 0) / n;
  const my = points.reduce((s, p) => s + p.y, 0) / n;
  let num = 0;
  let den = 0;
  for (const p of points) {
    num += (p.x - mx) * (p.y - my);
    den += (p.x - mx) ** 2;
  }
  return den === 0 ? Number.NaN : num / den;
}

// ---- where a renderer's memory is (Chromium's memory-infra) ------------------------------

/** Top-level allocator sizes (MB) of process `pid` from one detailed memory dump of the browser. */
async function allocators(cdp: CDPSession, pid: number): Promise<Record<string, number>> {
  await cdp.send('Tracing.start', {
    traceConfig: { includedCategories: ['disabled-by-default-memory-infra'], excludedCategories: ['*'], memoryDumpConfig: { triggers: [] } as unknown as Record<string, string> },
    transferMode: 'ReturnAsStream',
  });
  await cdp.send('Tracing.requestMemoryDump', { levelOfDetail: 'detailed' });
  const done = new Promise<string>((ok) => cdp.once('Tracing.tracingComplete', (e) => ok(e.stream!)));
  await cdp.send('Tracing.end');
  const stream = await done;
  let text = '';
  for (;;) {
    const chunk = await cdp.send('IO.read', { handle: stream, size: 1 << 20 });
    text += chunk.base64Encoded ? Buffer.from(chunk.data, 'base64').toString() : chunk.data;
    if (chunk.eof) break;
  }
  await cdp.send('IO.close', { handle: stream });
  const trace = JSON.parse(text) as { traceEvents: { ph: string; pid: number; args?: { dumps?: { allocators?: Record<string, { attrs?: { size?: { value: string } } }> } } }[] };
  const out: Record<string, number> = {};
  for (const e of trace.traceEvents) {
    if (e.ph !== 'v' || e.pid !== pid) continue;
    for (const [name, a] of Object.entries(e.args?.dumps?.allocators ?? {})) {
      const depth = name.split('/').length;
      if (depth > 2 || !a.attrs?.size) continue;
      out[name] = parseInt(a.attrs.size.value, 16) / MB;
    }
  }
  return out;
}

// ---- the host's inspector ------------------------------------------------------------------

class Inspector {
  private next = 1;
  private readonly waiting = new Map<number, (v: unknown) => void>();
  private constructor(private readonly ws: WebSocket) {
    ws.on('message', (data) => {
      const msg = JSON.parse(String(data)) as { id?: number; result?: unknown };
      if (msg.id !== undefined) this.waiting.get(msg.id)?.(msg.result);
    });
  }
  static async open(url: string): Promise<Inspector> {
    const ws = new WebSocket(url);
    await new Promise((ok, fail) => {
      ws.once('open', ok);
      ws.once('error', fail);
    });
    return new Inspector(ws);
  }
  send<T>(method: string, params: object = {}): Promise<T> {
    const id = this.next++;
    this.ws.send(JSON.stringify({ id, method, params }));
    return new Promise((ok, fail) => {
      const timer = setTimeout(() => fail(new Error(`host inspector: ${method} timed out`)), 30_000);
      this.waiting.set(id, (v) => {
        clearTimeout(timer);
        this.waiting.delete(id);
        ok(v as T);
      });
    });
  }
  close(): void {
    this.ws.close();
  }
}

// ---- the pages ------------------------------------------------------------------------------

interface PageSample {
  rss: number;
  pss: number;
  heap: number;
  nodes: number;
  listeners: number;
  media: number;
  mediaAlive: number;
}

async function samplePage(cdp: CDPSession, page: Page, pid: number): Promise<PageSample> {
  await cdp.send('HeapProfiler.collectGarbage');
  const heap = await cdp.send('Runtime.getHeapUsage');
  const dom = (await cdp.send('Memory.getDOMCounters')) as { nodes: number; jsEventListeners: number };
  const media = await page.evaluate('document.querySelectorAll("video, audio").length') as number;
  // Every HTMLMediaElement alive in the page's heap, in the document or not (Howler keeps <audio>s in a pool).
  const proto = await cdp.send('Runtime.evaluate', { expression: 'HTMLMediaElement.prototype' });
  const found = await cdp.send('Runtime.queryObjects', { prototypeObjectId: proto.result.objectId!, objectGroup: 'soak' });
  const counted = await cdp.send('Runtime.callFunctionOn', { objectId: found.objects.objectId!, functionDeclaration: 'function () { return this.length; }', returnByValue: true });
  await cdp.send('Runtime.releaseObjectGroup', { objectGroup: 'soak' });
  return { rss: rss(pid), pss: pss(pid), heap: heap.usedSize, nodes: dom.nodes, listeners: dom.jsEventListeners, media, mediaAlive: Number(counted.result.value) };
}

const BASELINE_PAGE = `<!doctype html><meta charset="utf-8"><body style="margin:0;background:#0b1f3a">
<video src="/clip" autoplay muted loop playsinline style="width:70vw;height:82vh;object-fit:contain"></video>`;

/** The baseline page and its clip on 127.0.0.1 (the display is on localhost: another site, another renderer). */
async function baselineServer(assets: string): Promise<{ url: string; server: Server }> {
  const clip = path.join(assets, BASELINE_VIDEO);
  const size = statSync(clip).size;
  const server = createServer((req, res) => {
    if (req.url !== '/clip') {
      res.writeHead(200, { 'content-type': 'text/html' }).end(BASELINE_PAGE);
      return;
    }
    const range = /bytes=(\d+)-(\d*)/.exec(req.headers.range ?? '');
    const start = range ? Number(range[1]) : 0;
    const end = range && range[2] ? Number(range[2]) : size - 1;
    res.writeHead(range ? 206 : 200, {
      'content-type': 'video/mp4',
      'accept-ranges': 'bytes',
      'content-length': end - start + 1,
      ...(range ? { 'content-range': `bytes ${start}-${end}/${size}` } : {}),
    });
    createReadStream(clip, { start, end }).pipe(res);
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('soak: baseline server has no port');
  return { url: `http://127.0.0.1:${address.port}/`, server };
}

// ---- the hall --------------------------------------------------------------------------------

/** A copy of the default hall, sped up (or with the queue off, or one still slide). */
function soakHall(dir: string, o: SoakOptions): string {
  const playlists = path.join(dir, 'playlists');
  cpSync(path.join(ROOT, 'playlists'), playlists, { recursive: true });
  const queueFile = path.join(playlists, 'queue.json');
  const queue = JSON.parse(readFileSync(queueFile, 'utf8')) as { feed: object };
  queue.feed = o.queue === 'simulator' ? { kind: 'simulator', speed: o.speed, seed: 7 } : { kind: 'push' };
  writeFileSync(queueFile, JSON.stringify(queue, null, 2));
  if (o.programme === 'image') {
    const still = { title: { 'zh-CN': '静态' }, order: 'loop', items: [{ type: 'image', src: 'images/slide-services.jpg', duration: 3600 }] };
    for (const f of readdirSync(path.join(playlists, 'programmes'))) writeFileSync(path.join(playlists, 'programmes', f), JSON.stringify(still));
  }
  return playlists;
}

const TEXTS = [
  { text: { 'zh-CN': '请保管好您的随身物品。', en: 'Please keep your belongings with you.' } },
  { template: 'call', vars: { ticket: 'A023', counter: 5 } },
  { text: { 'zh-CN': '自助终端可办理缴费业务。', en: 'Payments are quicker at the self-service kiosks.' } },
  { template: 'call', vars: { ticket: 'B107', counter: 4 } },
  { text: { 'zh-CN': '本厅营业至晚上八点。', en: 'This hall is open until eight in the evening.' } },
  { template: 'call', vars: { ticket: 'V8', counter: 6 } },
];

// ---- the run ---------------------------------------------------------------------------------

interface Sample {
  minute: number;
  hostRss: number;
  hostHeap: number;
  display: PageSample;
  baseline: PageSample | null;
  gpuRss: number;
  announced: number;
  refused: number;
  calls: number;
  /** Item changes on the display since it started (the programme goes on). */
  seams: number;
}

export interface SoakResult {
  options: SoakOptions;
  samples: Sample[];
  rows: string[];
}

export async function benchSoak(o: SoakOptions, log: (line: string) => void = () => {}): Promise<SoakResult> {
  const dir = mkdtempSync(path.join(tmpdir(), 'hallcast-soak-'));
  const playlists = soakHall(dir, o);
  const state = path.join(dir, 'state');
  mkdirSync(state);
  let inspectorUrl = '';
  const server = await startServeProcess(
    ['--playlists', playlists, '--assets', 'assets', '--state', state, '--at', AT],
    (text) => {
      const m = /Debugger listening on (ws:\/\/\S+)/.exec(text);
      if (m) inspectorUrl = m[1]!;
    },
    { NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --inspect=127.0.0.1:0`.trim() },
  );
  const hostPid = server.child.pid!;
  const base = o.baseline ? await baselineServer(path.join(ROOT, 'assets')) : null;
  // Ctrl-C is ours (stop early, report), not Playwright's.
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, handleSIGINT: false });
  let announceTimer: NodeJS.Timeout | undefined;
  let host: Inspector | null = null;
  try {
    if (!inspectorUrl) throw new Error('soak: the player printed no inspector address');
    host = await Inspector.open(inspectorUrl);
    const browserPid = chromiumTree(process.pid).find((p) => p.type === 'browser' && parentOf(p.pid) === process.pid)?.pid;
    if (!browserPid) throw new Error('soak: Chromium browser process not found');

    const display = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
    await display.goto(server.url);
    await display.waitForFunction(() => (globalThis as unknown as { __hallcast?: unknown }).__hallcast !== undefined, null, { timeout: 30_000 });
    const displayCdp = await display.context().newCDPSession(display);
    const displayPid = await rendererOf(display, browserPid);
    let baselinePage: Page | null = null;
    let baselineCdp: CDPSession | null = null;
    let baselinePid = 0;
    if (base) {
      baselinePage = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
      await baselinePage.goto(base.url);
      baselineCdp = await baselinePage.context().newCDPSession(baselinePage);
      baselinePid = await rendererOf(baselinePage, browserPid);
      if (baselinePid === displayPid) throw new Error('soak: the baseline shares the display’s renderer');
    }
    const browserCdp = o.allocators ? await browser.newBrowserCDPSession() : null;
    let firstAllocators: Record<string, number> | null = null;
    log(`soak: host ${hostPid}, browser ${browserPid}, display renderer ${displayPid}${base ? `, baseline renderer ${baselinePid}` : ''}`);

    let announced = 0;
    let refused = 0;
    let turn = 0;
    if (o.announceSeconds > 0) {
      const announce = (): void => {
        const body = TEXTS[turn++ % TEXTS.length]!;
        fetch(new URL('api/announce', server.url), { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) })
          .then((r) => (r.status === 202 ? announced++ : refused++))
          .catch(() => refused++);
        announceTimer = setTimeout(announce, o.announceSeconds * 1000);
      };
      announceTimer = setTimeout(announce, o.announceSeconds * 1000);
    }

    const samples: Sample[] = [];
    const t0 = Date.now();
    let end = t0 + o.minutes * 60_000;
    // Ctrl-C ends the run early and still reports (and stops the player and Chromium).
    let wake: () => void = () => {};
    const stopEarly = (): void => {
      end = 0;
      wake();
    };
    process.once('SIGINT', stopEarly);
    for (let k = 0; ; k++) {
      const at = t0 + k * o.sampleSeconds * 1000;
      if (at > end) break;
      if (at > Date.now()) await new Promise<void>((r) => ((wake = r), setTimeout(r, at - Date.now())));
      if (end === 0) break;
      await host.send('HeapProfiler.collectGarbage');
      const hostHeap = (await host.send<{ usedSize: number }>('Runtime.getHeapUsage')).usedSize;
      const status = (await (await fetch(new URL('api/status', server.url))).json()) as { queue: { recentCalls: unknown[] } | null };
      const gpu = chromiumTree(browserPid).find((p) => p.type === 'gpu-process');
      const sample: Sample = {
        minute: (Date.now() - t0) / 60_000,
        hostRss: rss(hostPid),
        hostHeap,
        display: await samplePage(displayCdp, display, displayPid),
        baseline: baselineCdp && baselinePage ? await samplePage(baselineCdp, baselinePage, baselinePid) : null,
        gpuRss: gpu ? rss(gpu.pid) : Number.NaN,
        announced,
        refused,
        calls: status.queue?.recentCalls.length ?? 0,
        seams: (await display.evaluate('globalThis.__hallcast.frames().seams')) as number,
      };
      samples.push(sample);
      if (browserCdp) {
        const now = await allocators(browserCdp, displayPid);
        firstAllocators ??= now;
        const grown = Object.entries(now)
          .map(([name, mb]) => ({ name, mb, d: mb - (firstAllocators![name] ?? 0) }))
          .filter((a) => a.mb >= 1)
          .sort((a, b) => b.d - a.d)
          .slice(0, 12);
        log(`  allocators (MB, Δ since first sample): ${grown.map((a) => `${a.name} ${a.mb.toFixed(1)} (${a.d >= 0 ? '+' : ''}${a.d.toFixed(1)})`).join(', ')}`);
      }
      const f = (b: number) => (b / MB).toFixed(1);
      log(
        `soak ${sample.minute.toFixed(1)} min: host rss ${f(sample.hostRss)} heap ${f(hostHeap)} | display rss ${f(sample.display.rss)} pss ${f(sample.display.pss)} heap ${f(sample.display.heap)} nodes ${sample.display.nodes} media ${sample.display.media}/${sample.display.mediaAlive}` +
          (sample.baseline ? ` | baseline rss ${f(sample.baseline.rss)} pss ${f(sample.baseline.pss)}` : '') +
          ` | gpu ${f(sample.gpuRss)} | announced ${announced} refused ${refused} | seams ${sample.seams}`,
      );
    }
    process.off('SIGINT', stopEarly);
    const out = path.join(ROOT, 'bench', 'out');
    mkdirSync(out, { recursive: true });
    writeFileSync(path.join(out, `soak-${new Date(t0).toISOString().replace(/[:.]/g, '-')}.json`), JSON.stringify({ options: o, samples }, null, 1));
    return { options: o, samples, rows: soakReport(o, samples) };
  } catch (err) {
    log(`soak failed: ${String(err)}`);
    throw err;
  } finally {
    host?.close();
    clearTimeout(announceTimer);
    await browser.close();
    base?.server.close();
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The tables for BENCHMARKS.md from one run's samples (also from a saved bench/out/soak-*.json). */
export function soakReport(o: SoakOptions, samples: Sample[]): string[] {
  const f = (b: number) => (Number.isFinite(b) ? (b / MB).toFixed(1) : '—');
  const rows = [
    `Run: ${o.minutes} min, a sample every ${o.sampleSeconds} s after a forced GC; simulator ${o.queue === 'simulator' ? `at ${o.speed}× (one simulated day = 24 h of queue clock = ${(24 / o.speed).toFixed(2)} real h)` : 'off'}; announcements ${o.announceSeconds > 0 ? `every ${o.announceSeconds} s` : 'off'}; programme: ${o.programme === 'hall' ? 'the default hall (videos and slides)' : 'one still slide'}; load at the end: ${loadavg().map((l) => l.toFixed(2)).join(', ')} (up ${(osUptime() / 3600).toFixed(1)} h).`,
    '',
    '| min | host RSS | host heap | display renderer RSS | PSS | JS heap | DOM nodes | listeners | media in DOM / alive | baseline renderer RSS | PSS | GPU process RSS | announced (refused) | seams |',
    '|---|---|---|---|---|---|---|---|---|---|---|---|---|---|',
  ];
  for (const s of samples) {
    rows.push(
      `| ${s.minute.toFixed(1)} | ${f(s.hostRss)} | ${f(s.hostHeap)} | ${f(s.display.rss)} | ${f(s.display.pss)} | ${f(s.display.heap)} | ${s.display.nodes} | ${s.display.listeners} | ${s.display.media} / ${s.display.mediaAlive} | ${s.baseline ? f(s.baseline.rss) : '—'} | ${s.baseline ? f(s.baseline.pss) : '—'} | ${f(s.gpuRss)} | ${s.announced} (${s.refused}) | ${s.seams} |`,
    );
  }
  const after = samples.filter((s) => s.minute >= o.warmupMinutes);
  const perHour = (y: (s: Sample) => number): number => slope(after.map((s) => ({ x: s.minute / 60, y: y(s) / MB })));
  const simDayHours = 24 / o.speed;
  const line = (name: string, y: (s: Sample) => number, unit = 'MB'): string => {
    const h = perHour(y);
    const day = o.queue === 'simulator' ? (h * simDayHours).toFixed(1) : '—';
    return `| ${name} | ${Number.isFinite(h) ? h.toFixed(1) : '—'} ${unit}/h | ${day}${o.queue === 'simulator' ? ` ${unit}/sim. day` : ''} |`;
  };
  const count = (name: string, y: (s: Sample) => number): string => {
    const h = slope(after.map((s) => ({ x: s.minute / 60, y: y(s) })));
    return `| ${name} | ${Number.isFinite(h) ? h.toFixed(0) : '—'} /h | ${o.queue === 'simulator' ? (h * simDayHours).toFixed(0) : '—'} /sim. day |`;
  };
  rows.push(
    '',
    `| least-squares slope after ${o.warmupMinutes} min warm-up (${after.length} samples) | per real hour | per simulated day |`,
    '|---|---|---|',
    line('host RSS', (s) => s.hostRss),
    line('host JS heap', (s) => s.hostHeap),
    line('display renderer RSS', (s) => s.display.rss),
    line('display renderer PSS', (s) => s.display.pss),
    line('display JS heap', (s) => s.display.heap),
    count('display DOM nodes', (s) => s.display.nodes),
    count('display media elements alive', (s) => s.display.mediaAlive),
  );
  // A renderer's RSS jumps by tens of MB while a second clip loads underneath; the floor (the
  // lowest sample of each window of five) is what stays, so its slope is the growth to watch.
  const floor = (y: (s: Sample) => number): string => {
    const points: { x: number; y: number }[] = [];
    for (let i = 0; i + 5 <= after.length; i += 5) {
      const w = after.slice(i, i + 5);
      const low = w.reduce((a, b) => (y(b) < y(a) ? b : a));
      points.push({ x: low.minute / 60, y: y(low) / MB });
    }
    const h = slope(points);
    return `${Number.isFinite(h) ? h.toFixed(1) : '—'} MB/h | ${o.queue === 'simulator' && Number.isFinite(h) ? `${(h * simDayHours).toFixed(1)} MB/sim. day` : '—'}`;
  };
  rows.push(`| display renderer RSS, floor (lowest of each 5 samples) | ${floor((s) => s.display.rss)} |`);
  if (samples[0]?.baseline) {
    rows.push(line('baseline renderer RSS (one looping <video>)', (s) => s.baseline!.rss), line('baseline renderer PSS', (s) => s.baseline!.pss));
  }
  rows.push(line('GPU process RSS (both pages)', (s) => s.gpuRss));
  return rows;
}
