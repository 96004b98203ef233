/**
 * Chromium's canvas text cache stays bounded while the queue board says new things (issue 11, the
 * display's memory over a hall day). Chromium keeps one `blink::PlainTextNode` per distinct string a
 * 2D canvas has measured, and a canvas that only measures — pixi's — never lets them go
 * (BENCHMARKS.md "Soak, fourth pass"); the display renews pixi's measuring canvas every
 * TEXT_CACHE_STRINGS strings (renderer/display/engine/text-cache.ts).
 *
 * Two displays of one player, each in its own browser context (so its own renderer process and
 * heap), see the same ~800 calls: one as shipped, one with the renewal off
 * (`<html data-text-cache-strings="off">`), the same code otherwise. Then each page's heap snapshot
 * counts the nodes, and the two boards are compared pixel by pixel: a page whose measuring canvas was
 * replaced shows exactly what the other shows.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { PNG } from 'pngjs';
import { expect, queueHooks, test } from './fixtures.js';
import { countHeapObjects, TEXT_CACHE_CLASSES, type Counted } from './heap-count.js';

/** The display's limit (renderer/display/engine/text-cache.ts, TEXT_CACHE_STRINGS). */
const TEXT_CACHE_STRINGS = 500;
const CALLS = 800;
/** One call every 35 ms: about what the player answers at on two loaded cores, with two displays. */
const CALL_GAP_MS = 35;
/** The queue zone of e2e/hall's layout (x 0.7, y 0.15, w 0.3, h 0.75 of 1920×1080). */
const QUEUE_ZONE = { x: 1344, y: 162, width: 576, height: 810 };

/** Calls are shown, not read out: 800 announcements would only load the machine. */
const callsSilent = (dir: string): void => writeFileSync(path.join(dir, 'announcements.json'), JSON.stringify({ calls: { enabled: false } }));

async function textCache(page: Page): Promise<Record<(typeof TEXT_CACHE_CLASSES)[number], Counted>> {
  const s = await page.context().newCDPSession(page);
  try {
    return await countHeapObjects(
      {
        send: (method, params) => s.send(method, params as never),
        onChunk: (listener) => {
          const on = (e: { chunk: string }): void => listener(e.chunk);
          s.on('HeapProfiler.addHeapSnapshotChunk', on);
          return () => s.off('HeapProfiler.addHeapSnapshotChunk', on);
        },
      },
      TEXT_CACHE_CLASSES,
    );
  } finally {
    await s.detach();
  }
}

/** Pixels of two same-sized PNGs that differ by more than a little in any channel. */
function differingPixels(a: Buffer, b: Buffer): number {
  const pa = PNG.sync.read(a);
  const pb = PNG.sync.read(b);
  expect([pa.width, pa.height]).toEqual([pb.width, pb.height]);
  let n = 0;
  for (let i = 0; i < pa.data.length; i += 4) {
    if (Math.abs(pa.data[i]! - pb.data[i]!) > 8 || Math.abs(pa.data[i + 1]! - pb.data[i + 1]!) > 8 || Math.abs(pa.data[i + 2]! - pb.data[i + 2]!) > 8) n++;
  }
  return n;
}

test('the board’s new words do not pile up in Chromium’s canvas text cache', async ({ page, hall, browser, shot }) => {
  test.setTimeout(120_000);
  const h = await hall({ edit: callsSilent });
  const other = await browser.newContext({ viewport: { width: 1920, height: 1080 } });
  try {
    const baseline = await other.newPage();
    for (const p of [page, baseline]) {
      await p.goto(h.url);
      await expect.poll(async () => (await queueHooks(p)).board?.feed.kind ?? null, { timeout: 20_000 }).toBe('push');
    }
    await baseline.evaluate("document.documentElement.dataset.textCacheStrings = 'off'");

    const t0 = Date.now();
    let last = '';
    for (let i = 0; i < CALLS; i++) {
      const r = await h.post<{ call: { key: string } }>('/api/queue/call', { ticket: `A${String(i).padStart(4, '0')}`, counter: [1, 2, 4, 5, 6][i % 5] });
      expect(r.status).toBe(200);
      last = r.body.call.key;
      const wait = t0 + (i + 1) * CALL_GAP_MS - Date.now();
      if (wait > 0) await new Promise((ok) => setTimeout(ok, wait));
    }
    const drove = Date.now() - t0;
    for (const p of [page, baseline]) await expect.poll(async () => (await queueHooks(p)).painted[last] ?? null, { timeout: 10_000 }).not.toBeNull();
    // The last call's flash (3 × 800 ms) is over on both, so both boards show the same thing.
    await page.waitForTimeout(3_000);
    const pictures = await Promise.all([page, baseline].map((p) => p.screenshot({ clip: QUEUE_ZONE })));

    const renewed = await textCache(page);
    const kept = await textCache(baseline);
    const painted = [Object.keys((await queueHooks(page)).painted).length, Object.keys((await queueHooks(baseline)).painted).length];
    const line = (c: Record<string, Counted>): string => TEXT_CACHE_CLASSES.map((n) => `${n.replace('blink::', '')} ${c[n]!.count} (${(c[n]!.bytes / 1024).toFixed(0)} KB)`).join(', ');
    console.log(`${CALLS} calls in ${drove} ms, calls painted as the headline ${painted.join(' / ')}`);
    console.log(`renewal on (limit ${TEXT_CACHE_STRINGS}): ${line(renewed)}`);
    console.log(`renewal off:            ${line(kept)}`);

    // Without the renewal the board's words stay: well over the bound below (so this test fails without the fix).
    expect(kept['blink::PlainTextNode'].count).toBeGreaterThan(TEXT_CACHE_STRINGS + 150);
    // With it: at most one canvas's worth, plus what pixi's drawing canvases hold from their last frame.
    expect(renewed['blink::PlainTextNode'].count).toBeLessThan(TEXT_CACHE_STRINGS + 100);

    const differ = differingPixels(pictures[0]!, pictures[1]!);
    if (differ > 0) {
      await shot('text-cache-renewed');
      await shot('text-cache-kept', baseline);
    }
    console.log(`queue zone: ${differ} of ${QUEUE_ZONE.width * QUEUE_ZONE.height} pixels differ between the two displays`);
    expect(differ).toBeLessThan(QUEUE_ZONE.width * QUEUE_ZONE.height * 0.001);
  } finally {
    await other.close();
  }
});
