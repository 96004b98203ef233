/**
 * bench/soak: memory over a long run, for the player and one display, with a baseline page in the
 * same browser.
 *
 * `hallcast serve` runs on a copy of the default hall (playlists/) at a workday morning, with the
 * built-in queue simulator sped up (`feed.speed`, simulated seconds per real second) and an
 * announcement posted every few seconds (free texts and queue calls in turn). One headless Debian
 * Chromium (the kiosk's flags) shows the display; a second window, on another site so it gets its
 * own renderer process, shows the baseline (bench/soak-baseline.ts): one looping <video>, or two
 * <video>s switching between the morning's clips as the player does, to tell the player's own
 * growth from Chromium's. Chromium is driven over its DevTools port with only the soak's own
 * commands (bench/soak-browser.ts): under Playwright, whose Network domain makes the renderer keep
 * a copy of what the page loads, the display seemed to grow ~1.4 MB a minute.
 *
 * Each sample, after a forced GC (CDP `HeapProfiler.collectGarbage` in both pages and, over the
 * host's inspector, in the player):
 * - host: VmRSS of the `hallcast serve` process, and its JS heap used (`Runtime.getHeapUsage` over
 *   `--inspect`, started through NODE_OPTIONS);
 * - each page's renderer process (`--type=renderer`, found by having the page hold 192 MB for a
 *   moment and seeing which renderer of this browser grew by it): VmRSS and PSS (/proc/PID/smaps_rollup); the page's JS
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
 * `--warmup-minutes W` (5, or a third of a shorter run), `--programme hall|image|videos|slides`
 * (hall: the morning programme, videos and slides; image: one still slide; videos / slides: only
 * the morning's videos / slides), `--zones all|programme` (programme: no clock, queue board or
 * ticker), `--queue simulator|off` (off: a push feed nobody pushes to), `--baseline loop|switch`
 * or `--no-baseline`, `--allocators` (log the display renderer's allocators from a Chromium
 * memory-infra dump at every sample: where native growth lives), `--driver cdp|playwright`
 * (playwright: as the soak ran before December 2026), `--devtools-network` (cdp driver with the
 * Network domain on in each page, as Playwright has it), `--text-cache-compare` (a second display
 * with the renewal of pixi's text-measuring canvas off, and both displays' canvas text cache counted
 * from a heap snapshot at each sample: bench/soak-text-cache.ts).
 */
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir, uptime as osUptime, loadavg } from 'node:os';
import path from 'node:path';
import { chromiumTree, pss, rss } from '../e2e/chromium-processes.js';
import { ROOT, startServeProcess } from '../e2e/serve-process.js';
import { baselineServer, type BaselinePage } from './soak-baseline.js';
import { CdpConnection } from './cdp-browser.js';
import { allocators, PLAYERS } from './memory-dump.js';
import { openSoakBrowser, type Driver, type SoakPage } from './soak-browser.js';
import { slope } from './slope.js';
import { openUnboundedDisplay, textCacheRows, textCacheSide, type TextCacheSample } from './soak-text-cache.js';

export { slope };

export interface SoakOptions {
  minutes: number;
  sampleSeconds: number;
  speed: number;
  announceSeconds: number;
  warmupMinutes: number;
  programme: Programme;
  queue: 'simulator' | 'off';
  /** all: the hall's layout; programme: the programme zone (and the banner) only, no clock, queue board or ticker. */
  zones: 'all' | 'programme';
  /** The second tab: none, one looping <video>, or two <video>s switching between the morning's clips as the player does. */
  baseline: BaselinePage | 'off';
  /** Log the display renderer's allocators (Chromium memory-infra dump) at every sample. */
  allocators: boolean;
  /** cdp: Chromium with nothing attached but the soak's own DevTools commands; playwright: as before (bench/soak-browser.ts). */
  driver: Driver;
  /** With the cdp driver: turn on DevTools' Network domain in the pages, as Playwright does (--devtools-network). */
  network: boolean;
  /** A second display with the text-cache renewal off, and both displays' canvas text cache counted at each sample (bench/soak-text-cache.ts). */
  textCacheCompare: boolean;
}

const MB = 1024 * 1024;
/** A workday (Tuesday) morning in the default hall's zone: the morning programme, the hall open. */
const AT = '2026-12-01T09:30:00+08:00';

/**
 * hall: the morning programme (videos and slides); image: one still slide; videos: the morning's
 * videos only; slides: the morning's two slides only (for bisection).
 */
const PROGRAMMES = ['hall', 'image', 'videos', 'slides'] as const;
type Programme = (typeof PROGRAMMES)[number];

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
  if (!PROGRAMMES.includes(programme as Programme)) throw new Error(`soak: --programme must be one of ${PROGRAMMES.join(', ')}, got ${JSON.stringify(programme)}`);
  const zones = value('--zones') ?? 'all';
  if (zones !== 'all' && zones !== 'programme') throw new Error(`soak: --zones must be all or programme, got ${JSON.stringify(zones)}`);
  const baseline = argv.includes('--no-baseline') ? 'off' : (value('--baseline') ?? 'loop');
  if (baseline !== 'off' && baseline !== 'loop' && baseline !== 'switch') throw new Error(`soak: --baseline must be loop, switch or off, got ${JSON.stringify(baseline)}`);
  const driver = value('--driver') ?? 'cdp';
  if (driver !== 'cdp' && driver !== 'playwright') throw new Error(`soak: --driver must be cdp or playwright, got ${JSON.stringify(driver)}`);
  const queue = value('--queue') ?? 'simulator';
  if (queue !== 'simulator' && queue !== 'off') throw new Error(`soak: --queue must be simulator or off, got ${JSON.stringify(queue)}`);
  return {
    minutes,
    sampleSeconds: num('--sample-seconds', 60, 5),
    speed: num('--speed', 48, 1),
    announceSeconds: num('--announce-seconds', 8, 0),
    warmupMinutes: num('--warmup-minutes', Math.min(5, minutes / 3), 0),
    programme: programme as Programme,
    queue,
    zones,
    baseline,
    allocators: argv.includes('--allocators'),
    driver,
    network: argv.includes('--devtools-network'),
    textCacheCompare: argv.includes('--text-cache-compare'),
  };
}

// ---- the pages ------------------------------------------------------------------------------

/** Objects alive in a page's heap, by prototype (native memory behind JS handles: pixi's canvases and textures, decoded audio). */
const COUNTED = ['HTMLCanvasElement', 'OffscreenCanvas', 'WebGLTexture', 'AudioBuffer', 'ImageBitmap', 'AudioNode'] as const;
type Counted = Record<(typeof COUNTED)[number], number>;

interface PageSample {
  objects?: Counted;
  rss: number;
  pss: number;
  heap: number;
  nodes: number;
  listeners: number;
  media: number;
  mediaAlive: number;
}

async function alive(cdp: SoakPage, prototype: string): Promise<number> {
  const proto = await cdp.send('Runtime.evaluate', { expression: `globalThis.${prototype}?.prototype ?? null` });
  if (!proto.result.objectId) return Number.NaN;
  const found = await cdp.send('Runtime.queryObjects', { prototypeObjectId: proto.result.objectId, objectGroup: 'soak' });
  const counted = await cdp.send('Runtime.callFunctionOn', { objectId: found.objects.objectId, functionDeclaration: 'function () { return this.length; }', returnByValue: true });
  await cdp.send('Runtime.releaseObjectGroup', { objectGroup: 'soak' });
  return Number(counted.result.value);
}

async function samplePage(cdp: SoakPage): Promise<PageSample> {
  await cdp.send('HeapProfiler.collectGarbage');
  const objects = {} as Counted;
  for (const name of COUNTED) objects[name] = await alive(cdp, name);
  const heap = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number };
  const dom = (await cdp.send('Memory.getDOMCounters')) as { nodes: number; jsEventListeners: number };
  const media = await cdp.evaluate<number>('document.querySelectorAll("video, audio").length');
  // Every HTMLMediaElement alive in the page's heap, in the document or not (Howler keeps <audio>s in a pool).
  const mediaAlive = await alive(cdp, 'HTMLMediaElement');
  return { objects, rss: rss(cdp.pid), pss: pss(cdp.pid), heap: heap.usedSize, nodes: dom.nodes, listeners: dom.jsEventListeners, media, mediaAlive };
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
  const programmes = path.join(playlists, 'programmes');
  if (o.programme === 'image') {
    const still = { title: { 'zh-CN': '静态' }, order: 'loop', items: [{ type: 'image', src: 'images/slide-services.jpg', duration: 3600 }] };
    for (const f of readdirSync(programmes)) writeFileSync(path.join(programmes, f), JSON.stringify(still));
  } else if (o.programme !== 'hall') {
    const morning = JSON.parse(readFileSync(path.join(programmes, 'morning.json'), 'utf8')) as { items: { type: string }[] };
    const keep = o.programme === 'videos' ? 'video' : 'image';
    const only = { ...morning, items: morning.items.filter((it) => it.type === keep) };
    for (const f of readdirSync(programmes)) writeFileSync(path.join(programmes, f), JSON.stringify(only));
  }
  if (o.zones === 'programme') {
    const layoutsFile = path.join(playlists, 'layouts.json');
    const layouts = JSON.parse(readFileSync(layoutsFile, 'utf8')) as { layouts: Record<string, { zones: Record<string, { kind: string }> }> };
    for (const layout of Object.values(layouts.layouts)) {
      layout.zones = Object.fromEntries(Object.entries(layout.zones).filter(([, zone]) => zone.kind === 'programme' || zone.kind === 'announcement'));
    }
    writeFileSync(layoutsFile, JSON.stringify(layouts, null, 2));
    // A programme that hides a zone now gone (closed.json hides the queue) fails validation, and the
    // display would get the fallback layout and no programme at all.
    for (const f of readdirSync(programmes)) {
      const file = path.join(programmes, f);
      const programme = JSON.parse(readFileSync(file, 'utf8')) as { hideZones?: string[] };
      if (!programme.hideZones) continue;
      delete programme.hideZones;
      writeFileSync(file, JSON.stringify(programme, null, 2));
    }
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
  /** With --allocators: the display renderer's allocators (MB, three levels deep) from a memory-infra dump. */
  allocators?: Record<string, number>;
  /** With --text-cache-compare. */
  textCache?: TextCacheSample;
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
  const base = o.baseline !== 'off' ? await baselineServer(path.join(ROOT, 'assets'), o.baseline) : null;
  const browser = await openSoakBrowser(o.driver, dir, o.network);
  let announceTimer: NodeJS.Timeout | undefined;
  let host: CdpConnection | null = null;
  try {
    if (!inspectorUrl) throw new Error('soak: the player printed no inspector address');
    host = await CdpConnection.open(inspectorUrl);
    // The sample hall's main screen: displays.json names it the PA speaker, so the announcements are really played.
    const display = await browser.open(new URL('?display=waiting', server.url).href, 'globalThis.__hallcast !== undefined');
    const baseline = base ? await browser.open(base.url) : null;
    const unbounded = o.textCacheCompare ? await openUnboundedDisplay(browser, server.url, display) : null;
    if (baseline && baseline.pid === display.pid) throw new Error('soak: the baseline shares the display’s renderer');
    const viewport = await display.evaluate<string>('`${innerWidth}×${innerHeight}, ${document.visibilityState}`');
    const browserCdp = o.allocators ? await browser.browser() : null;
    let firstAllocators: Record<string, number> | null = null;
    log(`soak (${o.driver}${o.network ? ', Network domain on' : ''}; display ${viewport}): host ${hostPid}, browser ${browser.pid}, display renderer ${display.pid}${baseline ? `, baseline renderer ${baseline.pid}` : ''}`);

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
      const gpu = chromiumTree(browser.pid).find((p) => p.type === 'gpu-process');
      const sample: Sample = {
        minute: (Date.now() - t0) / 60_000,
        hostRss: rss(hostPid),
        hostHeap,
        display: await samplePage(display),
        baseline: baseline ? await samplePage(baseline) : null,
        gpuRss: gpu ? rss(gpu.pid) : Number.NaN,
        announced,
        refused,
        calls: status.queue?.recentCalls.length ?? 0,
        seams: await display.evaluate<number>('globalThis.__hallcast.frames().seams'),
      };
      samples.push(sample);
      if (browserCdp) {
        const now = await allocators(browserCdp, display.pid);
        sample.allocators = now;
        firstAllocators ??= now;
        const grown = Object.entries(now)
          .map(([name, mb]) => ({ name, mb, d: mb - (firstAllocators![name] ?? 0) }))
          .filter((a) => a.name !== PLAYERS && a.mb >= 1 && a.name.split('/').length <= 2)
          .sort((a, b) => b.d - a.d)
          .slice(0, 12);
        const media = Object.entries(now)
          .filter(([name]) => name.startsWith('media/') && name.split('/').length === 3)
          .map(([name, mb]) => `${name.slice('media/'.length)} ${mb.toFixed(1)}`);
        log(`  media players alive ${now[PLAYERS]}; ${media.join(', ')}`);
        log(`  allocators (MB, Δ since first sample): ${grown.map((a) => `${a.name} ${a.mb.toFixed(1)} (${a.d >= 0 ? '+' : ''}${a.d.toFixed(1)})`).join(', ')}`);
      }
      if (unbounded) {
        const offGc = browserCdp ? (await allocators(browserCdp, unbounded.pid))['blink_gc'] : undefined;
        const t = { minute: sample.minute, on: await textCacheSide(display, sample.allocators?.['blink_gc']), off: await textCacheSide(unbounded, offGc) };
        sample.textCache = t;
        log(`  text cache: PlainTextNode ${t.on.nodes.count} (renewal on) / ${t.off.nodes.count} (off); blink_gc ${t.on.blinkGc?.toFixed(1) ?? '—'} / ${t.off.blinkGc?.toFixed(1) ?? '—'} MB; rss ${(t.on.rss / MB).toFixed(1)} / ${(t.off.rss / MB).toFixed(1)} MB`);
      }
      const f = (b: number) => (b / MB).toFixed(1);
      log(
        `soak ${sample.minute.toFixed(1)} min: host rss ${f(sample.hostRss)} heap ${f(hostHeap)} | display rss ${f(sample.display.rss)} pss ${f(sample.display.pss)} heap ${f(sample.display.heap)} nodes ${sample.display.nodes} media ${sample.display.media}/${sample.display.mediaAlive}` +
          (sample.baseline ? ` | baseline rss ${f(sample.baseline.rss)} pss ${f(sample.baseline.pss)}` : '') +
          ` | ${Object.entries(sample.display.objects ?? {}).map(([k, n]) => `${k} ${n}`).join(' ')}` +
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
    `Run: ${o.minutes} min, a sample every ${o.sampleSeconds} s after a forced GC; simulator ${o.queue === 'simulator' ? `at ${o.speed}× (one simulated day = 24 h of queue clock = ${(24 / o.speed).toFixed(2)} real h)` : 'off'}; announcements ${o.announceSeconds > 0 ? `every ${o.announceSeconds} s` : 'off'}; programme: ${{ hall: 'the default hall (videos and slides)', image: 'one still slide', videos: 'the morning’s videos', slides: 'the morning’s slides' }[o.programme]}${o.zones === 'programme' ? ' (programme zone only)' : ''}; driver ${o.driver}${o.network ? ' with the Network domain on' : ''}; load at the end: ${loadavg().map((l) => l.toFixed(2)).join(', ')} (up ${(osUptime() / 3600).toFixed(1)} h).`,
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
    // With the queue off a simulated day is still 24 / speed real hours: the same scale as the runs with it on.
    const day = (h * simDayHours).toFixed(1);
    return `| ${name} | ${Number.isFinite(h) ? h.toFixed(1) : '—'} ${unit}/h | ${day} ${unit}/sim. day |`;
  };
  const count = (name: string, y: (s: Sample) => number): string => {
    const h = slope(after.map((s) => ({ x: s.minute / 60, y: y(s) })));
    return `| ${name} | ${Number.isFinite(h) ? h.toFixed(0) : '—'} /h | ${(h * simDayHours).toFixed(0)} /sim. day |`;
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
    return `${Number.isFinite(h) ? h.toFixed(1) : '—'} MB/h | ${Number.isFinite(h) ? `${(h * simDayHours).toFixed(1)} MB/sim. day` : '—'}`;
  };
  rows.push(`| display renderer RSS, floor (lowest of each 5 samples) | ${floor((s) => s.display.rss)} |`);
  // With --allocators: the renderer's level moves by 60–80 MB with the number of media players alive
  // at the instant of the sample (the clip on screen, plus the next one cued underneath: each holds
  // its decoder's frame pool). The samples taken with one player alive compare like with like.
  const onePlayer = after.filter((s) => s.allocators?.[PLAYERS] === 1);
  if (onePlayer.length >= 3) {
    const h = slope(onePlayer.map((s) => ({ x: s.minute / 60, y: s.display.rss / MB })));
    rows.push(`| display renderer RSS, the ${onePlayer.length} samples with one media player alive | ${h.toFixed(1)} MB/h | ${(h * simDayHours).toFixed(1)} MB/sim. day |`);
  }
  if (samples[0]?.baseline) {
    rows.push(line(`baseline renderer RSS (${o.baseline === 'switch' ? 'two <video>s switching clips' : 'one looping <video>'})`, (s) => s.baseline!.rss), line('baseline renderer PSS', (s) => s.baseline!.pss));
  }
  rows.push(line('GPU process RSS (both pages)', (s) => s.gpuRss));
  const textCache = samples.flatMap((s) => (s.textCache ? [s.textCache] : []));
  if (textCache.length > 0) rows.push(...textCacheRows(textCache, o.warmupMinutes, o.speed));
  return rows;
}
