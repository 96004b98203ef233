/**
 * Logs people can use: the built player (`hallcast serve --state DIR`, bound to the LAN with a
 * token) writes its log and access lines to STATE/logs; `hallcast logs --since 10m` prints them
 * readable, and no token, cookie or session ever reaches the disk, however it was sent;
 * `hallcast logs --follow` prints a line written after it started.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { ROOT, startServeProcess, type ServeProcess } from './serve-process.js';

const TOKEN = 'e2e-tok-7c1d0b9a55f3';
const PASSWORD = 'correct horse battery';

let dir = '';
let server: ServeProcess | null = null;
const children: ChildProcess[] = [];
test.beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'hallcast-logs-'));
});
test.afterEach(async () => {
  for (const child of children.splice(0)) child.kill('SIGKILL');
  await server?.stop();
  server = null;
  rmSync(dir, { recursive: true, force: true });
});

function hallcastLogs(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, ['bin/hallcast.js', 'logs', ...args], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk));
  return new Promise((resolve) => child.once('close', (code) => resolve({ code, stdout, stderr })));
}

/** Everything under STATE/logs, as text. */
function logsOnDisk(state: string): string {
  const folder = path.join(state, 'logs');
  return readdirSync(folder)
    .map((name) => readFileSync(path.join(folder, name), 'utf8'))
    .join('');
}

test('the access log has each request and no secret; hallcast logs --since 10m prints it readable', async () => {
  const state = path.join(dir, 'state');
  server = await startServeProcess(['--playlists', 'e2e/hall', '--assets', 'assets', '--state', state, '--host', '0.0.0.0', '--token', TOKEN], undefined, {
    HALLCAST_ADMIN_PASSWORD: PASSWORD,
  });
  const url = server.url;
  // The token in every place a client can put it: the header, the query (the display socket's
  // way), a cookie; and a console session, whose id comes back in Set-Cookie.
  expect((await fetch(`${url}api/status`, { headers: { authorization: `Bearer ${TOKEN}` } })).status).toBe(200);
  await fetch(`${url}api/health?token=${TOKEN}`);
  await fetch(`${url}ws?token=${TOKEN}`);
  await fetch(`${url}api/timeline`, { headers: { cookie: `token=${TOKEN}; hallcast_session=${TOKEN}` } });
  const login = await fetch(`${url}admin/api/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ password: PASSWORD }) });
  expect(login.status).toBe(200);
  const session = /hallcast_session=([^;]+)/.exec(login.headers.get('set-cookie') ?? '')![1]!;
  const { csrf } = (await login.json()) as { csrf: string };
  await fetch(`${url}admin/api/status`, { headers: { cookie: `hallcast_session=${session}` } });

  await expect.poll(() => logsOnDisk(state), { timeout: 5_000 }).toContain('"route":"/admin/api/login"');
  const onDisk = logsOnDisk(state);
  for (const secret of [TOKEN, session, csrf, PASSWORD]) expect(onDisk).not.toContain(secret);
  expect(onDisk).not.toMatch(/authorization|"cookie"|set-cookie/i);

  const ran = await hallcastLogs(['--state', state, '--since', '10m']);
  expect(ran.code).toBe(0);
  expect(ran.stderr).toBe('');
  for (const secret of [TOKEN, session, csrf]) expect(ran.stdout).not.toContain(secret);
  const lines = ran.stdout.trim().split('\n');
  // One readable line each: local date and time, level, message, fields.
  for (const line of lines) expect(line).toMatch(/^\[\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}\.\d{3}\] (TRACE|DEBUG|INFO|WARN|ERROR|FATAL)/);
  expect(lines.some((l) => l.includes('INFO: player started'))).toBe(true);
  expect(lines.some((l) => /INFO \(http\): GET \/api\/status 200 .*"route":"\/api\/status".*"remote":"127\.0\.0\.1"/.test(l))).toBe(true);
  expect(lines.some((l) => l.includes('GET /api/health?token=[redacted] 200'))).toBe(true);
  expect(lines.some((l) => l.includes('POST /admin/api/login 200'))).toBe(true);
  // The console's polling is debug: not at the default level.
  expect(lines.some((l) => l.includes('GET /admin/api/status'))).toBe(false);

  // --since a time after everything: nothing; a wrong value: one line naming the flag, exit 2.
  const later = await hallcastLogs(['--state', state, '--since', new Date(Date.now() + 60_000).toISOString().slice(0, 19) + 'Z']);
  expect(later).toEqual({ code: 0, stdout: '', stderr: '' });
  const wrong = await hallcastLogs(['--state', state, '--since', 'ten minutes']);
  expect(wrong.code).toBe(2);
  expect(wrong.stderr).toMatch(/^hallcast logs: --since "ten minutes": give a span back from now \(30s, 10m, 2h, 1d\) or a time[^\n]*\n$/);
});

test('hallcast logs --follow prints a line written after it started', async () => {
  const state = path.join(dir, 'state');
  server = await startServeProcess(['--playlists', 'e2e/hall', '--assets', 'assets', '--state', state]);
  await expect.poll(() => logsOnDisk(state), { timeout: 5_000 }).toContain('player started');
  const follow = spawn(process.execPath, ['bin/hallcast.js', 'logs', '--follow', '--state', state], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  children.push(follow);
  let out = '';
  follow.stdout.on('data', (chunk: Buffer) => (out += chunk));
  await expect.poll(() => out, { timeout: 5_000 }).toContain('player started');
  expect(out).not.toContain('/api/announcements');
  // Written after the follower started: a request, so an access line.
  expect((await fetch(`${server.url}api/announcements`)).status).toBe(200);
  await expect.poll(() => out, { timeout: 5_000 }).toMatch(/INFO \(http\): GET \/api\/announcements 200/);
  const ended = new Promise((done) => follow.once('exit', done));
  follow.kill('SIGINT');
  await ended;
  expect(follow.exitCode).toBe(0);
});
