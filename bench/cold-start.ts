/**
 * bench/cold-start: from starting the player to the first programme frame on a freshly launched
 * Chromium (goal < 1.5 s), measured by the host's proof-of-play log (the e2e hall, whose
 * programmes start with a video). Two ways in:
 * - `hallcast serve`, then Chromium launched by Playwright (headless) once it listens;
 * - `hallcast kiosk`, the one command a hall PC runs: the player and the system Chromium (on an X
 *   display: Xvfb, started before the clock starts, as a hall's X session would be).
 * Each beside its baseline in the same run: the same Chromium, launched the same way, on a bare
 * page with one <video autoplay> of the same clip served by a plain Node HTTP server — the floor
 * any player on this machine starts from.
 */
import { spawn } from 'node:child_process';
import { createReadStream, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium } from '@playwright/test';
import { ROOT, startServeProcess } from '../e2e/serve-process.js';
import { kioskArgs } from '../electron/cli/kiosk-supervisor.js';
import { CHROMIUM, CHROMIUM_ARGS } from '../playwright.config.js';
import { ms, percentile } from './measure.js';

const CLIP = path.join(ROOT, 'assets', 'video', 'hall-welcome.mp4');

/** Epoch ms of the first 'first-frame' line in a state folder's proof-of-play log (polled). */
async function firstFrameLogged(state: string): Promise<number> {
  const folder = path.join(state, 'proof-of-play');
  const deadline = Date.now() + 20_000;
  while (Date.now() < deadline) {
    if (existsSync(folder)) {
      for (const file of readdirSync(folder)) {
        for (const line of readFileSync(path.join(folder, file), 'utf8').split('\n').filter(Boolean)) {
          const record = JSON.parse(line) as { event: string; logged: number };
          if (record.event === 'first-frame') return record.logged;
        }
      }
    }
    await new Promise((r) => setTimeout(r, 10));
  }
  throw new Error('no first frame within 20 s');
}

async function hallcastOnce(): Promise<number> {
  const state = mkdtempSync(path.join(tmpdir(), 'hallcast-bench-'));
  const started = Date.now();
  const server = await startServeProcess(['--playlists', 'e2e/hall', '--assets', 'assets', '--state', state]);
  try {
    const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
    const page = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
    await page.goto(server.url);
    const firstFrame = await firstFrameLogged(state);
    await browser.close();
    return firstFrame - started;
  } finally {
    await server.stop();
    rmSync(state, { recursive: true, force: true });
  }
}

/**
 * `hallcast kiosk` as a hall PC runs it: one command that starts the player and the system
 * Chromium (on an X display, here Xvfb started beforehand, as a hall's X session would be).
 */
async function kioskOnce(display: string, port: number): Promise<number> {
  const state = mkdtempSync(path.join(tmpdir(), 'hallcast-bench-'));
  const started = Date.now();
  const kiosk = spawn(process.execPath, ['bin/hallcast.js', 'kiosk', '--port', String(port), '--playlists', 'e2e/hall', '--assets', 'assets', '--state', state, '--window-size', '1920x1080'], {
    cwd: ROOT,
    stdio: 'ignore',
    env: { ...process.env, DISPLAY: display },
  });
  try {
    return (await firstFrameLogged(state)) - started;
  } finally {
    const exited = new Promise((r) => kiosk.once('exit', r));
    kiosk.kill('SIGTERM');
    await exited;
    rmSync(state, { recursive: true, force: true });
  }
}

/** A plain Node server with a bare page holding one <video autoplay>; resolves with its port and the first frame's time. */
async function barePage(): Promise<{ port: number; frame: Promise<number>; close(): void }> {
  let seen: (at: number) => void = () => undefined;
  const frame = new Promise<number>((r) => (seen = r));
  const server = createServer((request, response) => {
    if (request.url === '/clip.mp4') {
      response.writeHead(200, { 'content-type': 'video/mp4', 'content-length': statSync(CLIP).size });
      createReadStream(CLIP).pipe(response);
      return;
    }
    if (request.url === '/frame') seen(Date.now());
    response.writeHead(200, { 'content-type': 'text/html' });
    response.end('<!doctype html><body style="margin:0;background:#000"><video id=v autoplay src="/clip.mp4" style="width:100vw;height:100vh"></video><script>v.requestVideoFrameCallback(()=>fetch("/frame"))</script>');
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const address = server.address();
  return { port: typeof address === 'object' && address ? address.port : 0, frame, close: () => server.close() };
}

async function baselineOnce(): Promise<number> {
  const started = Date.now();
  const bare = await barePage();
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  const page = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
  await page.goto(`http://127.0.0.1:${bare.port}/`);
  const frameAt = await Promise.race([bare.frame, new Promise<number>((_, reject) => setTimeout(() => reject(new Error('no frame within 20 s')), 20_000))]);
  await browser.close();
  bare.close();
  return frameAt - started;
}

/** The same bare page in the system Chromium launched as the kiosk launches it, on the same display. */
async function kioskBaselineOnce(display: string): Promise<number> {
  const started = Date.now();
  const bare = await barePage();
  const profile = mkdtempSync(path.join(tmpdir(), 'hallcast-bench-profile-'));
  const browser = spawn(CHROMIUM, kioskArgs({ browser: CHROMIUM, url: `http://127.0.0.1:${bare.port}/`, profileDir: profile, noSandbox: process.getuid?.() === 0, windowSize: '1920x1080' }), {
    // Its flags include --remote-debugging-pipe: the DevTools pipe on fds 3 and 4, as the kiosk gives it.
    stdio: ['ignore', 'ignore', 'ignore', 'pipe', 'pipe'],
    env: { ...process.env, DISPLAY: display },
  });
  try {
    return (await Promise.race([bare.frame, new Promise<number>((_, reject) => setTimeout(() => reject(new Error('no frame within 20 s')), 20_000))])) - started;
  } finally {
    const exited = new Promise((r) => browser.once('exit', r));
    browser.kill('SIGTERM');
    await exited;
    bare.close();
    rmSync(profile, { recursive: true, force: true });
  }
}

/** Xvfb on a free display number, for the kiosk cases; null where Xvfb is not installed. */
async function startXvfb(): Promise<{ display: string; stop(): void } | null> {
  if (!existsSync('/usr/bin/Xvfb')) return null;
  const display = `:${90 + Math.floor(Math.random() * 9)}`;
  const xvfb = spawn('/usr/bin/Xvfb', [display, '-screen', '0', '1920x1080x24', '-nolisten', 'tcp'], { stdio: 'ignore' });
  await new Promise((r) => setTimeout(r, 500));
  return { display, stop: () => xvfb.kill() };
}

export async function benchColdStart(runs = 5): Promise<string[]> {
  const ours: number[] = [];
  const base: number[] = [];
  for (let i = 0; i < runs; i++) {
    ours.push(await hallcastOnce());
    base.push(await baselineOnce());
  }
  const xvfb = await startXvfb();
  const kiosk: number[] = [];
  const kioskBase: number[] = [];
  if (xvfb) {
    try {
      for (let i = 0; i < runs; i++) {
        kiosk.push(await kioskOnce(xvfb.display, 18_700 + i));
        kioskBase.push(await kioskBaselineOnce(xvfb.display));
      }
    } finally {
      xvfb.stop();
    }
  }
  const row = (name: string, xs: number[]): string => {
    const sorted = [...xs].sort((a, b) => a - b);
    return `| ${name} (${xs.length} runs) | ${ms(percentile(sorted, 50))} | ${ms(sorted[0]!)} | ${ms(sorted.at(-1)!)} |`;
  };
  return [
    '| case | median | min | max |',
    '|---|---|---|---|',
    row('`hallcast serve`, then Chromium (Playwright, headless) → first programme frame', ours),
    row('baseline: Chromium (Playwright, headless) → first frame of one <video autoplay> on a bare page', base),
    ...(xvfb
      ? [
          row('`hallcast kiosk` (player and system Chromium, one command, X display) → first programme frame', kiosk),
          row('baseline: system Chromium with the kiosk flags → first frame of the bare page', kioskBase),
        ]
      : ['| `hallcast kiosk` cases | skipped: no /usr/bin/Xvfb (apt-get install xvfb) | | |']),
  ];
}
