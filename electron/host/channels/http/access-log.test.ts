import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openPlayerLog, type PlayerLog } from '../../services/log/player-log.js';
import { accessLevel, redactedUrl } from './access-log.js';
import { consoleHall, type ConsoleHall } from './console/console-hall.test-support.js';

const TOKEN = 'tok-3f9a1c77e2-API';
const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

/** A player beyond loopback, with the token, its access log into a state folder and an array. */
async function loggedHall(): Promise<{ hall: ConsoleHall; log: PlayerLog; terminal: string[]; state: string }> {
  const state = mkdtempSync(path.join(tmpdir(), 'hallcast-access-'));
  cleanups.push(() => rmSync(state, { recursive: true, force: true }));
  const terminal: string[] = [];
  const log = openPlayerLog({ level: 'debug', stateDir: state, pretty: false, stdout: (t) => terminal.push(t), stderr: (t) => terminal.push(t) });
  cleanups.push(() => log.close());
  const hall = await consoleHall({ bindAddress: '0.0.0.0', token: TOKEN, logger: log.logger });
  cleanups.push(() => hall.close());
  return { hall, log, terminal, state };
}

const LAN = { host: '192.168.1.20:8080' };

describe('HTTP access log', () => {
  it('logs each request (method, route, status, time, remote) and no token, cookie or session in any place it can be sent', async () => {
    const { hall, terminal, state } = await loggedHall();
    const remoteAddress = '192.168.1.77';
    const byHeader = await hall.app.inject({ method: 'GET', url: '/api/status', headers: { ...LAN, authorization: `Bearer ${TOKEN}` }, remoteAddress });
    expect(byHeader.statusCode).toBe(200);
    await hall.app.inject({ method: 'GET', url: `/api/health?token=${TOKEN}&x=1`, headers: LAN, remoteAddress });
    await hall.app.inject({ method: 'GET', url: `/ws?token=${TOKEN}`, headers: LAN, remoteAddress });
    await hall.app.inject({ method: 'GET', url: '/api/health', headers: { ...LAN, cookie: `hallcast_session=${TOKEN}; other=${TOKEN}` }, remoteAddress });
    // A sign-in answers with a session cookie (Set-Cookie); its id must not reach the log either.
    const { cookie, csrf, headers } = await hall.signIn(remoteAddress);
    const session = cookie.split('=')[1]!;
    await hall.app.inject({ method: 'GET', url: '/admin/api/status', headers, remoteAddress });
    await hall.app.inject({ method: 'POST', url: '/api/reload', headers: { ...LAN, authorization: `Bearer ${TOKEN}` }, remoteAddress });

    const files = readdirSync(path.join(state, 'logs'));
    const onDisk = files.map((f) => readFileSync(path.join(state, 'logs', f), 'utf8')).join('');
    const everything = terminal.join('') + onDisk;
    for (const secret of [TOKEN, session, csrf]) expect(everything).not.toContain(secret);
    expect(everything).not.toMatch(/authorization|cookie/i);

    const access = onDisk
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { level: number; access?: Record<string, unknown>; msg: string })
      .filter((line) => line.access);
    expect(access.map((line) => line.msg)).toEqual([
      'GET /api/status 200',
      // From another machine the API takes the token in the header only: these two are refused.
      'GET /api/health?token=[redacted]&x=1 401',
      'GET /ws?token=[redacted] 404',
      'GET /api/health 401',
      'POST /admin/api/login 200',
      'GET /admin/api/status 200',
      'POST /api/reload 200',
    ]);
    expect(access[0]!.access).toEqual({ method: 'GET', route: '/api/status', url: '/api/status', status: 200, ms: expect.any(Number), remote: remoteAddress });
    // The console's polling is debug; the API and changes are info.
    expect(access.map((line) => line.level)).toEqual([30, 30, 30, 30, 30, 20, 30]);
  });

  it('logs a display socket the guard let through (101), its token redacted, and none of its frames', async () => {
    const { hall, state } = await loggedHall();
    await hall.app.ready();
    const context = { headers: { ...LAN, authorization: `Bearer ${TOKEN}` }, socket: { remoteAddress: '192.168.1.77' } } as never;
    const display = await hall.app.injectWS(`/ws?display=lobby&token=${TOKEN}`, context);
    display.send(JSON.stringify({ type: 'hello', hello: { shell: 'chromium', width: 1920, height: 1080, userAgent: 'test' } }));
    for (let n = 0; n < 20; n++) display.send(JSON.stringify({ type: 'heartbeat', heartbeat: { at: n } }));
    await new Promise((resolve) => setTimeout(resolve, 100));
    display.terminate();
    const onDisk = readFileSync(path.join(state, 'logs', 'player.log'), 'utf8');
    expect(onDisk).not.toContain(TOKEN);
    const access = onDisk.split('\n').filter((l) => l.includes('"access"'));
    expect(access).toHaveLength(1);
    expect(JSON.parse(access[0]!)).toMatchObject({ level: 30, msg: 'GET /ws?display=lobby&token=[redacted] 101', access: { route: '/ws', status: 101, remote: '192.168.1.77' } });
    expect(onDisk).not.toContain('heartbeat');
  });

  it('says nothing of requests at the default level when they are pages, media or the console polling', () => {
    expect(accessLevel({ method: 'GET', route: '/media/*', status: 206 })).toBe('debug');
    expect(accessLevel({ method: 'GET', route: '/*', status: 200 })).toBe('debug');
    expect(accessLevel({ method: 'GET', route: '/admin/api/status', status: 200 })).toBe('debug');
    expect(accessLevel({ method: 'PUT', route: '/admin/api/files/*', status: 200 })).toBe('info');
    expect(accessLevel({ method: 'GET', route: '/media/*', status: 404 })).toBe('info');
    expect(accessLevel({ method: 'GET', route: null, status: 404 })).toBe('info');
    expect(accessLevel({ method: 'GET', route: '/api/status', status: 500 })).toBe('error');
  });

  it('redacts secrets in the query however they are spelled, and leaves the rest', () => {
    expect(redactedUrl('/ws?display=hall&token=abc')).toBe('/ws?display=hall&token=[redacted]');
    expect(redactedUrl('/ws?TOKEN=abc&%74oken=def')).toBe('/ws?TOKEN=[redacted]&%74oken=[redacted]');
    expect(redactedUrl('/x?access_token=a&password=b&api-secret=c')).toBe('/x?access_token=[redacted]&password=[redacted]&api-secret=[redacted]');
    expect(redactedUrl('/api/status')).toBe('/api/status');
    expect(redactedUrl('/a?b=%zz&token')).toBe('/a?b=%zz&token=[redacted]');
  });
});
