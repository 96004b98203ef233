/**
 * The floor-manager console (/admin, issue 6) in Chromium against `hallcast serve`: a manager signs
 * in, uploads a clip, makes a programme of it and schedules it for the next minute; the screen (a
 * second tab on the same player) switches to it, and back when the change is rolled back from the
 * history. Then the bad input: each refused with the message the manager sees or the API answers,
 * and a refused save leaves the playlist folder byte for byte as it was, with no temporary file.
 * The player runs on the real clock (no --at): the console's pages read the browser's clock too.
 */
import { copyFileSync, existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, request as httpRequest, type Server } from 'node:http';
import { Readable } from 'node:stream';
import path from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { folderPrint, signIn } from './console-api.js';
import { expect, nowPlaying, ROOT, test, waitForProgramme } from './fixtures.js';
import { fillDisk, smallDiskRefusal } from './small-disk.js';

const PASSWORD = 'hall-console-e2e';
/** How far ahead the new entry must start, for the save to land before its minute comes. */
const MARGIN_MS = 12_000;

test.use({ viewport: { width: 1280, height: 800 } });

interface Status {
  programme: { id: string; title: { en?: string } } | null;
  entry: string | null;
  since: number | null;
  playlists: { errors: string[] };
  queue: { now: number } | null;
}

/** Signs in through the page; the console was opened at `hash` (default: the status page). */
async function signInPage(page: Page, url: string, hash = ''): Promise<void> {
  await page.goto(`${url}admin/${hash}`);
  await page.getByTestId('signin-password').fill(PASSWORD);
  await page.getByTestId('signin-submit').click();
  await expect(page.getByTestId('signin-page')).toBeHidden();
}

const saveBar = (page: Page, file: string): Locator => page.getByTestId(`file-${file}`);

/** The schedule's wall clock: "M H" of a cron that fires at `at` in `timeZone`. */
function cronMinute(at: number, timeZone: string): string {
  const parts = new Intl.DateTimeFormat('en-GB', { timeZone, hour: 'numeric', minute: 'numeric', hourCycle: 'h23' }).formatToParts(at);
  const part = (type: string): number => Number(parts.find((p) => p.type === type)!.value);
  return `${part('minute')} ${part('hour')}`;
}

test('a manager uploads a clip, makes a programme of it, schedules it for the next minute; the screen switches, and back after a rollback', async ({ page, context, hall, shot }, testInfo) => {
  test.setTimeout(180_000); // up to 72 s of it waiting for the minute
  const h = await hall({ playlists: path.join(ROOT, 'playlists'), copyAssets: true, adminPassword: PASSWORD });
  // The screen: a second tab on the player's own page, as the hall's display shows it.
  const screen = await context.newPage();
  screen.on('pageerror', (error) => console.log(`[screen page error] ${error.message}`));
  await screen.setViewportSize({ width: 960, height: 540 });
  await screen.goto(h.url);
  const before = (await h.api<Status>('api/status')).programme!.id;
  await waitForProgramme(screen, before);

  // Sign in: a wrong password first.
  await page.goto(`${h.url}admin/`);
  await page.getByTestId('signin-password').fill('not-the-password');
  await page.getByTestId('signin-submit').click();
  await expect(page.getByTestId('signin-error')).toHaveAttribute('data-problem', 'wrong');
  await expect(page.getByTestId('signin-error')).toHaveText('密码错误');
  await page.getByTestId('signin-password').fill(PASSWORD);
  await page.getByTestId('signin-submit').click();
  await expect(page.getByTestId('status-programme')).toHaveAttribute('data-programme', before);
  await shot('console-status');

  // Upload a clip, and a Windows program renamed .mp4 with it.
  const clip = testInfo.outputPath('spring-offers.mp4');
  copyFileSync(path.join(ROOT, 'assets', 'video', 'evening-calm.mp4'), clip);
  const program = testInfo.outputPath('setup.mp4');
  writeFileSync(program, Buffer.concat([Buffer.from('MZ\x90\x00\x03\x00\x00\x00'), Buffer.alloc(4096)]));
  // The page's first listing answers last, as it does when it probes every file after a restart:
  // the list must still end up with the upload in it.
  const listing = /\/admin\/api\/media$/;
  let listed = 0;
  page.on('response', (response) => void (listing.test(response.url()) && listed++));
  let answeredLate = (): void => undefined;
  const lateAnswer = new Promise<void>((resolve) => (answeredLate = resolve));
  await page.route(listing, async (route) => {
    const first = await route.fetch();
    // Held until both uploads' own listings (taken after them) have answered.
    await expect.poll(() => listed, { timeout: 30_000 }).toBe(2);
    await route.fulfill({ response: first });
    answeredLate();
  }, { times: 1 });
  await page.getByTestId('nav-media').click();
  await page.getByTestId('media-upload-input').setInputFiles([clip, program]);
  const done = page.locator('[data-testid="upload-row"][data-name="spring-offers.mp4"]').getByTestId('upload-done');
  await expect(done).toHaveText(/^已上传：library\/[0-9a-f]{16}\.mp4$/);
  await expect(page.locator('[data-testid="upload-row"][data-name="setup.mp4"]').getByTestId('upload-error')).toHaveText(
    '播放器无法播放此文件："setup.mp4" is not an MP4 video: it starts like a Windows program (MZ)',
  );
  const stored = /library\/\S+/.exec(await done.innerText())![0];
  await lateAnswer;
  await page.waitForTimeout(250); // for the page to read the late answer
  await expect(page.getByTestId(`media-item-${stored}`)).toBeVisible();
  expect(readFileSync(path.join(h.assets, stored)).equals(readFileSync(clip))).toBe(true);
  // Nothing of the refused upload is left, not even a hidden temporary file.
  expect(readdirSync(path.join(h.assets, 'library')).sort()).toEqual([path.basename(stored), 'index.json']);
  await shot('console-media');

  // A programme made of it.
  await page.getByTestId('nav-programmes').click();
  await page.getByTestId('programme-new-id').fill('spring-offers');
  await page.getByTestId('programme-new-title-zh').fill('春季优惠');
  await page.getByTestId('programme-new-title-en').fill('Spring offers');
  await page.getByTestId('programme-new-create').click();
  await expect(page.getByTestId('programme-editor')).toBeVisible();
  await page.getByTestId('editor-add-media').click();
  await page.getByTestId(`media-pick-${stored}`).click();
  await page.getByTestId('media-picker-close').click();
  await expect(page.getByTestId('item-0')).toHaveAttribute('data-src', stored);
  await page.getByTestId('save-button').click();
  await expect(page.getByTestId('save-status')).toHaveText('已保存，播放器已重新加载');
  const programme = JSON.parse(readFileSync(path.join(h.playlists, 'programmes', 'spring-offers.json'), 'utf8')) as { items: { src: string }[] };
  expect(programme.items.map((i) => i.src)).toEqual([stored]);
  await shot('console-programme-editor');

  // Scheduled by cron for the next whole minute of the player's clock, for two hours.
  await page.getByTestId('nav-schedule').click();
  await page.getByTestId('entry-new').click();
  const form = page.getByTestId('entry-form');
  await form.getByTestId('entry-id').fill('spring-now');
  await form.getByTestId('entry-programme').selectOption('spring-offers');
  await form.getByTestId('entry-priority').fill('900');
  await form.getByTestId('entry-mode-cron').check();
  await form.getByTestId('entry-end-duration').check();
  await form.getByTestId('entry-duration-hours').fill('2');
  await form.getByTestId('entry-duration-minutes').fill('0');
  const timeZone = (JSON.parse(readFileSync(path.join(h.playlists, 'schedule.json'), 'utf8')) as { timezone: string }).timezone;
  const playerNow = (await h.api<Status>('api/status')).queue!.now;
  let startsAt = Math.ceil(playerNow / 60_000) * 60_000;
  if (startsAt - playerNow < MARGIN_MS) startsAt += 60_000;
  await form.getByTestId('entry-cron').fill(`${cronMinute(startsAt, timeZone)} * * *`);
  await expect(form.getByTestId('entry-cron-reading')).toContainText(new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(startsAt));
  await saveBar(page, 'schedule.json').getByTestId('save-button').click();
  await expect(saveBar(page, 'schedule.json').getByTestId('save-status')).toHaveText('已保存，播放器已重新加载');
  expect(Date.now(), 'saved before the entry starts').toBeLessThan(startsAt);
  const saved = JSON.parse(readFileSync(path.join(h.playlists, 'schedule.json'), 'utf8')) as { entries: { id: string }[] };
  expect(saved.entries.find((e) => e.id === 'spring-now')).toEqual({ id: 'spring-now', programme: 'spring-offers', priority: 900, cron: `${cronMinute(startsAt, timeZone)} * * *`, duration: 'PT2H' });
  await expect(page.locator('[data-testid="week-block"][data-programme="spring-offers"]').first()).toBeVisible();
  await page.getByTestId('entry-done').click();
  await page.evaluate('window.scrollTo(0, 0)'); // the week, with the new entry in it
  await shot('console-schedule');

  await page.getByTestId('nav-announcements').click();
  await expect(page.getByTestId('say-form')).toBeVisible();
  await shot('console-announcements');

  // The minute comes: the screen plays the new programme, the uploaded clip.
  await page.getByTestId('nav-status').click();
  console.log(`[console] waiting ${Math.round((startsAt - Date.now()) / 1000)} s for the entry to start`);
  await waitForProgramme(screen, 'spring-offers', startsAt - Date.now() + 20_000);
  await expect.poll(async () => (await nowPlaying(screen)).item).toBe('spring-offers#0');
  const status = await h.api<Status>('api/status');
  expect({ entry: status.entry, since: status.since }).toEqual({ entry: 'spring-now', since: startsAt });
  await expect(page.getByTestId('status-programme')).toHaveAttribute('data-programme', 'spring-offers');
  await expect(page.getByTestId('status-now-playing')).toContainText('spring-offers#0');
  await shot('console-status-switched');

  // Rolled back from the history: the screen goes back to what the schedule plays without it.
  await page.getByTestId('nav-history').click();
  await page.locator('[data-testid^="history-row-"][data-path="schedule.json"][data-action="save"]').first().click();
  // The first save also lays the hand-written file out as the console writes JSON; show the new entry.
  await page.getByTestId('history-diff').getByText('"id": "spring-now"').scrollIntoViewIfNeeded();
  await shot('console-history');
  await page.getByTestId('history-rollback').click();
  await page.getByTestId('confirm-ok').click();
  await expect(page.getByTestId('history-result')).toHaveText('已恢复 schedule.json，播放器已重新加载');
  await expect.poll(async () => (await h.api<Status>('api/status')).programme?.id).not.toBe('spring-offers');
  const after = (await h.api<Status>('api/status')).programme!.id;
  // The same as before, unless one of the schedule's own boundaries passed during the test.
  console.log(`[console] before: ${before}, after the rollback: ${after}`);
  await waitForProgramme(screen, after);
  await expect(page.locator('[data-testid^="history-row-"][data-action="rollback"]')).toHaveCount(1);
  await screen.close();
});

test('two managers save the same programme at once: one is saved, the other is told and keeps the edit', async ({ page, browser, hall, shot }) => {
  const h = await hall({ adminPassword: PASSWORD });
  const other = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  try {
    const second = await other.newPage();
    const managers = [page, second];
    for (const [i, manager] of managers.entries()) {
      await signInPage(manager, h.url, '#/programmes/alpha');
      await expect(manager.getByTestId('editor-title-en')).toHaveValue('Test programme A');
      await manager.getByTestId('editor-title-en').fill(`Test programme A, edit ${i + 1}`);
    }
    const file = path.join(h.playlists, 'programmes', 'alpha.json');
    const before = folderPrint(h.playlists);
    await Promise.all(managers.map((manager) => manager.getByTestId('save-button').click()));

    const outcome = async (manager: Page): Promise<string> => {
      await expect(manager.getByTestId('save-conflict').or(manager.getByTestId('save-status').getByText('已保存'))).toBeVisible();
      return (await manager.getByTestId('save-conflict').isVisible()) ? 'conflict' : 'saved';
    };
    const outcomes = [await outcome(page), await outcome(second)];
    expect([...outcomes].sort()).toEqual(['conflict', 'saved']);
    const winner = outcomes.indexOf('saved');
    const loser = managers[1 - winner]!;
    await expect(loser.getByTestId('save-conflict')).toContainText('其他人在此期间保存了这个文件。您的修改仍在下方，未丢失。');
    await expect(loser.getByTestId('editor-title-en')).toHaveValue(`Test programme A, edit ${2 - winner}`);
    // On disk: the winner's save and nothing else, no temporary file left.
    expect((JSON.parse(readFileSync(file, 'utf8')) as { title: { en: string } }).title.en).toBe(`Test programme A, edit ${winner + 1}`);
    const after = folderPrint(h.playlists);
    expect(Object.keys(after).sort()).toEqual(Object.keys(before).sort());
    expect(Object.keys(after).filter((f) => after[f] !== before[f])).toEqual(['programmes/alpha.json']);
    const history = (await (await signIn(h.url, PASSWORD)).send<{ entries: { path: string }[] }>('GET', 'admin/api/history')).body.entries;
    expect(history.map((e) => e.path)).toEqual(['programmes/alpha.json']);
    await shot('console-conflict', loser);
  } finally {
    await other.close();
  }
});

test('a session that ran out sends the manager to sign in and back, the unsaved edit kept', async ({ page, hall, shot }) => {
  const h = await hall({ adminPassword: PASSWORD, env: { HALLCAST_ADMIN_SESSION_IDLE_SECONDS: '4' } });
  await signInPage(page, h.url, '#/programmes/alpha');
  await page.getByTestId('editor-title-en').fill('Edited before the session ran out');
  const before = folderPrint(h.playlists);
  await page.waitForTimeout(4500);
  // The editor's background check (every 10 s) may meet the 401 before the save does: either way.
  await page.getByTestId('save-button').click({ timeout: 2000 }).catch(() => undefined);
  await expect(page.getByTestId('signin-error')).toHaveAttribute('data-problem', 'expired');
  await expect(page.getByTestId('signin-error')).toHaveText('登录已过期，请重新登录');
  expect(folderPrint(h.playlists)).toEqual(before);
  await shot('console-signin-expired');
  await page.getByTestId('signin-password').fill(PASSWORD);
  await page.getByTestId('signin-submit').click();
  await expect(page.getByTestId('draft-restored')).toBeVisible();
  await expect(page.getByTestId('editor-title-en')).toHaveValue('Edited before the session ran out');
  await page.getByTestId('save-button').click();
  await expect(page.getByTestId('save-status')).toHaveText('已保存，播放器已重新加载');
  expect((JSON.parse(readFileSync(path.join(h.playlists, 'programmes', 'alpha.json'), 'utf8')) as { title: { en: string } }).title.en).toBe('Edited before the session ran out');
});

test('a save while the disk is full is refused with the message; the file and the screen stay as they were', async ({ page, hall, shot }) => {
  const refused = smallDiskRefusal();
  test.skip(refused !== null, `no small disk here (${refused}); the 507 path is covered in-process by electron/host/services/console's unit tests`);
  const h = await hall({ adminPassword: PASSWORD, playlistsDiskBytes: 256 * 1024 });
  await signInPage(page, h.url, '#/programmes/alpha');
  await page.getByTestId('editor-title-en').fill('Saved on a full disk');
  const filler = path.join(h.playlists, '.filler');
  fillDisk(filler);
  const before = folderPrint(h.playlists);
  await page.getByTestId('save-button').click();
  await expect(page.getByTestId('save-error')).toContainText('磁盘已满，未保存任何内容。请联系管理员清理空间。');
  await expect(page.getByTestId('save-error')).toContainText('the disk is full: nothing was saved');
  expect(folderPrint(h.playlists)).toEqual(before);
  // The player never read a half-written file: the programme in force is the old one, no errors.
  const status = await h.api<Status>('api/status');
  expect({ programme: status.programme?.id, title: status.programme?.title.en, errors: status.playlists.errors }).toEqual({ programme: 'alpha', title: 'Test programme A', errors: [] });
  await shot('console-disk-full');
  // Room again: the same edit, still on screen, saves.
  rmSync(filler);
  await page.getByTestId('save-button').click();
  await expect(page.getByTestId('save-status')).toHaveText('已保存，播放器已重新加载');
  await expect.poll(async () => (await h.api<Status>('api/status')).programme?.title.en).toBe('Saved on a full disk');
});

/**
 * Starts a media upload declaring `declared` bytes and sends its headers. The body, generated only
 * as it is sent, starts after a grace period unless the player has answered from the headers.
 * (Node's client drops an answer that arrives while it is still writing a body the player will
 * not read; Chromium reads it, as the console's own upload shows.)
 */
async function uploadDeclaring(url: string, headers: Record<string, string>, name: string, declared: number): Promise<{ status: number; body: unknown; sent: number }> {
  let sent = 0;
  const body = new Readable({
    read() {
      const chunk = Buffer.alloc(64 * 1024);
      if (sent === 0) chunk.write('\x00\x00\x00\x18ftypmp42', 'latin1');
      sent += chunk.length;
      this.push(sent > declared ? null : chunk);
    },
  });
  return new Promise((resolve, reject) => {
    const request = httpRequest(new URL(`admin/api/media?name=${encodeURIComponent(name)}`, url), {
      method: 'POST',
      headers: { ...headers, 'content-type': 'application/octet-stream', 'content-length': String(declared) },
    });
    const grace = setTimeout(() => body.pipe(request), 2000);
    request.on('error', (error) => reject(new Error(`no answer from the headers alone; ${sent} bytes of the body sent, then ${error.message}`)));
    request.on('response', (response) => {
      clearTimeout(grace);
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => {
        request.destroy();
        resolve({ status: response.statusCode!, body: JSON.parse(Buffer.concat(chunks).toString('utf8')) as unknown, sent });
      });
    });
    request.flushHeaders();
  });
}

test('the API refuses a 2 GB upload, a program named .mp4, and keeps a name with a path as text only', async ({ hall }) => {
  const h = await hall({ adminPassword: PASSWORD, copyAssets: true });
  const manager = await signIn(h.url, PASSWORD);
  const auth = { cookie: manager.cookie, 'x-csrf-token': manager.csrf };
  const library = path.join(h.assets, 'library');
  const assetsBefore = folderPrint(h.assets);

  const big = await uploadDeclaring(h.url, auth, 'hall-tour.mp4', 2 * 1024 ** 3);
  expect(big).toEqual({ status: 413, body: { reason: 'too-large', error: '"hall-tour.mp4" is over the upload limit of 512 MB: nothing was kept', limit: '512 MB' }, sent: 0 });

  const program = Buffer.concat([Buffer.from('MZ\x90\x00\x03\x00\x00\x00', 'latin1'), Buffer.alloc(8192)]);
  const exe = await fetch(new URL('admin/api/media?name=setup.mp4', h.url), { method: 'POST', headers: { ...auth, 'content-type': 'application/octet-stream' }, body: program });
  expect(exe.status).toBe(415);
  expect(await exe.json()).toEqual({ reason: 'unsupported-media', error: '"setup.mp4" is not an MP4 video: it starts like a Windows program (MZ)' });
  expect(folderPrint(h.assets), 'nothing kept of the refused uploads').toEqual(assetsBefore);

  const dirBefore = folderPrint(h.dir);
  const clip = readFileSync(path.join(ROOT, 'assets', 'video', 'hall-welcome.mp4'));
  const traversal = await fetch(new URL(`admin/api/media?name=${encodeURIComponent('../../x.mp4')}`, h.url), { method: 'POST', headers: { ...auth, 'content-type': 'video/mp4' }, body: clip });
  expect(traversal.status).toBe(201);
  const item = (await traversal.json()) as { path: string; name: string };
  expect(item).toMatchObject({ path: expect.stringMatching(/^library\/[0-9a-f]{16}\.mp4$/), name: 'x.mp4' });
  // Kept under its hash in the library, the name only as text in index.json: nothing else written,
  // neither where the name points (../../ from the library or the media folder) nor anywhere else.
  const written = Object.keys(folderPrint(h.dir)).filter((f) => !(f in dirBefore) && !f.startsWith('state/'));
  expect(written.sort()).toEqual([`assets/${item.path}`, 'assets/library/index.json']);
  for (const from of [library, h.assets]) expect(existsSync(path.resolve(from, '../../x.mp4'))).toBe(false);
  expect(readFileSync(path.join(h.assets, item.path)).equals(clip)).toBe(true);
  expect((JSON.parse(readFileSync(path.join(library, 'index.json'), 'utf8')) as { files: Record<string, { name: string }> }).files[item.path]?.name).toBe('x.mp4');
});

/** Serves one page from another origin (another port of this machine: the same site, so the
 * console's SameSite=Strict cookie goes along, and only the Origin check and CSRF token stop it). */
async function foreignSite(html: string): Promise<{ url: string; server: Server }> {
  const server = createServer((_request, response) => response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(html));
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const address = server.address();
  return { url: `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/`, server };
}

test('a video the screens cannot decode (HEVC) is refused at upload with the reason and the ffmpeg fix', async ({ page, hall }) => {
  const h = await hall({ adminPassword: PASSWORD, copyAssets: true });
  const assetsBefore = folderPrint(h.assets);
  await page.goto(`${h.url}admin/`);
  await page.getByTestId('signin-password').fill(PASSWORD);
  await page.getByTestId('signin-submit').click();
  await expect(page.getByTestId('status-page')).toBeVisible();
  // No screen is open: the status page says the hall cannot hear the PA now, and why.
  await expect(page.getByTestId('pa-reach')).toHaveAttribute('data-can-speak', 'false');
  await expect(page.getByTestId('pa-reach')).toContainText('no display');
  await page.getByTestId('nav-media').click();
  // A real H.265 clip (1 s, 320×180, tagged hvc1 as Apple devices write it), made with Debian's ffmpeg.
  await page.getByTestId('media-upload-input').setInputFiles(path.join(ROOT, 'e2e', 'media', 'hevc-clip.mp4'));
  await expect(page.locator('[data-testid="upload-row"][data-name="hevc-clip.mp4"]').getByTestId('upload-error')).toHaveText(
    '播放器无法播放此文件："hevc-clip.mp4" is HEVC (H.265) video, which the hall\'s screens cannot decode: re-encode it to H.264 ' +
      '(ffmpeg -i "hevc-clip.mp4" -c:v libx264 -pix_fmt yuv420p -c:a aac "hevc-clip-h264.mp4") or VP9 ' +
      '(ffmpeg -i "hevc-clip.mp4" -c:v libvpx-vp9 -b:v 0 -crf 32 -c:a libopus "hevc-clip-vp9.webm"), then upload that',
  );
  const written = Object.keys(folderPrint(h.assets)).filter((f) => !(f in assetsBefore));
  expect(written, 'nothing kept of the refused upload, not even a hidden temporary file').toEqual([]);
});

test('every mutating console route refuses a request without a session, without the CSRF token, or from another origin', async ({ page, hall }) => {
  const h = await hall({ adminPassword: PASSWORD, copyAssets: true });
  const manager = await signIn(h.url, PASSWORD);
  // One real change first, so that a rollback would have something to undo.
  const schedule = await manager.send<{ version: string; content: { default: string } }>('GET', 'admin/api/files/schedule.json');
  const saved = await manager.send<{ history: string; version: string }>('PUT', 'admin/api/files/schedule.json', { content: { ...schedule.body.content, default: 'beta' }, baseVersion: schedule.body.version });
  expect(saved.status).toBe(200);
  const alpha = await manager.send<{ version: string; content: unknown }>('GET', 'admin/api/files/programmes/alpha.json');
  const ticker = await manager.send<{ version: string }>('GET', 'admin/api/files/ticker.json');
  // The mutating routes of electron/host/services/console/README.md, each with a request that goes through with
  // the session and its token (shown at the end, sign-out last): only the access checks stop them.
  // (The unit test admin-routes.test.ts walks the routes as the app registered them.)
  const routes: { method: string; route: string; body?: unknown; raw?: Buffer; status: number }[] = [
    { method: 'POST', route: 'admin/api/announce', body: { text: '测试广播' }, status: 202 },
    { method: 'POST', route: 'admin/api/media?name=slide.jpg', raw: readFileSync(path.join(ROOT, 'assets', 'images', 'idle-branding.jpg')), status: 201 },
    { method: 'DELETE', route: 'admin/api/media/video/broadband.webm', status: 200 },
    { method: 'PUT', route: 'admin/api/files/programmes/alpha.json', body: { content: alpha.body.content, baseVersion: alpha.body.version }, status: 200 },
    { method: 'DELETE', route: 'admin/api/files/ticker.json', body: { baseVersion: ticker.body.version }, status: 200 },
    { method: 'POST', route: `admin/api/history/${saved.body.history}/rollback`, body: {}, status: 200 },
    { method: 'POST', route: 'admin/api/logout', body: {}, status: 200 },
  ];
  const send = async (method: string, route: string, headers: Record<string, string>, body?: unknown, raw?: Buffer) => {
    const response = await fetch(new URL(route, h.url), {
      method,
      headers: { ...headers, ...(raw ? { 'content-type': 'application/octet-stream' } : body !== undefined ? { 'content-type': 'application/json' } : {}) },
      body: raw ?? (body === undefined ? undefined : JSON.stringify(body)),
    });
    return { status: response.status, error: ((await response.json()) as { error?: string }).error };
  };
  const before = { playlists: folderPrint(h.playlists), assets: folderPrint(h.assets) };
  const session = { cookie: manager.cookie, 'x-csrf-token': manager.csrf };
  for (const { method, route, body, raw } of routes) {
    const what = `${method} ${route}`;
    expect({ what, ...(await send(method, route, {}, body, raw)) }).toEqual({ what, status: 401, error: 'not signed in: sign in to the console first (POST /admin/api/login)' });
    expect({ what, ...(await send(method, route, { cookie: manager.cookie }, body, raw)) }).toEqual({
      what,
      status: 403,
      error: 'missing or wrong X-CSRF-Token: send the csrf value that sign-in (or GET /admin/api/session) gave',
    });
    expect({ what, ...(await send(method, route, { ...session, origin: 'http://evil.example' }, body, raw)) }).toEqual({ what, status: 403, error: 'requests from http://evil.example may not drive the player' });
  }
  // Sign-in answers anyone, but not a page of another origin.
  expect(await send('POST', 'admin/api/login', { origin: 'http://evil.example' }, { password: PASSWORD })).toEqual({ status: 403, error: 'requests from http://evil.example may not drive the player' });

  // A forged request from a real page of another origin, in the manager's signed-in browser.
  await signInPage(page, h.url);
  const target = new URL('admin/api/announce', h.url).href;
  const evil = await foreignSite(`<!doctype html><title>prize</title>
    <form method="post" enctype="text/plain" action="${target}"><input name='{"text": "伪造的广播", "x": "' value='"}'></form>
    <script>document.forms[0].submit()</script>`);
  try {
    const forged = page.waitForResponse(target);
    await page.goto(evil.url);
    const response = await forged;
    const sent = await response.request().allHeaders();
    expect({ status: response.status(), origin: sent['origin'], cookie: /hallcast_session=/.test(sent['cookie'] ?? '') }).toEqual({ status: 403, origin: evil.url.slice(0, -1), cookie: true });
    await expect(page.locator('body')).toHaveText(JSON.stringify({ error: `requests from ${evil.url.slice(0, -1)} may not drive the player` }));
  } finally {
    evil.server.close();
  }

  // Nothing got through: no file, no media, no history, no announcement; the session still open.
  expect({ playlists: folderPrint(h.playlists), assets: folderPrint(h.assets) }).toEqual(before);
  expect((await manager.send<{ entries: unknown[] }>('GET', 'admin/api/history')).body.entries).toHaveLength(1);
  expect(await h.api('api/announcements')).toMatchObject({ current: null, pending: [], recent: [] });
  expect((await manager.send('GET', 'admin/api/session')).body).toMatchObject({ signedIn: true });

  // The same requests, sent as the console sends them, go through.
  for (const { method, route, body, raw, status } of routes) {
    const what = `${method} ${route}`;
    expect({ what, status: (await send(method, route, session, body, raw)).status }).toEqual({ what, status });
  }
  expect((await manager.send('GET', 'admin/api/session')).body).toMatchObject({ signedIn: false });
});
