/**
 * Fault: password guessing from many addresses at once. While a display plays the hall, hundreds
 * of sign-in attempts arrive from 120 source addresses (127.0.0.x: X-Forwarded-For is not trusted,
 * so each is a real peer address), with the real scrypt cost. Media must keep coming as fast as
 * ever (every fetch well under a display's load timeout), the picture must never blank, and every
 * refused attempt must be counted in /api/status → health (`dropped-reports`).
 */
import { spawn } from 'node:child_process';
import { expect, nowPlaying, test, waitForProgramme } from '../fixtures.js';
import { BLANK_LUMA, LOAD_TIMEOUT_MS, screenLuma } from './picture.js';
import { expectPicturePlayedOn, SHOT_TIMEOUT_MS, watchWall } from './picture-held.js';

const PASSWORD = 'correct horse battery staple';
const ADDRESSES = 120;
const ATTEMPTS_PER_ADDRESS = 4;
const AT_ONCE = 10;
/**
 * Longest a media fetch may take during the burst: under a display's load timeout with room. The
 * old code took 18–83 s. On the shared 2-core test machine (load ~30) any request flood, scrypt
 * or not, adds seconds of its own (a flood of POST /api/reload: up to 7 s), so the bound is not 2 s.
 */
const MEDIA_BOUND_MS = LOAD_TIMEOUT_MS * 0.8;

test.describe.configure({ timeout: 120_000 });

/**
 * The guessers, in a process of their own as another machine would be (their sockets must not
 * share the measuring process's event loop): reads { port, attempts: [address…], atOnce } on
 * stdin, sends one wrong password per entry from that source address, prints { status: count }.
 */
const GUESSERS = `
import { spawn } from 'node:child_process';
let input = '';
for await (const chunk of process.stdin) input += chunk;
const { port, attempts, atOnce } = JSON.parse(input);
const statuses = {};
const signIn = (localAddress, password) => new Promise((resolve) => {
  const body = JSON.stringify({ password });
  const request = http.request({ host: '127.0.0.1', port, method: 'POST', path: '/admin/api/login', localAddress, agent: false, timeout: 20000,
    headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), host: '127.0.0.1:' + port } }, (response) => {
    response.resume();
    response.on('end', () => resolve(response.statusCode));
  });
  request.on('timeout', () => request.destroy());
  request.on('error', () => resolve(0));
  request.end(body);
});
let next = 0;
await Promise.all(Array.from({ length: atOnce }, async () => {
  while (next < attempts.length) {
    const i = next++;
    const status = await signIn(attempts[i], 'guess ' + i);
    statuses[status] = (statuses[status] ?? 0) + 1;
  }
}));
process.stdout.write(JSON.stringify(statuses));
`;

function guess(port: number, attempts: string[], atOnce: number): Promise<Record<string, number>> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--input-type=module', '-e', GUESSERS], { stdio: ['pipe', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk));
    // Bounded: a burst the player cannot get through in 90 s is a failure in itself.
    const timer = setTimeout(() => child.kill('SIGKILL'), 90_000);
    child.on('close', (code) => {
      clearTimeout(timer);
      if (code === 0) resolve(JSON.parse(out) as Record<string, number>);
      else reject(new Error(`the guessers did not finish within 90 s (exit ${code})`));
    });
    child.stdin.end(JSON.stringify({ port, attempts, atOnce }));
  });
}

/** Fetches `path` whole; resolves with how long it took (ms), or the bound's 30 s when it never came. */
async function timedFetch(url: URL, path: string, range: string): Promise<number> {
  const started = performance.now();
  try {
    const response = await fetch(new URL(path, url), { headers: { range }, signal: AbortSignal.timeout(30_000) });
    await response.arrayBuffer();
    if (response.status !== 206 && response.status !== 200) throw new Error(`${path}: ${response.status}`);
  } catch {
    return 30_000;
  }
  return performance.now() - started;
}

test('a burst of password guesses from many addresses never slows media or the picture, and each refusal is counted', async ({ page, hall, shot }) => {
  const h = await hall({ at: '2026-12-01T10:00:00Z', adminPassword: PASSWORD });
  const url = new URL(h.url);
  await page.goto(h.url);
  await waitForProgramme(page, 'alpha');
  const before = await nowPlaying(page);
  const baseline = await timedFetch(url, '/media/video/hall-welcome.mp4', 'bytes=0-262143');
  const skipped = () => h.proofOfPlay().filter((r) => r.event === 'skipped');
  const skippedBefore = skipped().length;
  const watch = watchWall(page);

  // The guessers: ATTEMPTS_PER_ADDRESS wrong passwords from each address, AT_ONCE in flight.
  const attempts = Array.from({ length: ADDRESSES * ATTEMPTS_PER_ADDRESS }, (_, i) => `127.0.0.${2 + (i % ADDRESSES)}`);
  let burstOver = false;
  const guessers = guess(Number(url.port), attempts, AT_ONCE).finally(() => (burstOver = true));

  // The display's side: media fetched back to back while the burst lasts.
  const latencies: number[] = [];
  const files = ['/media/video/hall-welcome.mp4', '/media/video/self-service-guide.webm', '/media/images/slide-services.jpg'];
  const measuring = Date.now();
  while (!burstOver && Date.now() - measuring < 45_000) {
    latencies.push(await timedFetch(url, files[latencies.length % files.length]!, 'bytes=0-262143'));
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  console.log(`media during the burst (${((Date.now() - measuring) / 1000).toFixed(1)} s): baseline ${baseline.toFixed(0)} ms, then ${latencies.map((l) => l.toFixed(0)).join(' ')} ms`);
  expect(burstOver, 'the burst lasted over 45 s').toBe(true);
  expect(latencies.length).toBeGreaterThan(3);
  expect(Math.max(...latencies)).toBeLessThan(MEDIA_BOUND_MS);
  const statuses = await guessers;
  const samples = await watch.stop();
  await shot('after-password-burst');

  const refused = (statuses['429'] ?? 0) + (statuses['503'] ?? 0);
  console.log(`password burst: ${attempts.length} attempts from ${ADDRESSES} addresses → ${JSON.stringify(statuses)}`);
  expect(statuses['200'] ?? 0).toBe(0);
  expect(refused).toBeGreaterThan(attempts.length / 2);

  // Every refusal is counted (the log gets one line per 10 s; the count follows within that).
  await expect
    .poll(async () => (await h.api<{ health: { classes: Record<string, { count: number }> } }>('/api/status')).health.classes['dropped-reports']!.count, { timeout: 15_000 })
    .toBe(refused);
  // No item was skipped because its media came too late.
  expect(skipped().slice(skippedBefore)).toEqual([]);
  expectPicturePlayedOn(samples, before, await nowPlaying(page));
  expect(await screenLuma(page, SHOT_TIMEOUT_MS)).toBeGreaterThan(BLANK_LUMA);
});
