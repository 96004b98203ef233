/**
 * bench/cold-start: from starting `hallcast serve` to the first programme frame on a freshly
 * launched Chromium (goal < 1.5 s), measured by the host's proof-of-play log (the e2e hall, whose
 * programmes start with a video). Baseline in the same
 * run: the same Chromium launched on a bare page with one <video autoplay> of the same clip served
 * by a plain Node HTTP server — the floor any player on this machine starts from.
 */
import { createReadStream, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium } from '@playwright/test';
import { ROOT, startServeProcess } from '../e2e/serve-process.js';
import { CHROMIUM, CHROMIUM_ARGS } from '../playwright.config.js';
import { ms, percentile } from './measure.js';

const CLIP = path.join(ROOT, 'assets', 'video', 'hall-welcome.mp4');

async function hallcastOnce(): Promise<number> {
  const state = mkdtempSync(path.join(tmpdir(), 'hallcast-bench-'));
  const started = Date.now();
  const server = await startServeProcess(['--playlists', 'e2e/hall', '--assets', 'assets', '--state', state]);
  try {
    const url = server.url;
    const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
    const page = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
    await page.goto(url);
    const folder = path.join(state, 'proof-of-play');
    const deadline = Date.now() + 20_000;
    let firstFrame: number | null = null;
    while (firstFrame === null && Date.now() < deadline) {
      if (existsSync(folder)) {
        for (const file of readdirSync(folder)) {
          for (const line of readFileSync(path.join(folder, file), 'utf8').split('\n').filter(Boolean)) {
            const record = JSON.parse(line) as { event: string; logged: number };
            if (record.event === 'first-frame') firstFrame ??= record.logged;
          }
        }
      }
      await new Promise((r) => setTimeout(r, 10));
    }
    await browser.close();
    if (firstFrame === null) throw new Error('no first frame within 20 s');
    return firstFrame - started;
  } finally {
    await server.stop();
    rmSync(state, { recursive: true, force: true });
  }
}

async function baselineOnce(): Promise<number> {
  const server = createServer((request, response) => {
    if (request.url === '/clip.mp4') {
      response.writeHead(200, { 'content-type': 'video/mp4', 'content-length': statSync(CLIP).size });
      createReadStream(CLIP).pipe(response);
      return;
    }
    response.writeHead(200, { 'content-type': 'text/html' });
    response.end('<!doctype html><body style="margin:0;background:#000"><video id=v autoplay src="/clip.mp4" style="width:100vw;height:100vh"></video><script>v.requestVideoFrameCallback(()=>fetch("/frame"))</script>');
  });
  const started = Date.now();
  let frameAt = 0;
  server.on('request', (request) => {
    if (request.url === '/frame') frameAt = Date.now();
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  const page = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
  await page.goto(`http://127.0.0.1:${port}/`);
  const deadline = Date.now() + 20_000;
  while (frameAt === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 10));
  await browser.close();
  server.close();
  return frameAt - started;
}

export async function benchColdStart(runs = 5): Promise<string[]> {
  const ours: number[] = [];
  const base: number[] = [];
  for (let i = 0; i < runs; i++) {
    ours.push(await hallcastOnce());
    base.push(await baselineOnce());
  }
  ours.sort((a, b) => a - b);
  base.sort((a, b) => a - b);
  return [
    '| case | median | min | max |',
    '|---|---|---|---|',
    `| hallcast serve + Chromium → first programme frame (${runs} runs) | ${ms(percentile(ours, 50))} | ${ms(ours[0]!)} | ${ms(ours.at(-1)!)} |`,
    `| baseline: Chromium → first frame of one <video autoplay> on a bare page | ${ms(percentile(base, 50))} | ${ms(base[0]!)} | ${ms(base.at(-1)!)} |`,
  ];
}
