import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { CHEAP_SCRYPT, consoleHall, LOCAL, PASSWORD, type ConsoleHall } from './console-hall.test-support.js';

const halls: ConsoleHall[] = [];
afterEach(async () => {
  for (const hall of halls.splice(0)) await hall.close();
});
async function setup(...args: Parameters<typeof consoleHall>): Promise<ConsoleHall> {
  const hall = await consoleHall(...args);
  halls.push(hall);
  return hall;
}

const MUTATING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
/** A concrete address for a registered route pattern. */
const concrete = (url: string): string => url.replace('*', 'programmes/morning.json').replace(':id', '20261201T021700000Z-0001');

describe('console access', () => {
  it('is closed with the fix until a password is set; the session probe says so', async () => {
    const { app } = await setup({ adminPassword: null });
    const routes = app.consoleRoutes.filter((r) => r.method !== 'HEAD' && r.url !== '/admin/ws');
    expect(routes.length).toBeGreaterThan(15);
    for (const route of routes) {
      const response = await app.inject({ method: route.method as 'GET', url: concrete(route.url), headers: LOCAL });
      if (route.method === 'GET' && route.url === '/admin/api/session') {
        expect(response.json()).toEqual({ signedIn: false, passwordSet: false });
      } else {
        expect({ route, status: response.statusCode, body: response.json() }).toEqual({ route, status: 503, body: { error: 'the console has no password yet: run hallcast admin-password' } });
      }
    }
  });

  it('signs in with the password: a session cookie for /admin only, and a CSRF token', async () => {
    const { app, time } = await setup();
    const response = await app.inject({ method: 'POST', url: '/admin/api/login', headers: LOCAL, payload: { password: PASSWORD } });
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body).toEqual({ csrf: expect.stringMatching(/^[\w-]{43}$/), expiresAt: time.now() + 30 * 60_000 });
    const cookie = String(response.headers['set-cookie']);
    expect(cookie).toMatch(/^hallcast_session=[\w-]{43}; Max-Age=43200; Path=\/admin; HttpOnly; SameSite=Strict$/);
    const session = await app.inject({ method: 'GET', url: '/admin/api/session', headers: { ...LOCAL, cookie: cookie.split(';')[0]! } });
    expect(session.json()).toEqual({ signedIn: true, passwordSet: true, csrf: body.csrf, expiresAt: time.now() + 30 * 60_000 });
  });

  it('answers a wrong password with 401, and the sixth failure from one address with 429 and Retry-After', async () => {
    const { app, time } = await setup();
    const attempt = (password: string, remoteAddress = '192.168.1.50') => app.inject({ method: 'POST', url: '/admin/api/login', headers: LOCAL, remoteAddress, payload: { password } });
    for (let i = 0; i < 5; i++) {
      const wrong = await attempt(`guess ${i}`);
      expect(wrong.statusCode).toBe(401);
      expect(wrong.json()).toEqual({ error: 'wrong password' });
      time.advance(1000);
    }
    const locked = await attempt(PASSWORD);
    expect(locked.statusCode).toBe(429);
    expect(locked.headers['retry-after']).toBe('295');
    expect(locked.json().error).toBe('too many wrong passwords from this address: try again in 5 minutes');
    // Another address is not locked out, and its success does not unlock the first.
    expect((await attempt(PASSWORD, '192.168.1.51')).statusCode).toBe(200);
    expect((await attempt(PASSWORD)).statusCode).toBe(429);
    time.advance(295_000);
    expect((await attempt(PASSWORD)).statusCode).toBe(200);
  });

  it('counts guesses sent in parallel, so they cannot slip past the limit together', async () => {
    const { app } = await setup();
    const guesses = await Promise.all(
      Array.from({ length: 20 }, (_, i) => app.inject({ method: 'POST', url: '/admin/api/login', headers: LOCAL, remoteAddress: '192.168.1.60', payload: { password: `guess ${i}` } })),
    );
    expect(guesses.filter((r) => r.statusCode === 401)).toHaveLength(5);
    expect(guesses.filter((r) => r.statusCode === 429)).toHaveLength(15);
  });

  it('ends a session after 30 idle minutes (401 "session expired")', async () => {
    const hall = await setup();
    const { headers } = await hall.signIn();
    hall.time.advance(29 * 60_000);
    expect((await hall.app.inject({ method: 'GET', url: '/admin/api/files', headers })).statusCode).toBe(200);
    hall.time.advance(29 * 60_000);
    expect((await hall.app.inject({ method: 'GET', url: '/admin/api/files', headers })).statusCode).toBe(200);
    hall.time.advance(30 * 60_000);
    const expired = await hall.app.inject({ method: 'GET', url: '/admin/api/files', headers });
    expect(expired.statusCode).toBe(401);
    expect(expired.json()).toEqual({ error: 'session expired: sign in again' });
  });

  it('ends a session after a shorter idle time when told (HALLCAST_ADMIN_SESSION_IDLE_SECONDS)', async () => {
    const hall = await setup({ adminTuning: { scryptCost: CHEAP_SCRYPT, ffprobe: null, sessionIdleMs: 5000 } });
    const login = await hall.app.inject({ method: 'POST', url: '/admin/api/login', headers: LOCAL, payload: { password: PASSWORD } });
    expect(login.json().expiresAt).toBe(hall.time.now() + 5000);
    const headers = { ...LOCAL, cookie: String(login.headers['set-cookie']).split(';')[0]! };
    hall.time.advance(4000);
    expect((await hall.app.inject({ method: 'GET', url: '/admin/api/files', headers })).statusCode).toBe(200);
    hall.time.advance(5000);
    const expired = await hall.app.inject({ method: 'GET', url: '/admin/api/files', headers });
    expect(expired.statusCode).toBe(401);
    expect(expired.json()).toEqual({ error: 'session expired: sign in again' });
  });

  it('takes 30 wrong passwords a minute from all addresses together, then 429 for everyone, counted in health', async () => {
    const { app, time, host } = await setup();
    const attempt = (remoteAddress: string, password = 'guess') => app.inject({ method: 'POST', url: '/admin/api/login', headers: LOCAL, remoteAddress, payload: { password } });
    for (let n = 0; n < 30; n++) expect((await attempt(`10.231.1.${n + 2}`)).statusCode).toBe(401);
    const shut = await attempt('10.231.2.2', PASSWORD);
    expect(shut.statusCode).toBe(429);
    expect(shut.headers['retry-after']).toBe('60');
    expect(shut.json().error).toBe('too many wrong passwords on this player: try again in 1 minute');
    expect(host.health.view().classes['dropped-reports']).toMatchObject({ count: 1, last: { fields: { source: 'sign-in', reason: 'too many wrong passwords' } } });
    time.advance(60_000);
    expect((await attempt('10.231.2.2', PASSWORD)).statusCode).toBe(200);
  });

  it('checks one password at a time with four waiting; more at once get 503 and Retry-After at once, counted in health', async () => {
    // A dearer scrypt, so the first check is still running when the tenth request arrives.
    const { app, host } = await setup({ adminTuning: { scryptCost: { N: 2 ** 14, r: 8, p: 1 }, ffprobe: null } });
    const answers = await Promise.all(Array.from({ length: 10 }, (_, n) => app.inject({ method: 'POST', url: '/admin/api/login', headers: LOCAL, remoteAddress: `10.231.1.${n + 2}`, payload: { password: `guess ${n}` } })));
    const statuses = answers.map((a) => a.statusCode).sort();
    expect(statuses).toEqual([401, 401, 401, 401, 401, 503, 503, 503, 503, 503]);
    const busy = answers.find((a) => a.statusCode === 503)!;
    expect(busy.headers['retry-after']).toBe('2');
    expect(busy.json()).toEqual({ error: 'too many sign-ins at once: try again in 2 seconds' });
    await app.close();
    expect(host.health.view().classes['dropped-reports'].count).toBe(5);
  });

  it('ends a session on sign-out', async () => {
    const hall = await setup();
    const { headers } = await hall.signIn();
    const out = await hall.app.inject({ method: 'POST', url: '/admin/api/logout', headers });
    expect(out.statusCode).toBe(200);
    expect(String(out.headers['set-cookie'])).toMatch(/^hallcast_session=; Max-Age=0; Path=\/admin; Expires=Thu, 01 Jan 1970 00:00:00 GMT; HttpOnly; SameSite=Strict$/);
    expect((await hall.app.inject({ method: 'GET', url: '/admin/api/files', headers })).statusCode).toBe(401);
  });

  it('refuses every mutating console route, as registered, without a session, without CSRF, and from a foreign Origin', async () => {
    const hall = await setup();
    const { app } = hall;
    const { headers } = await hall.signIn();
    const mutating = app.consoleRoutes.filter((r) => MUTATING.has(r.method));
    // The list is the app's own; these must be among it, or the walk proves nothing.
    expect(mutating.map((r) => `${r.method} ${r.url}`)).toEqual(
      expect.arrayContaining(['POST /admin/api/login', 'POST /admin/api/logout', 'PUT /admin/api/files/*', 'DELETE /admin/api/files/*', 'POST /admin/api/history/:id/rollback', 'POST /admin/api/media', 'DELETE /admin/api/media/*', 'POST /admin/api/announce']),
    );
    for (const route of mutating) {
      const request = { method: route.method as 'POST', url: concrete(route.url), payload: { baseVersion: null, content: {} } };
      const foreign = await app.inject({ ...request, headers: { ...headers, origin: 'http://evil.example' } });
      expect({ route: route.url, status: foreign.statusCode }).toEqual({ route: route.url, status: 403 });
      if (route.open) continue;
      const anonymous = await app.inject({ ...request, headers: LOCAL });
      expect({ route: route.url, status: anonymous.statusCode }).toEqual({ route: route.url, status: 401 });
      const noCsrf = Object.fromEntries(Object.entries(headers).filter(([name]) => name !== 'x-csrf-token'));
      const forged = await app.inject({ ...request, headers: noCsrf });
      expect({ route: route.url, status: forged.statusCode }).toEqual({ route: route.url, status: 403 });
      const wrongCsrf = await app.inject({ ...request, headers: { ...headers, 'x-csrf-token': 'x'.repeat(43) } });
      expect({ route: route.url, status: wrongCsrf.statusCode }).toEqual({ route: route.url, status: 403 });
    }
    // None of them got through: the session was not even signed out.
    expect((await app.inject({ method: 'GET', url: '/admin/api/session', headers })).json()).toMatchObject({ signedIn: true });
    expect(app.consoleRoutes.filter((r) => r.open).map((r) => `${r.method} ${r.url}`).sort()).toEqual(['GET /admin/api/session', 'HEAD /admin/api/session', 'POST /admin/api/login']);
  });

  it('refuses every reading console route without a session', async () => {
    const { app } = await setup();
    for (const route of app.consoleRoutes.filter((r) => r.method === 'GET' && !r.open && r.url !== '/admin/ws')) {
      const response = await app.inject({ method: 'GET', url: concrete(route.url), headers: LOCAL });
      expect({ route: route.url, status: response.statusCode }).toEqual({ route: route.url, status: 401 });
    }
  });

  it('lets this machine in without signing in when admin.json says so, with a CSRF token all the same', async () => {
    const { app } = await setup({ bindAddress: '0.0.0.0', token: 's3cret' }, (root) => {
      mkdirSync(path.join(root, 'state'), { recursive: true });
      writeFileSync(path.join(root, 'state', 'admin.json'), JSON.stringify({ loopbackWithoutSignIn: true }));
    });
    const lan = { host: '192.168.1.20:8080' };
    const session = (await app.inject({ method: 'GET', url: '/admin/api/session', headers: lan })).json();
    expect(session).toEqual({ signedIn: true, passwordSet: true, csrf: expect.any(String), loopback: true });
    expect((await app.inject({ method: 'GET', url: '/admin/api/files', headers: lan })).statusCode).toBe(200);
    expect((await app.inject({ method: 'POST', url: '/admin/api/announce', headers: lan, payload: {} })).statusCode).toBe(403);
    expect((await app.inject({ method: 'POST', url: '/admin/api/announce', headers: { ...lan, 'x-csrf-token': session.csrf }, payload: {} })).statusCode).toBe(400);
    // Another machine on the LAN still needs a session.
    expect((await app.inject({ method: 'GET', url: '/admin/api/files', headers: lan, remoteAddress: '192.168.1.50' })).statusCode).toBe(401);
    expect((await app.inject({ method: 'GET', url: '/admin/api/session', headers: lan, remoteAddress: '192.168.1.50' })).json()).toEqual({ signedIn: false, passwordSet: true });
  });

  it('works from the hall LAN with a session and no API token, while /api/ still needs the token', async () => {
    const hall = await setup({ bindAddress: '0.0.0.0', token: 's3cret' });
    const remote = '192.168.1.50';
    const { headers } = await hall.signIn(remote);
    expect((await hall.app.inject({ method: 'GET', url: '/admin/api/status', headers, remoteAddress: remote })).statusCode).toBe(200);
    expect((await hall.app.inject({ method: 'GET', url: '/api/status', headers, remoteAddress: remote })).statusCode).toBe(401);
    // DNS rebinding: a name that is not this player is refused for the console too.
    expect((await hall.app.inject({ method: 'GET', url: '/admin/api/status', headers: { ...headers, host: 'evil.example:8080' }, remoteAddress: remote })).statusCode).toBe(403);
  });
});

describe('console page', () => {
  it('says how to build it until it is built', async () => {
    const { app } = await setup();
    const response = await app.inject({ method: 'GET', url: '/admin/', headers: LOCAL });
    expect(response.statusCode).toBe(404);
    expect(response.json()).toEqual({ error: 'the console is not built: run npm run build' });
  });

  it('serves dist/admin under /admin/ with the console CSP; the display may be framed by the player only', async () => {
    const { app, root } = await setup({}, (dir) => {
      mkdirSync(path.join(dir, 'dist-admin'));
      writeFileSync(path.join(dir, 'dist-admin', 'index.html'), '<!doctype html><title>console</title><script type="module" src="app.js"></script>');
      writeFileSync(path.join(dir, 'dist-admin', 'app.js'), 'console.log(1)');
      writeFileSync(path.join(dir, 'dist-admin', '.secret'), 'x');
    });
    expect(root).toBeTruthy();
    const page = await app.inject({ method: 'GET', url: '/admin/', headers: LOCAL });
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(page.body).toContain('<title>console</title>');
    expect(page.headers['content-security-policy']).toBe(
      "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; media-src 'self' blob:; connect-src 'self'; frame-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'",
    );
    const script = await app.inject({ method: 'GET', url: '/admin/app.js', headers: LOCAL });
    expect(script.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect((await app.inject({ method: 'GET', url: '/admin/status', headers: LOCAL })).body).toContain('<title>console</title>');
    expect((await app.inject({ method: 'GET', url: '/admin', headers: LOCAL })).headers.location).toBe('/admin/');
    expect((await app.inject({ method: 'GET', url: '/admin/.secret', headers: LOCAL })).statusCode).toBe(404);
    expect((await app.inject({ method: 'GET', url: '/admin/..%2F..%2Fetc%2Fpasswd', headers: LOCAL })).statusCode).toBe(404);
    expect((await app.inject({ method: 'GET', url: '/admin/missing.js', headers: LOCAL })).json()).toEqual({ error: 'no such file in the console' });
    const unknownApi = await app.inject({ method: 'GET', url: '/admin/api/nothing', headers: LOCAL });
    expect(unknownApi.statusCode).toBe(404);
    expect(unknownApi.json()).toEqual({ error: 'no console route GET /admin/api/nothing' });
    const api = await app.inject({ method: 'GET', url: '/api/health', headers: LOCAL });
    expect(api.headers['content-security-policy']).toContain("frame-ancestors 'self'");
  });

  it('serves no console page in API-only use', async () => {
    const { app } = await setup({ adminDir: null });
    expect((await app.inject({ method: 'GET', url: '/admin/', headers: LOCAL })).statusCode).toBe(404);
    expect((await app.inject({ method: 'GET', url: '/admin/api/session', headers: LOCAL })).statusCode).toBe(200);
  });
});
