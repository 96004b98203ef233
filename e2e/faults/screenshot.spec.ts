/**
 * Real pixels of a screen (issue 14): `hallcast kiosk --display waiting` on a real X screen (Xvfb),
 * playing a programme of one bright moving clip (ffmpeg's testsrc2, made here), and
 * `GET /api/displays/waiting/screenshot` asked for what the kiosk's Chromium composites — through
 * its DevTools pipe. The picture's video zone (the layout's `main` zone) must be bright, and must
 * move between two pictures: a video surface missing from the capture would be black or still.
 * Then the bad input: no sign-in, a display nobody captures, the display while its browser is
 * gone, and 1,000 requests at once — each a picture or a quick refusal, the wall playing on.
 *
 * The JPEG is decoded by ffmpeg (already the fault suite's screen grabber) to its luma plane, so
 * no JPEG decoder joins the dependencies.
 */
import { execFile, execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { expect, test } from '@playwright/test';
import type { HostStatus } from '../../electron/contract/status-view.js';
import { signIn } from '../console-api.js';
import { keepWhatTheWallShowed, spawnKiosk, type Kiosk, profileProcesses } from './kiosk-process.js';
import { ROOT } from '../serve-process.js';
import { startXScreen, xScreenLuma, type XScreen } from './x-screen.js';

const CHROMIUM = process.env.HALLCAST_CHROMIUM ?? '/usr/bin/chromium';
const PASSWORD = 'screenshot-e2e-password';
const DISPLAY = 'waiting';
/** The layout's programme zone, as fractions of the screen (written into layouts.json below). */
const VIDEO_ZONE = { x: 0, y: 0, w: 0.7, h: 0.9 };
/** testsrc2's colour bars and moving patterns average well above 100; the hall's background (#0b1f3a) is ≈ 28, black is 0–16. */
const VIDEO_LUMA_MIN = 80;

const run = promisify(execFile);

let dir: string;
let screen: XScreen;
let kiosk: Kiosk | null = null;
let cookie: string;
const profile = (): string => path.join(dir, 'state', 'kiosk-profile');

/** The hall: the e2e hall with one programme of one bright clip, sized to fill the programme zone. */
function makeHall(): void {
  cpSync(path.join(ROOT, 'e2e', 'hall'), path.join(dir, 'playlists'), { recursive: true });
  cpSync(path.join(ROOT, 'assets'), path.join(dir, 'assets'), { recursive: true });
  const width = Math.round((screen.width * VIDEO_ZONE.w) / 2) * 2;
  const height = Math.round((screen.height * VIDEO_ZONE.h) / 2) * 2;
  execFileSync('ffmpeg', ['-loglevel', 'error', '-f', 'lavfi', '-i', `testsrc2=size=${width}x${height}:rate=25:duration=8`, '-c:v', 'libx264', '-profile:v', 'baseline', '-pix_fmt', 'yuv420p', '-y', path.join(dir, 'assets', 'video', 'bright.mp4')]);
  const programme = { title: { 'zh-CN': '亮', en: 'Bright' }, items: [{ type: 'video', src: 'video/bright.mp4' }] };
  writeFileSync(path.join(dir, 'playlists', 'programmes', 'alpha.json'), JSON.stringify(programme));
  const layouts = JSON.parse(readFileSync(path.join(dir, 'playlists', 'layouts.json'), 'utf8')) as { layouts: { landscape: { zones: Record<string, Record<string, unknown>> } } };
  layouts.layouts.landscape.zones.main = { kind: 'programme', ...VIDEO_ZONE };
  writeFileSync(path.join(dir, 'playlists', 'layouts.json'), JSON.stringify(layouts));
  // Noon would switch to beta: keep alpha all day.
  writeFileSync(path.join(dir, 'playlists', 'schedule.json'), JSON.stringify({ timezone: 'UTC', default: 'alpha', entries: [] }));
}

function startKiosk(): Promise<Kiosk> {
  return spawnKiosk(['--display', DISPLAY, '--port', '0', '--playlists', path.join(dir, 'playlists'), '--assets', path.join(dir, 'assets'), '--state', path.join(dir, 'state'), '--window-size', `${screen.width}x${screen.height}`, '--browser', CHROMIUM], { ...process.env, DISPLAY: screen.display, HALLCAST_ADMIN_PASSWORD: PASSWORD });
}

async function status(k: Kiosk): Promise<HostStatus> {
  return (await (await fetch(new URL('api/status', k.url), { signal: AbortSignal.timeout(5_000) })).json()) as HostStatus;
}

async function screenshot(k: Kiosk, display = DISPLAY, query = '', headers: Record<string, string> = { cookie }): Promise<{ status: number; type: string | null; body: Buffer; ms: number }> {
  const started = Date.now();
  const response = await fetch(new URL(`api/displays/${display}/screenshot${query}`, k.url), { headers, signal: AbortSignal.timeout(30_000) });
  return { status: response.status, type: response.headers.get('content-type'), body: Buffer.from(await response.arrayBuffer()), ms: Date.now() - started };
}

/** A JPEG's size and luma plane (0–255), decoded by ffmpeg. */
async function lumaPlane(jpeg: Buffer): Promise<{ width: number; height: number; luma: Buffer }> {
  const file = path.join(dir, `shot-${Date.now()}-${Math.random().toString(36).slice(2)}.jpg`);
  writeFileSync(file, jpeg);
  const probe = await run('ffprobe', ['-v', 'error', '-select_streams', 'v:0', '-show_entries', 'stream=width,height', '-of', 'csv=p=0', file]);
  const [width, height] = probe.stdout.trim().split(',').map(Number) as [number, number];
  const { stdout } = await run('ffmpeg', ['-loglevel', 'error', '-i', file, '-f', 'rawvideo', '-pix_fmt', 'gray', '-'], { encoding: 'buffer', maxBuffer: 64 * 1024 * 1024 });
  rmSync(file);
  return { width, height, luma: stdout };
}

/** Mean luma of a rectangle given as fractions of the picture, and the luma values themselves. */
function zone(plane: { width: number; height: number; luma: Buffer }, rect: { x: number; y: number; w: number; h: number }): { mean: number; values: number[] } {
  const values: number[] = [];
  const x0 = Math.floor(rect.x * plane.width);
  const y0 = Math.floor(rect.y * plane.height);
  const x1 = Math.floor((rect.x + rect.w) * plane.width);
  const y1 = Math.floor((rect.y + rect.h) * plane.height);
  for (let y = y0; y < y1; y += 2) for (let x = x0; x < x1; x += 2) values.push(plane.luma[y * plane.width + x]!);
  return { mean: values.reduce((a, b) => a + b, 0) / values.length, values };
}

/** The browser's own processes (no --type) on the kiosk's profile. */
const browserPids = (): number[] => profileProcesses(profile()).filter((p) => p.type === null).map((p) => p.pid);

test.describe.configure({ mode: 'serial', timeout: 120_000 });

test.beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'hallcast-screenshot-'));
  mkdirSync(path.join(dir, 'state'));
  screen = await startXScreen();
  makeHall();
  kiosk = await startKiosk();
  await expect.poll(async () => (await status(kiosk!)).displays.length, { timeout: 45_000, intervals: [250] }).toBe(1);
  cookie = (await signIn(kiosk.url, PASSWORD)).cookie;
});

// eslint-disable-next-line no-empty-pattern -- Playwright reads the fixtures a hook uses from this pattern
test.afterEach(({}, testInfo) => keepWhatTheWallShowed(testInfo, screen, kiosk));

test.afterAll(async () => {
  if (kiosk && kiosk.child.exitCode === null) {
    const exited = new Promise((done) => kiosk!.child.once('exit', done));
    kiosk.child.kill('SIGTERM');
    await exited;
  }
  for (const pid of browserPids()) {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      // already gone
    }
  }
  await screen?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

// eslint-disable-next-line no-empty-pattern -- Playwright reads the fixtures a test uses from this pattern
test('the kiosk opens its page as /?display=waiting, and its picture shows the video zone bright and moving', async ({}, testInfo) => {
  const k = kiosk!;
  expect(readFileSync(`/proc/${browserPids()[0]}/cmdline`, 'latin1')).toContain(`--app=${k.url}?display=${DISPLAY}`);
  // The clip is playing: the display reports it.
  await expect.poll(async () => (await status(k)).nowPlaying?.item ?? null, { timeout: 30_000 }).toBe('alpha#0');

  let first: Awaited<ReturnType<typeof lumaPlane>> | null = null;
  await expect
    .poll(
      async () => {
        const shot = await screenshot(k);
        if (shot.status !== 200) return `${shot.status} ${shot.body.toString('utf8')}`;
        expect(shot.type).toBe('image/jpeg');
        first = await lumaPlane(shot.body);
        writeFileSync(testInfo.outputPath('screenshot.jpg'), shot.body);
        return zone(first, VIDEO_ZONE).mean > VIDEO_LUMA_MIN ? 'bright' : `video zone luma ${zone(first, VIDEO_ZONE).mean.toFixed(1)}`;
      },
      { timeout: 30_000, intervals: [1_000] },
    )
    .toBe('bright');
  const picture = first!;
  // The page as composited: the kiosk's window is one pixel larger than the screen each way (kiosk-display.ts).
  expect([picture.width - screen.width, picture.height - screen.height]).toEqual([1, 1]);
  const video = zone(picture, VIDEO_ZONE);
  const rest = zone(picture, { x: 0.7, y: 0.15, w: 0.3, h: 0.75 });
  console.log(`screenshot ${picture.width}×${picture.height}: video zone mean luma ${video.mean.toFixed(1)}, queue zone ${rest.mean.toFixed(1)}`);
  expect(video.mean).toBeGreaterThan(VIDEO_LUMA_MIN);

  // Two seconds later the clip has moved on: the capture is of live frames, not a still.
  await new Promise((resolve) => setTimeout(resolve, 2_000));
  const later = await screenshot(k);
  expect(later.status).toBe(200);
  const second = zone(await lumaPlane(later.body), VIDEO_ZONE);
  const changed = second.values.filter((v, i) => Math.abs(v - video.values[i]!) > 24).length / second.values.length;
  console.log(`video zone: ${(changed * 100).toFixed(1)} % of samples changed by more than 24 in 2 s; luma ${second.mean.toFixed(1)}`);
  expect(second.mean).toBeGreaterThan(VIDEO_LUMA_MIN);
  expect(changed).toBeGreaterThan(0.02);

  // A thumbnail, scaled by the browser.
  const thumb = await screenshot(k, DISPLAY, '?width=320');
  expect(thumb.status).toBe(200);
  console.log(`a full picture: ${later.body.length} bytes in ${later.ms} ms; a 320-px thumbnail: ${thumb.body.length} bytes in ${thumb.ms} ms`);
  const small = await lumaPlane(thumb.body);
  expect(small.width).toBe(320);
  expect(Math.abs(small.height - 180)).toBeLessThanOrEqual(1);
  expect(zone(small, VIDEO_ZONE).mean).toBeGreaterThan(VIDEO_LUMA_MIN);
});

test('without a console session the picture is refused; a display nobody captures is refused with its reason', async () => {
  const k = kiosk!;
  const anonymous = await screenshot(k, DISPLAY, '', {});
  expect(anonymous.status).toBe(401);
  const unknown = await screenshot(k, 'entrance');
  expect(unknown.status).toBe(404);
  expect(JSON.parse(unknown.body.toString('utf8'))).toMatchObject({ reason: 'unknown-display' });
});

test('1,000 requests at once: each a picture or a quick refusal, and the wall plays on', async () => {
  const k = kiosk!;
  const before = await status(k);
  const started = Date.now();
  const widths = ['', '?width=160', '?width=320', '?width=640'];
  const answers = await Promise.all(Array.from({ length: 1000 }, (_, i) => screenshot(k, DISPLAY, widths[i % widths.length])));
  const tookMs = Date.now() - started;
  const counts: Record<string, number> = {};
  for (const a of answers) counts[a.status] = (counts[a.status] ?? 0) + 1;
  const slowest = Math.max(...answers.map((a) => a.ms));
  console.log(`1,000 screenshot requests in ${tookMs} ms: ${JSON.stringify(counts)}; slowest answer ${slowest} ms`);
  expect(Object.keys(counts).filter((s) => !['200', '429', '503'].includes(s))).toEqual([]);
  expect(counts['200']).toBeGreaterThan(0);
  for (const a of answers) if (a.status !== 200) expect(JSON.parse(a.body.toString('utf8')).reason).toMatch(/^(rate-limited|busy)$/);
  // Slowest answer seen: 1.5 s, and 12.6 s with the machine at load average 21 on two cores (where
  // the time went was not traced). A request that hung would run to the test's timeout instead.
  expect(slowest).toBeLessThan(30_000);
  // The display kept sending heartbeats and playing: its last word is newer, the clip still reported, the wall still lit.
  await expect.poll(async () => (await status(k)).displays[0]!.lastSeen, { timeout: 15_000 }).toBeGreaterThan(before.displays[0]!.lastSeen);
  expect((await status(k)).nowPlaying?.item).toBe('alpha#0');
  const luma = await xScreenLuma(screen);
  expect(luma).not.toBeNull();
  expect(luma!).toBeGreaterThan(VIDEO_LUMA_MIN * VIDEO_ZONE.w * VIDEO_ZONE.h * 0.8);
});

test("the console's status page shows the kiosk's thumbnail, with the time it was taken", async ({ page }, testInfo) => {
  const k = kiosk!;
  await page.goto(`${k.url}admin/`);
  await page.getByTestId('signin-password').fill(PASSWORD);
  await page.getByTestId('signin-submit').click();
  await expect(page.getByTestId('signin-page')).toBeHidden();
  const screens = page.getByTestId('status-screens');
  const thumb = screens.locator(`li[data-display="${DISPLAY}"]`).getByTestId('screen-thumb');
  await expect(thumb).toBeVisible({ timeout: 20_000 });
  await expect.poll(() => thumb.evaluate((img) => (img as unknown as { naturalWidth: number }).naturalWidth)).toBe(320);
  await expect(screens.locator(`li[data-display="${DISPLAY}"]`)).toContainText(/拍摄于 \d\d:\d\d:\d\d|taken at \d\d:\d\d:\d\d/);
  // Refreshed while in view: a newer picture replaces the first.
  const first = await thumb.getAttribute('src');
  await expect.poll(() => thumb.getAttribute('src'), { timeout: 15_000 }).not.toBe(first);
  await screens.screenshot({ path: testInfo.outputPath('status-screens.png') });
});

test('a display whose browser left is refused as gone, and pictured again once the kiosk brought it back', async () => {
  const k = kiosk!;
  const [browser] = browserPids();
  expect(browser).toBeDefined();
  process.kill(browser!, 'SIGKILL');
  // Between the browser's exit and the supervisor's relaunch (1 s backoff) the display is gone.
  let gone: { status: number; body: Record<string, unknown> } | null = null;
  const deadline = Date.now() + 10_000;
  while (!gone && Date.now() < deadline) {
    const shot = await screenshot(k);
    if (shot.status === 503) {
      const body = JSON.parse(shot.body.toString('utf8')) as Record<string, unknown>;
      if (body.reason === 'display-gone') gone = { status: shot.status, body };
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  expect(gone).toMatchObject({ status: 503, body: { reason: 'display-gone', error: expect.stringContaining(`display "${DISPLAY}" left at`) } });
  // The supervisor relaunches the browser; its picture is the video again.
  await expect
    .poll(
      async () => {
        const shot = await screenshot(k);
        return shot.status === 200 ? zone(await lumaPlane(shot.body), VIDEO_ZONE).mean > VIDEO_LUMA_MIN : false;
      },
      { timeout: 60_000, intervals: [1_000] },
    )
    .toBe(true);
});
