/**
 * Screens that sleep with the hall, on a real X screen: `hallcast kiosk` under Xvfb with the hall's
 * power window ending 60 s after the player's clock starts (`--at` 19:59:00, e2e/hall's zone is
 * UTC) and the next one starting 30 s later. What the X screen shows (grabbed with ffmpeg) goes
 * black at 20:00 and shows the hall again at 20:00:30. Xvfb has no DPMS and xset still exits 0:
 * the kiosk must say so in health (`screen-power`), once, and carry on.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import type { HostStatus } from '../../electron/contract/status-view.js';
import { BLANK_LUMA } from './picture.js';
import { ROOT } from '../serve-process.js';
import { startXScreen, xScreenLuma, type XScreen } from './x-screen.js';

const CHROMIUM = process.env.HALLCAST_CHROMIUM ?? '/usr/bin/chromium';

let dir = '';
let screen: XScreen | null = null;
let child: ChildProcess | null = null;

test.afterAll(async () => {
  if (child && child.exitCode === null) {
    const exited = new Promise((done) => child!.once('exit', done));
    child.kill('SIGTERM');
    const timer = setTimeout(() => child!.kill('SIGKILL'), 10_000);
    await exited;
    clearTimeout(timer);
  }
  await screen?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

test('the kiosk\'s screen goes black at the window\'s end and shows the hall at the next start; no DPMS is a health fault, not a crash', async () => {
  test.setTimeout(240_000);
  dir = mkdtempSync(path.join(tmpdir(), 'hallcast-kiosk-power-'));
  cpSync(path.join(ROOT, 'e2e', 'hall'), path.join(dir, 'playlists'), { recursive: true });
  writeFileSync(
    path.join(dir, 'playlists', 'displays.json'),
    JSON.stringify({ power: { windows: [{ from: '08:00', to: '20:00' }, { from: '20:00:30', to: '22:00' }] }, displays: {} }),
  );
  screen = await startXScreen(960, 540);
  const today = new Date().toISOString().slice(0, 10);
  const at = (time: string): number => Date.parse(`${today}T${time}Z`);
  const args = ['bin/hallcast.js', 'kiosk', '--port', '0', '--at', `${today}T19:59:00`, '--playlists', path.join(dir, 'playlists'), '--assets', path.join(ROOT, 'assets'), '--state', path.join(dir, 'state'), '--window-size', '960x540', '--browser', CHROMIUM];
  child = spawn(process.execPath, args, { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, DISPLAY: screen.display } });
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => void (stderr += chunk));
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    child!.stdout!.on('data', (chunk: Buffer) => {
      out += chunk;
      const match = / at (http:\/\/\S+\/) /.exec(out);
      if (match) resolve(match[1]!);
    });
    child!.once('exit', (code) => reject(new Error(`hallcast kiosk exited (${code}): ${out}${stderr}`)));
  });
  const status = async (): Promise<HostStatus> => (await (await fetch(new URL('api/status', url), { signal: AbortSignal.timeout(5_000) })).json()) as HostStatus;
  const luma = (): Promise<number | null> => xScreenLuma(screen!);

  await expect.poll(async () => (await status()).displays.length, { timeout: 50_000 }).toBeGreaterThan(0);
  await expect.poll(luma, { timeout: 30_000, intervals: [500] }).toBeGreaterThan(BLANK_LUMA);
  const lit = await luma();
  expect((await status()).power?.['']).toMatchObject({ state: 'on', next: at('20:00:00') });

  await expect.poll(async () => (await status()).power?.['']?.state, { timeout: 70_000, intervals: [250] }).toBe('off');
  await expect.poll(luma, { timeout: 10_000, intervals: [250] }).toBeLessThan(1);
  const dark = await luma();
  const health = (await status()).health.classes['screen-power'];
  expect(health.active.map((a) => a.key)).toStrictEqual([`x-dpms ${screen.display}`]);
  expect(health.active[0]!.message).toContain('server does not have extension for dpms option');
  expect(health.count).toBe(1);

  await expect.poll(async () => (await status()).power?.['']?.state, { timeout: 40_000, intervals: [250] }).toBe('on');
  await expect.poll(luma, { timeout: 20_000, intervals: [500] }).toBeGreaterThan(BLANK_LUMA);
  expect(child.exitCode).toBeNull();
  // Still one fault: logged once while it holds, not once per window.
  expect((await status()).health.classes['screen-power'].count).toBe(1);
  console.log(`[kiosk-power] X screen luma lit ${lit?.toFixed(1)}, asleep ${dark?.toFixed(2)}, awake ${(await luma())?.toFixed(1)}; ${health.active[0]!.message}`);
});
