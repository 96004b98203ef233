/**
 * bench/text-cache-release: what empties Chromium's canvas text cache (`npm run bench -- text-cache`).
 * Debian Chromium with the kiosk's flags, the bare page bench/bare/text-cache-release.html, nothing of
 * ours. For each kind of canvas: 3,000 strings measured, then each way of letting go tried in turn,
 * `blink::PlainTextNode` counted in a heap snapshot after each (after forced GCs); then, on a fresh
 * canvas, Chromium's own limit (it halves a cache past 32,768 strings).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { countHeapObjects, TEXT_CACHE_CLASSES } from '../e2e/heap-count.js';
import { ROOT } from '../e2e/serve-process.js';
import { CHROMIUM, CHROMIUM_ARGS } from '../playwright.config.js';
import { launchCdpBrowser, type CdpPage } from './cdp-browser.js';

async function count(page: CdpPage): Promise<string> {
  const c = await countHeapObjects({ send: (m, p) => page.cdp.send(m, p), onChunk: (l) => page.cdp.on('HeapProfiler.addHeapSnapshotChunk', (e: { chunk: string }) => l(e.chunk)) }, TEXT_CACHE_CLASSES);
  const node = c['blink::PlainTextNode'];
  return `${node.count} (${(node.bytes / 1024 / 1024).toFixed(2)} MB) | ${c['blink::ShapeResult'].count} | ${c['blink::PlainTextPainter'].count}`;
}

export async function benchTextCacheRelease(): Promise<string[]> {
  const dir = mkdtempSync(path.join(tmpdir(), 'hallcast-text-cache-'));
  const browser = await launchCdpBrowser(CHROMIUM, CHROMIUM_ARGS, dir);
  const rows = ['| canvas | step | PlainTextNode (own size) | ShapeResult | PlainTextPainter |', '|---|---|---|---|---|'];
  try {
    const page = await browser.open(pathToFileURL(path.join(ROOT, 'bench', 'bare', 'text-cache-release.html')).href);
    await page.waitFor('globalThis.ops !== undefined', 30_000);
    const ops = await page.evaluate<string[]>('Object.keys(ops)');
    for (const kind of ['offscreen', 'canvas']) {
      const name = kind === 'offscreen' ? 'OffscreenCanvas(0, 0), as pixi' : 'detached <canvas> 10×10';
      await page.evaluate(`make(${JSON.stringify(kind)})`);
      rows.push(`| ${name} | before measuring | ${await count(page)} |`);
      await page.evaluate('run(3000)');
      rows.push(`| ${name} | 3,000 strings measured | ${await count(page)} |`);
      for (const op of ops) {
        await page.evaluate(`ops[${JSON.stringify(op)}](${JSON.stringify(kind)})`);
        rows.push(`| ${name} | then ${op} | ${await count(page)} |`);
      }
    }
    await page.evaluate(`make('offscreen')`);
    let total = 0;
    for (const k of [20_000, 12_000, 1_000, 10_000]) {
      total += k;
      await page.evaluate(`run(${k})`);
      rows.push(`| OffscreenCanvas(0, 0), as pixi | ${total.toLocaleString('en')} strings on one canvas | ${await count(page)} |`);
    }
  } finally {
    await browser.close();
    rmSync(dir, { recursive: true, force: true });
  }
  return rows;
}
