/**
 * Fault suite: the Chromium kiosk (`hallcast kiosk`) on a real X screen (Xvfb), with its parts
 * killed the way a hall PC loses them — the page's renderer, the browser, the player itself — and
 * the wall checked each time: a display back in /api/status within a bound, each recovery step in
 * `health`, the screen neither blank nor a crashed tab's grey page, and no orphan browser (nor a
 * window flood) after the player was killed outright, nor from a stale browser on its profile.
 */
import { spawn } from 'node:child_process';
import { cpSync, mkdtempSync, readlinkSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import type { HostStatus } from '../../electron/contract/status-view.js';
import { BLANK_LUMA } from './picture.js';
import { keepWhatTheWallShowed, spawnKiosk, type Kiosk, profileProcesses as kioskProfileProcesses } from './kiosk-process.js';
import { ROOT } from '../serve-process.js';
import { startXScreen, xScreenLuma, type XScreen } from './x-screen.js';

/** How long a wall may show no hall after its page's renderer is killed (crash event + reload + first paint). */
const RELOAD_WITHIN_MS = 20_000;
/** …and after the browser is killed: a cold Chromium start, slow on a loaded two-core hall PC. */
const RELAUNCH_WITHIN_MS = 30_000;
/** The hall's picture is dark blue with bright text (mean luma ≈ 50–90); a crashed tab's page is light grey (≈ 200+). */
const HALL_LUMA_MAX = 150;
const CHROMIUM = process.env.HALLCAST_CHROMIUM ?? '/usr/bin/chromium';

let dir: string;
let screen: XScreen;
let kiosk: Kiosk | null = null;
const profile = (): string => path.join(dir, 'state', 'kiosk-profile');

function startKiosk(): Promise<Kiosk> {
  return spawnKiosk(['--port', '0', '--playlists', path.join(dir, 'playlists'), '--assets', path.join(ROOT, 'assets'), '--state', path.join(dir, 'state'), '--window-size', `${screen.width}x${screen.height}`, '--browser', CHROMIUM], { ...process.env, DISPLAY: screen.display });
}

async function status(k: Kiosk): Promise<HostStatus> {
  return (await (await fetch(new URL('api/status', k.url), { signal: AbortSignal.timeout(5_000) })).json()) as HostStatus;
}

const profileProcesses = () => kioskProfileProcesses(profile());
/** The pid Chromium's profile lock names (HOSTNAME-PID), or null. */
function lockHolder(): number | null {
  try {
    return Number(/-(\d+)$/.exec(readlinkSync(path.join(profile(), 'SingletonLock')))?.[1] ?? NaN) || null;
  } catch {
    return null;
  }
}
const browsers = (): number[] => profileProcesses().filter((p) => p.type === null).map((p) => p.pid);
/** The page's renderers (a spare renderer Chromium keeps ready may be among them; extensions' and the browser's own UI's are not). */
const pageRenderers = (): number[] =>
  profileProcesses()
    .filter((p) => p.type === 'renderer' && !/ --(extension-process|top-chrome-webui)( |$)/.test(p.cmdline))
    .map((p) => p.pid);

/** Waits for exactly one display, other than `gone` (the session the fault ended), in /api/status. */
async function displayBack(k: Kiosk, withinMs: number, gone: string | null = null): Promise<HostStatus> {
  let last: HostStatus | null = null;
  await expect
    .poll(async () => {
      last = await status(k);
      return last.displays.filter((d) => d.id !== gone).length;
    }, { timeout: withinMs, intervals: [250] })
    .toBe(1);
  return last!;
}

const showsHall = (luma: number | null): boolean => luma !== null && luma > BLANK_LUMA && luma < HALL_LUMA_MAX;
/** Waits (bounded) until the screen shows the hall; grabbing it can take seconds on a loaded machine. */
async function hallOnScreen(withinMs: number): Promise<void> {
  await expect.poll(async () => showsHall(await xScreenLuma(screen)), { timeout: withinMs, intervals: [500] }).toBe(true);
}

/** Samples the screen until stopped; the longest stretch (ms) it showed no hall (blank, or a crashed tab's grey page). */
function watchScreen(): { stop(): Promise<{ longestBadMs: number; samples: number }> } {
  let running = true;
  let longest = 0;
  let badSince: number | null = null;
  let samples = 0;
  const loop = (async () => {
    while (running) {
      const luma = await xScreenLuma(screen);
      const now = Date.now();
      samples++;
      const bad = !showsHall(luma);
      if (bad) badSince ??= now;
      else if (badSince !== null) {
        longest = Math.max(longest, now - badSince);
        badSince = null;
      }
      await new Promise((r) => setTimeout(r, 300));
    }
    if (badSince !== null) longest = Math.max(longest, Date.now() - badSince);
  })();
  return {
    async stop() {
      running = false;
      await loop;
      return { longestBadMs: longest, samples };
    },
  };
}

async function stopKiosk(k: Kiosk): Promise<void> {
  if (k.child.exitCode !== null || k.child.signalCode !== null) return;
  const exited = new Promise((done) => k.child.once('exit', done));
  k.child.kill('SIGTERM');
  const timer = setTimeout(() => k.child.kill('SIGKILL'), 10_000);
  await exited;
  clearTimeout(timer);
}

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'hallcast-kiosk-'));
  cpSync(path.join(ROOT, 'e2e', 'hall'), path.join(dir, 'playlists'), { recursive: true });
  screen = await startXScreen();
  kiosk = await startKiosk();
  await displayBack(kiosk, 45_000);
});

// What the wall showed when a check failed, beside the test's other results.
// eslint-disable-next-line no-empty-pattern -- Playwright reads the fixtures a hook uses from this pattern
test.afterEach(({}, testInfo) => keepWhatTheWallShowed(testInfo, screen, kiosk));

test.afterAll(async () => {
  if (kiosk) await stopKiosk(kiosk);
  // Whatever a failed test left behind: no browser on this profile outlives the suite.
  for (const p of profileProcesses()) {
    try {
      process.kill(p.pid, 'SIGKILL');
    } catch {
      // already gone
    }
  }
  await screen?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

test('a killed renderer ("Aw, Snap!") is reloaded through DevTools and the hall comes back', async () => {
  const k = kiosk!;
  const { health, displays } = await status(k);
  const before = health.classes['browser-restarts'].count;
  await hallOnScreen(20_000);

  const renderers = pageRenderers();
  expect(renderers.length).toBeGreaterThan(0);
  const watch = watchScreen();
  for (const pid of renderers) process.kill(pid, 'SIGKILL');
  const back = await displayBack(k, RELOAD_WITHIN_MS, displays[0]!.id);
  // The page said hello; its first frames follow (a grey "Aw, Snap!" page would fail here).
  await hallOnScreen(20_000);
  const picture = await watch.stop();
  console.log(`renderer kill: display back, screen without the hall for ${picture.longestBadMs} ms (${picture.samples} samples)`);
  expect(picture.longestBadMs).toBeLessThan(RELOAD_WITHIN_MS);
  const restarts = back.health.classes['browser-restarts'];
  expect(restarts.count).toBe(before + 1);
  expect(restarts.last?.fields).toMatchObject({ kind: 'tab-reload', reason: 'crashed' });
  expect(browsers()).toHaveLength(1);
});

test('a killed browser is relaunched and the hall comes back', async () => {
  const k = kiosk!;
  const { health, displays } = await status(k);
  const before = health.classes['browser-restarts'].count;
  const [browser] = browsers();
  expect(browser).toBeDefined();
  const watch = watchScreen();
  process.kill(browser!, 'SIGKILL');
  const back = await displayBack(k, RELAUNCH_WITHIN_MS, displays[0]!.id);
  await hallOnScreen(20_000);
  const picture = await watch.stop();
  console.log(`browser kill: display back, screen without the hall for ${picture.longestBadMs} ms (${picture.samples} samples)`);
  expect(picture.longestBadMs).toBeLessThan(RELAUNCH_WITHIN_MS);
  expect(back.health.classes['browser-restarts'].count).toBe(before + 1);
  expect(back.health.classes['browser-restarts'].last?.fields).toMatchObject({ kind: 'browser-restart', reason: 'browser-exited' });
  const now = browsers();
  expect(now).toHaveLength(1);
  expect(now[0]).not.toBe(browser);
});

test('a player killed outright takes its browser with it; a fresh kiosk on the same state opens exactly one', async () => {
  const old = kiosk!;
  expect(browsers()).toHaveLength(1);
  const exited = new Promise((done) => old.child.once('exit', done));
  old.child.kill('SIGKILL');
  await exited;
  // No orphan: the browser and every process it started die with the player.
  await expect.poll(() => profileProcesses().map((p) => `${p.pid} ${p.type ?? 'browser'}`), { timeout: 10_000 }).toStrictEqual([]);

  // A browser that outlived a player without the death signal (one an older version started)
  // still holds the profile: Chromium would hand the next kiosk's launch to it, window after window.
  const stray = spawn(CHROMIUM, ['--no-sandbox', '--no-first-run', `--user-data-dir=${profile()}`, '--app=about:blank'], {
    detached: true,
    stdio: 'ignore',
    env: { ...process.env, DISPLAY: screen.display },
  });
  const strayGone = new Promise<void>((done) => stray.once('exit', () => done()));
  await expect.poll(() => lockHolder(), { timeout: 20_000 }).toBe(stray.pid);

  kiosk = await startKiosk();
  const startedAt = Date.now();
  await displayBack(kiosk, 45_000);
  await Promise.race([strayGone, new Promise((_, fail) => setTimeout(() => fail(new Error('the stale browser still runs')), 5_000))]);
  // Long enough for a launch handed to another instance to have been relaunched a few times.
  await new Promise((r) => setTimeout(r, Math.max(0, 30_000 - (Date.now() - startedAt))));
  const after = await status(kiosk);
  expect(after.displays).toHaveLength(1);
  expect(browsers()).toHaveLength(1);
  expect(after.health.classes['browser-restarts'].count).toBe(0);
  expect(kiosk.stderr()).toContain(`ended a stale browser (pid ${stray.pid}) that held the kiosk profile`);
  await hallOnScreen(20_000);
});
