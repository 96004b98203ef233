/**
 * bench/gapless: what a viewer sees across video→video seams, for the player (A/B <video>
 * elements) and, in the same run on the same clips and browser flags, for a naive page that swaps
 * `src` on one <video> at `ended`.
 *
 * In the page (installed before the app runs) every <video> reports each presented frame through
 * requestVideoFrameCallback, and a rAF loop records what the compositor shows at the screen's
 * centre each update (`elementsFromPoint`: the browser's own stacking, i.e. media-layers'
 * visibility + z-index). The viewer's picture changes when the element on top presents a frame,
 * or when a different element (already holding a decoded frame) comes on top. Per seam: the
 * longest interval between picture changes from 400 ms before to 600 ms after the new clip's first
 * picture; black = a rAF update where no decoded frame is on top (nothing, or a <video> that has
 * neither readyState ≥ 2 nor presented a frame of its current clip). A separate, shorter check pass
 * also samples the pictures (drawImage: the raise and 3 frames after, mean luma < 16 = black) and
 * a CDP screencast of what the compositor output; both read pixels back and drop frames, so that
 * pass is not timed.
 *
 * Sound: every clip starts with a click (bench/clips.ts); an AudioWorklet on the last node before
 * the destination (bench/audio-tap.ts) notes when each click reaches the output. A seam's click is
 * heard when one falls within CLICK_WINDOW_MS of the new clip's first picture. The naive page plays
 * its <video> through an AudioContext of its own for the same tap.
 */
import { createReadStream, mkdtempSync, rmSync, statSync, writeFileSync, mkdirSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type Page } from '@playwright/test';
import { startServeProcess } from '../e2e/serve-process.js';
import { CHROMIUM, CHROMIUM_ARGS } from '../playwright.config.js';
import { AUDIO_TAP_SCRIPT } from './audio-tap.js';
import { CLICK_LEVEL, TONE_LEVEL, ensureClips, type ClipSet } from './clips.js';
import { ms, percentile } from './measure.js';

const ROOT = path.resolve(import.meta.dirname, '..');
const BEFORE_MS = 400;
const AFTER_MS = 600;
const BLACK_LUMA = 16;
/** Seams per case in the screencast pass (its capture load makes it unfit for timing). */
const CHECK_SEAMS = 15;
/** A click this close to a seam's first picture is that seam's (clips are seconds apart). */
const CLICK_WINDOW_MS = 500;
/**
 * A frame of the same clip on the same element presented this long before a seam is from an
 * earlier loop (six 2 s clips: 10 s ago), not the clip's first picture now.
 */
const EARLIER_LOOP_MS = 5_000;
/** Between the tone's level and the click's (at item volume 1): only clicks cross it. */
const CLICK_THRESHOLD = Math.sqrt(TONE_LEVEL * CLICK_LEVEL);

interface Frame { el: number; src: string; now: number; t: number; media: number; top: boolean; hidden: boolean }
/** What the centre of the screen shows from this rAF on; `ready`: the <video> on top holds a decoded frame of its clip. */
interface Shown { now: number; el: number; src: string; ready: boolean; kind: 'video' | 'idle' | 'none' }
/** A CDP screencast capture: page time (performance.now) of its swap, mean luma of the JPEG. */
interface Shot { now: number; luma: number }
/** `clicks`: performance.now() times at which each clip's t = 0 click reached the audio output. */
interface Recording { frames: Frame[]; shown: Shown[]; blank: number[]; idle: number[]; luma: { now: number; src: string; luma: number }[]; updates: number; shots?: Shot[]; clicks?: number[] }

/**
 * In-page recorder, as a string: bench code is type-checked without DOM libs. `late`: start the
 * rAF loop once the app is up, so it runs after the app's own rAF (pixi's ticker, which raises
 * layers) and records what that update paints.
 */
const recorder = (late: boolean, sampleLuma: boolean): string => `(() => {
  const rec = { frames: [], shown: [], blank: [], idle: [], luma: [], updates: 0 };
  globalThis.__gapless = rec;
  const ids = new WeakMap();
  let nextId = 0;
  const canvas = document.createElement('canvas');
  canvas.width = 48;
  canvas.height = 27;
  let g = null;
  const base = (v) => (v.currentSrc || '').split('/').pop().split('?')[0];
  const lumaOf = (v) => {
    g = g || canvas.getContext('2d', { willReadFrequently: true });
    g.fillStyle = '#000';
    g.fillRect(0, 0, 48, 27);
    g.drawImage(v, 0, 0, 48, 27);
    const d = g.getImageData(0, 0, 48, 27).data;
    let s = 0;
    for (let i = 0; i < d.length; i += 4) s += 0.2126 * d[i] + 0.7152 * d[i + 1] + 0.0722 * d[i + 2];
    return s / (d.length / 4);
  };
  const onTop = () => document.elementsFromPoint(innerWidth / 2, innerHeight / 2)
    .find((e) => e.nodeName === 'VIDEO' || (e.closest && e.closest('.layer, .idle'))) || null;
  const toSample = new Map();
  // Which clip each element last presented a frame of: readyState lags the compositor by an update or two.
  const presented = new Map();
  const sample = (v, now) => rec.luma.push({ now, src: base(v), luma: lumaOf(v) });
  const watch = (v) => {
    if (ids.has(v)) return;
    ids.set(v, nextId++);
    const cb = (now, m) => {
      const top = onTop() === v;
      rec.frames.push({ el: ids.get(v), src: base(v), now, t: m.expectedDisplayTime, media: m.mediaTime, top, hidden: getComputedStyle(v).visibility !== 'visible' });
      presented.set(v, base(v));
      const left = toSample.get(v) || 0;
      if (top && left > 0) { toSample.set(v, left - 1); sample(v, now); }
      v.requestVideoFrameCallback(cb);
    };
    v.requestVideoFrameCallback(cb);
  };
  new MutationObserver((list) => {
    for (const m of list) for (const n of m.addedNodes) {
      if (n.nodeName === 'VIDEO') watch(n);
      else if (n.querySelectorAll) n.querySelectorAll('video').forEach(watch);
    }
  }).observe(document, { childList: true, subtree: true });
  let last = '';
  const tick = (now) => {
    rec.updates++;
    const el = onTop();
    let s;
    if (el && el.nodeName === 'VIDEO') {
      s = { now, el: ids.get(el) ?? -1, src: base(el), ready: el.readyState >= 2 || presented.get(el) === base(el), kind: 'video' };
      if (!s.ready) rec.blank.push(now);
    } else {
      const idle = !!(el && el.closest('.idle'));
      s = { now, el: -1, src: '', ready: false, kind: idle ? 'idle' : 'none' };
      (idle ? rec.idle : rec.blank).push(now);
    }
    const key = s.kind + s.el + s.src + s.ready;
    if (key !== last) {
      last = key;
      rec.shown.push(s);
      // The picture this update shows, and the next three frames of its clip.
      if (s.ready && ${sampleLuma}) { sample(el, now); toSample.set(el, 3); }
    }
    requestAnimationFrame(tick);
  };
  const begin = () => (${late} && !globalThis.__hallcast ? setTimeout(begin, 20) : requestAnimationFrame(tick));
  begin();
})();`;

interface CaseResult {
  gaps: number[];
  conservative: number[];
  black: number;
  blank: number;
  idle: number;
  minLuma: number;
  steady: number[];
  skipped: number[];
  latency: number;
  hiddenFrames: number;
  updates: number;
  /** Screencast captures within seam windows, and those with luma < BLACK_LUMA. */
  shots: number;
  blackShots: number;
  /** Per seam with a click within CLICK_WINDOW_MS: click at the output − first picture, ms, sorted. */
  clicks: number[];
}

/** Per-seam figures from one recording (pure; exported for a second look at bench/out/*.json). */
export function analyse(rec: Recording, transitions: number): CaseResult {
  // rVFC `expectedDisplayTime` is the callback's `now` or one vsync later (about half each, measured);
  // rAF snapshots get the mean shift, so a raise is placed within ±8 ms of its vsync.
  const latency = rec.frames.reduce((sum, f) => sum + f.t - f.now, 0) / Math.max(1, rec.frames.length);
  const shown = rec.shown.map((s) => ({ ...s, t: s.now + latency }));
  const stateAt = (t: number) => {
    let s: (typeof shown)[number] | undefined;
    for (const x of shown) if (x.t <= t + 0.5) s = x;
    return s;
  };
  const pictures = [
    ...rec.frames.filter((f) => {
      const s = stateAt(f.t);
      return s?.kind === 'video' && s.el === f.el && s.src === f.src;
    }),
    // Another element raised with a decoded frame changes the picture at that update.
    ...shown.filter((s, i) => s.kind === 'video' && s.ready && s.el !== shown.slice(0, i).findLast((p) => p.kind === 'video')?.el),
  ].sort((a, b) => a.t - b.t);
  const onTop = rec.frames.filter((f) => f.top).sort((a, b) => a.t - b.t);

  const seams = (stream: { t: number; src: string }[]) => {
    const out: { t: number; gap: number }[] = [];
    for (let i = 1; i < stream.length && out.length < transitions; i++) {
      if (!stream[i]!.src || stream[i]!.src === stream[i - 1]!.src) continue;
      const at = stream[i]!.t;
      const from = Math.max(0, stream.findLastIndex((p) => p.t < at - BEFORE_MS));
      let gap = 0;
      for (let k = from + 1; k < stream.length && stream[k]!.t <= at + AFTER_MS; k++) gap = Math.max(gap, stream[k]!.t - stream[k - 1]!.t);
      out.push({ t: at, gap });
    }
    return out;
  };
  const found = seams(pictures);
  const windows = found.map((s) => [s.t - BEFORE_MS, s.t + AFTER_MS] as const);
  const inWindow = (t: number): boolean => windows.some(([lo, hi]) => t >= lo && t <= hi);

  const steady: number[] = [];
  for (let k = 1; k < pictures.length; k++) {
    const [a, b] = [pictures[k - 1]!, pictures[k]!];
    if (a.src === b.src && windows.length && a.t > windows[0]![0] && !inWindow(a.t) && !inWindow(b.t)) steady.push(b.t - a.t);
  }
  const skipped = found.map((s) => {
    const first = pictures.find((p) => p.t >= s.t);
    const own = rec.frames.filter((f) => f.el === first?.el && f.src === first.src && f.t > s.t - EARLIER_LOOP_MS);
    // The frame up when it came on top; a clip raised on a frame just presented (a raise is placed
    // within ±8 ms of its vsync): that frame.
    const media = own.filter((f) => f.t <= s.t + 0.5).at(-1)?.media ?? own.find((f) => f.t > s.t)?.media;
    return media ?? Number.NaN;
  });
  const luma = rec.luma.filter((l) => inWindow(l.now + latency));
  const shots = (rec.shots ?? []).filter((x) => inWindow(x.now));
  const clicks = found.flatMap((s) => {
    const near = (rec.clicks ?? []).filter((c) => Math.abs(c - s.t) <= CLICK_WINDOW_MS);
    return near.length ? [near.reduce((a, b) => (Math.abs(b - s.t) < Math.abs(a - s.t) ? b : a)) - s.t] : [];
  });
  return {
    gaps: found.map((s) => s.gap).sort((a, b) => a - b),
    conservative: seams(onTop).map((s) => s.gap).sort((a, b) => a - b),
    black: luma.filter((l) => l.luma < BLACK_LUMA).length,
    minLuma: Math.min(...luma.map((l) => l.luma)),
    blank: rec.blank.filter((t) => inWindow(t + latency)).length,
    idle: rec.idle.filter((t) => inWindow(t + latency)).length,
    steady: steady.sort((a, b) => a - b),
    skipped: skipped.filter(Number.isFinite).sort((a, b) => a - b),
    latency,
    hiddenFrames: rec.frames.filter((f) => f.hidden).length,
    updates: rec.updates,
    shots: shots.length,
    blackShots: shots.filter((x) => x.luma < BLACK_LUMA).length,
    clicks: clicks.sort((a, b) => a - b),
  };
}

/**
 * What the compositor actually output, as small JPEGs; decoded afterwards by the same browser (no
 * JPEG decoder in node_modules). Capturing costs CPU, so it runs in its own pass, not the timed one.
 */
async function screencast(page: Page): Promise<() => Promise<Shot[]>> {
  const cdp = await page.context().newCDPSession(page);
  const shots: { ts: number; data: string }[] = [];
  cdp.on('Page.screencastFrame', (f) => {
    shots.push({ ts: f.metadata.timestamp ?? 0, data: f.data });
    cdp.send('Page.screencastFrameAck', { sessionId: f.sessionId }).catch(() => undefined);
  });
  await cdp.send('Page.startScreencast', { format: 'jpeg', quality: 70, maxWidth: 96, maxHeight: 54 });
  return async () => {
    await cdp.send('Page.stopScreencast');
    const decode = `(async (shots) => {
      const c = new OffscreenCanvas(96, 54);
      const g = c.getContext('2d', { willReadFrequently: true });
      const out = [];
      for (const s of shots) {
        // From bytes, not a data: URL: the player's CSP refuses fetch('data:…').
        const bytes = Uint8Array.from(atob(s.data), (ch) => ch.charCodeAt(0));
        const bitmap = await createImageBitmap(new Blob([bytes], { type: 'image/jpeg' }));
        g.clearRect(0, 0, 96, 54);
        g.drawImage(bitmap, 0, 0, 96, 54);
        const d = g.getImageData(0, 0, 96, 54).data;
        let sum = 0;
        for (let i = 0; i < d.length; i += 4) sum += 0.2126 * d[i] + 0.7152 * d[i + 1] + 0.0722 * d[i + 2];
        out.push({ now: s.ts * 1000 - performance.timeOrigin, luma: sum / (d.length / 4) });
      }
      return out;
    })(${JSON.stringify(shots)})`;
    return page.evaluate(decode) as Promise<Shot[]>;
  };
}

async function record(page: Page, url: string, done: () => Promise<boolean>, limitMs: number, late: boolean, cast: boolean): Promise<Recording> {
  // drawImage + getImageData reads the picture back from the GPU process: tens of ms a sample on
  // SwiftShader, enough to drop the frames being timed. Pictures are sampled in the check pass only.
  await page.addInitScript({ content: recorder(late, cast) });
  await page.addInitScript({ content: AUDIO_TAP_SCRIPT });
  const stopCast = cast ? await screencast(page) : null;
  await page.goto(url);
  await page.waitForFunction(() => (globalThis as unknown as { __tap?: { ready: boolean } }).__tap?.ready === true, null, { timeout: 30_000 });
  await page.evaluate((threshold) => (globalThis as unknown as { __tap: { listen(t: number): void } }).__tap.listen(threshold), CLICK_THRESHOLD);
  const deadline = Date.now() + limitMs;
  while (!(await done())) {
    if (Date.now() > deadline) throw new Error(`gapless: not enough seams within ${limitMs / 1000} s at ${url}`);
    await page.waitForTimeout(500);
  }
  await page.waitForTimeout(AFTER_MS + 200);
  const rec = await page.evaluate(() => (globalThis as unknown as { __gapless: Recording }).__gapless);
  rec.clicks = await page.evaluate(() => (globalThis as unknown as { __tap: { onsets: number[] } }).__tap.onsets);
  if (stopCast) rec.shots = await stopCast();
  return rec;
}

async function withBrowser<T>(fn: (page: Page) => Promise<T>): Promise<T> {
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  try {
    // bypassCSP: the audio tap loads its worklet from a blob: URL, which the player's CSP refuses.
    const page = await browser.newPage({ viewport: { width: 1920, height: 1080 }, bypassCSP: true });
    page.on('pageerror', (e) => console.error(`[gapless page error] ${e.message}`));
    return await fn(page);
  } finally {
    await browser.close();
  }
}

/** The player case alone (exported for quick looks while tuning seams). */
export async function playerCase(set: ClipSet, transitions: number, cast = false): Promise<Recording> {
  const dir = mkdtempSync(path.join(tmpdir(), 'hallcast-gapless-'));
  const playlists = path.join(dir, 'playlists');
  mkdirSync(path.join(playlists, 'programmes'), { recursive: true });
  const json = (file: string, value: unknown) => writeFileSync(path.join(playlists, file), JSON.stringify(value, null, 2));
  // `$schema` is only for editors (the player bundles the schemas); naming it keeps the load quiet.
  json('schedule.json', { $schema: './schema/schedule.schema.json', timezone: 'UTC', default: 'gapless', entries: [] });
  // The programme zone alone, full screen: the same 1080p picture as the naive page.
  const zones = { main: { kind: 'programme', x: 0, y: 0, w: 1, h: 1 } };
  json('layouts.json', { $schema: './schema/layouts.schema.json', default: 'full', layouts: { full: { orientation: 'landscape', zones } } });
  json('programmes/gapless.json', {
    $schema: '../schema/programme.schema.json',
    title: { 'zh-CN': '无缝测试', en: 'Gapless bench' },
    order: 'loop',
    items: set.clips.map((c) => ({ type: 'video', src: c.name })),
  });
  const server = await startServeProcess(['--playlists', playlists, '--assets', set.dir, '--state', path.join(dir, 'state')], (text) => process.stderr.write(text));
  try {
    const url = server.url;
    const seams = (page: Page) => page.evaluate(() => (globalThis as unknown as { __hallcast?: { frames(): { seams: number } } }).__hallcast?.frames().seams ?? 0);
    return await withBrowser((page) => record(page, url, async () => (await seams(page)) > transitions, limitFor(set, transitions), true, cast));
  } finally {
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** One <video>; on `ended`, `src` = the next clip and play(). Served with ranges, as the player's host does. */
async function naiveCase(set: ClipSet, transitions: number, cast = false): Promise<Recording> {
  const names = JSON.stringify(set.clips.map((c) => `/clips/${c.name}`));
  const html = `<!doctype html><body style="margin:0;background:#000;overflow:hidden"><video id=v playsinline preload=auto style="display:block;width:100vw;height:100vh;object-fit:contain;background:#000"></video><script>
const clips = ${names}; let i = 0; globalThis.__swaps = 0;
const v = document.getElementById('v');
// Through an AudioContext only so that the bench's tap hears it, as it hears the player's graph.
const ctx = new AudioContext(); ctx.createMediaElementSource(v).connect(ctx.destination);
v.addEventListener('ended', () => { i = (i + 1) % clips.length; globalThis.__swaps++; v.src = clips[i]; v.play(); });
v.src = clips[0]; v.play();
</script>`;
  const server = createServer((req, res) => {
    const clip = set.clips.find((c) => req.url === `/clips/${c.name}`);
    if (!clip) {
      res.writeHead(200, { 'content-type': 'text/html' }).end(html);
      return;
    }
    const file = path.join(set.dir, clip.name);
    const size = statSync(file).size;
    const range = /bytes=(\d+)-(\d*)/.exec(req.headers.range ?? '');
    const start = range ? Number(range[1]) : 0;
    const end = range && range[2] ? Number(range[2]) : size - 1;
    res.writeHead(range ? 206 : 200, {
      'content-type': clip.type,
      'accept-ranges': 'bytes',
      'content-length': end - start + 1,
      ...(range ? { 'content-range': `bytes ${start}-${end}/${size}` } : {}),
    });
    createReadStream(file, { start, end }).pipe(res);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  try {
    const swaps = (page: Page) => page.evaluate(() => (globalThis as unknown as { __swaps?: number }).__swaps ?? 0);
    return await withBrowser((page) => record(page, `http://127.0.0.1:${port}/`, async () => (await swaps(page)) > transitions, limitFor(set, transitions), false, cast));
  } finally {
    server.closeAllConnections();
    server.close();
  }
}

const limitFor = (set: ClipSet, transitions: number): number => (transitions + 3) * (set.seconds + 0.8) * 1000 + 30_000;

export async function benchGapless(transitions = 100): Promise<string[]> {
  const set = ensureClips(path.join(ROOT, 'bench', 'out', 'clips'));
  const frameMs = 1000 / set.fps;
  const out = path.join(ROOT, 'bench', 'out');
  const recorded = { player: await playerCase(set, transitions), naive: await naiveCase(set, transitions) };
  // The raw frames stay behind for a second look (bench/out is git-ignored).
  for (const [name, rec] of Object.entries(recorded)) writeFileSync(path.join(out, `gapless-${name}.json`), JSON.stringify(rec));
  const checks = Math.min(transitions, CHECK_SEAMS);
  const casted = { player: await playerCase(set, checks, true), naive: await naiveCase(set, checks, true) };
  for (const [name, rec] of Object.entries(casted)) writeFileSync(path.join(out, `gapless-${name}-screencast.json`), JSON.stringify(rec));
  const cast = { player: analyse(casted.player, checks), naive: analyse(casted.naive, checks) };
  const player = analyse(recorded.player, transitions);
  const naive = analyse(recorded.naive, transitions);
  const both = (f: (r: CaseResult) => string): string => `${f(player)} | ${f(naive)} |`;
  const stats = (xs: number[], shift = 0): string =>
    `${ms(percentile(xs, 50) - shift)} / ${ms(percentile(xs, 99) - shift)} / ${ms((xs.at(-1) ?? Number.NaN) - shift)}`;
  return [
    `${set.clips.length} clips of ${set.seconds} s, 1920x1080 at ${set.fps} fps (H.264 MP4 and VP9 WebM alternating); content frame interval ${ms(frameMs)}. Goal: p99 stall ≤ ${ms(frameMs)}, no black.`,
    '',
    '| per seam | player (A/B, hallcast serve) | naive: one <video>, src swap on ended |',
    '|---|---|---|',
    `| seams measured | ${both((r) => String(r.gaps.length))}`,
    `| longest interval between pictures, median / p99 / max | ${both((r) => stats(r.gaps))}`,
    `| stall (interval − ${ms(frameMs)}), median / p99 / max | ${both((r) => stats(r.gaps, frameMs))}`,
    `| same, counting only frames presented while on top, median / p99 / max | ${both((r) => stats(r.conservative))}`,
    `| black: updates with no decoded frame on top (≈16.7 ms each) | ${both((r) => String(r.blank))}`,
    `| check pass (${checks} seams, not timed): sampled pictures with luma < ${BLACK_LUMA}, raise + 3 frames per seam | ${cast.player.black} (min luma ${cast.player.minLuma.toFixed(0)}) | ${cast.naive.black} (min luma ${cast.naive.minLuma.toFixed(0)}) |`,
    `| check pass: CDP screencast, black captures / captures in seam windows | ${cast.player.blackShots} / ${cast.player.shots} | ${cast.naive.blackShots} / ${cast.naive.shots} |`,
    `| updates with the idle slide on top | ${both((r) => String(r.idle))}`,
    `| new clip's first picture at media time, median / max | ${both((r) => `${ms(percentile(r.skipped, 50) * 1000)} / ${ms((r.skipped.at(-1) ?? Number.NaN) * 1000)}`)}`,
    `| t = 0 click heard at the seam (within ${CLICK_WINDOW_MS} ms of the first picture) | ${both((r) => `${r.clicks.length} / ${r.gaps.length}`)}`,
    `| click at the output − first picture on screen, median / min / max | ${both((r) => (r.clicks.length ? `${ms(percentile(r.clicks, 50))} / ${ms(r.clicks[0]!)} / ${ms(r.clicks.at(-1)!)}` : '–'))}`,
    `| reference: steady playback away from seams, median / p99 / max interval | ${both((r) => stats(r.steady))}`,
    `| diagnostics: rVFC display latency; frames while hidden; rAF updates | ${both((r) => `${ms(r.latency)}; ${r.hiddenFrames}; ${r.updates}`)}`,
  ];
}
