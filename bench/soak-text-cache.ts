/**
 * The soak's text-cache comparison (`--text-cache-compare`): a second display of the same player with
 * the renewal of pixi's measuring canvas turned off (`<html data-text-cache-strings="off">`; the same
 * build otherwise, renderer/display/engine/text-cache.ts), in a renderer process of its own, and at
 * each sample, in both displays, Chromium's canvas text cache counted from a heap snapshot
 * (`blink::PlainTextNode`, one per distinct string a canvas has shaped: e2e/heap-count.ts) and, with
 * `--allocators`, Blink's garbage-collected heap (`blink_gc`) from a memory-infra dump.
 */
import { rss } from '../e2e/chromium-processes.js';
import { countHeapObjects, type Counted } from '../e2e/heap-count.js';
import { slope } from './slope.js';
import type { SoakBrowser, SoakPage } from './soak-browser.js';

export interface TextCacheSide {
  nodes: Counted;
  rss: number;
  /** MB, with --allocators. */
  blinkGc?: number;
}

export interface TextCacheSample {
  minute: number;
  /** The display as shipped, and the one with the renewal off. */
  on: TextCacheSide;
  off: TextCacheSide;
}

/**
 * The player's page again, under `localhost` rather than 127.0.0.1: another site, so another
 * renderer process (and heap) than the display's; the renewal is turned off before its stage loads.
 */
export async function openUnboundedDisplay(browser: SoakBrowser, url: string, display: SoakPage): Promise<SoakPage> {
  const other = new URL(url);
  other.hostname = other.hostname === 'localhost' ? '127.0.0.1' : 'localhost';
  const page = await browser.open(other.href, 'globalThis.__hallcast !== undefined');
  await page.evaluate(`document.documentElement.dataset.textCacheStrings = 'off'`);
  if (page.pid === display.pid) throw new Error('soak: the second display shares the first one’s renderer');
  return page;
}

/** `blink::PlainTextNode`s alive in the page (after forced GCs). */
export async function textCacheNodes(page: SoakPage): Promise<Counted> {
  const counted = await countHeapObjects(
    {
      send: (method, params) => page.send(method, params),
      onChunk: (listener) => page.on('HeapProfiler.addHeapSnapshotChunk', (e: { chunk: string }) => listener(e.chunk)),
    },
    ['blink::PlainTextNode'],
  );
  return counted['blink::PlainTextNode'];
}

export async function textCacheSide(page: SoakPage, blinkGc?: number): Promise<TextCacheSide> {
  return { nodes: await textCacheNodes(page), rss: rss(page.pid), ...(blinkGc === undefined ? {} : { blinkGc }) };
}

const MB = 1024 * 1024;

/** Side-by-side table and slopes after warm-up (per real hour and per simulated day). */
export function textCacheRows(samples: TextCacheSample[], warmupMinutes: number, speed: number): string[] {
  const f = (n: number | undefined, d = 1): string => (n === undefined || !Number.isFinite(n) ? '—' : n.toFixed(d));
  const rows = [
    '',
    '| min | PlainTextNode, renewal on | (KB) | renewal off | (KB) | `blink_gc` MB, on | off | renderer RSS MB, on | off |',
    '|---|---|---|---|---|---|---|---|---|',
  ];
  for (const s of samples) {
    rows.push(
      `| ${s.minute.toFixed(1)} | ${s.on.nodes.count} | ${f(s.on.nodes.bytes / 1024, 0)} | ${s.off.nodes.count} | ${f(s.off.nodes.bytes / 1024, 0)} | ${f(s.on.blinkGc)} | ${f(s.off.blinkGc)} | ${f(s.on.rss / MB)} | ${f(s.off.rss / MB)} |`,
    );
  }
  const after = samples.filter((s) => s.minute >= warmupMinutes);
  const day = 24 / speed;
  const fit = (y: (s: TextCacheSample) => number | undefined): string => {
    const points = after.map((s) => ({ x: s.minute / 60, y: y(s) })).filter((p): p is { x: number; y: number } => p.y !== undefined && Number.isFinite(p.y));
    const h = slope(points);
    return Number.isFinite(h) ? `${h.toFixed(1)} /h, ${(h * day).toFixed(1)} /sim. day` : '—';
  };
  rows.push(
    '',
    `| least-squares slope after ${warmupMinutes} min (${after.length} samples) | renewal on | renewal off |`,
    '|---|---|---|',
    `| PlainTextNode (count) | ${fit((s) => s.on.nodes.count)} | ${fit((s) => s.off.nodes.count)} |`,
    `| PlainTextNode (MB) | ${fit((s) => s.on.nodes.bytes / MB)} | ${fit((s) => s.off.nodes.bytes / MB)} |`,
    `| \`blink_gc\` (MB) | ${fit((s) => s.on.blinkGc)} | ${fit((s) => s.off.blinkGc)} |`,
    `| renderer RSS (MB) | ${fit((s) => s.on.rss / MB)} | ${fit((s) => s.off.rss / MB)} |`,
  );
  return rows;
}
