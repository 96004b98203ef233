/**
 * The access sweep: every route the server registered, in every spelling of its path an attacker
 * on the hall LAN might try, from another machine without the token. A request "reached" a route
 * when it passed every onRequest check and got to the route's handler (a preHandler hook records
 * it); reaching a route whose rule wants a credential is a breach, whatever the status. The same
 * sweep run against the old guard (a copy below: a prefix test on the raw URL) must find the
 * `/%61pi/status` bypass, or the sweep proves nothing.
 */
import Fastify, { type FastifyInstance } from 'fastify';
import { mkdirSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { testHall } from '../../test-hall.test-support.js';
import { isLoopback } from './guard.js';
import { spellings } from './path-spellings.test-support.js';
import { recordRouteRules, type Access } from './route-access.js';
import { BODY_LIMIT, createServer, registerRoutes, type ServerOptions } from './server.js';
import { createCommands } from '../../commands/commands.js';

const TOKEN = 's3cret';
const LAN_PEER = '10.231.0.2';
const LAN_HOST = { host: '10.231.0.1:8080' };
const SPEECH = `x-${'0'.repeat(32)}.wav`;
/** Rules that let anyone in: the display's and console's pages, media, sign-in. */
const OPEN_RULES = new Set<Access | null>(['public', 'media', 'sign-in']);

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

type Wiring = 'today' | 'old prefix guard';

async function sweepServer(wiring: Wiring): Promise<{ app: FastifyInstance; reached: Map<string, Access | null> }> {
  const { root, time, host, cleanup } = testHall('2026-12-01T10:17:00+08:00', (dir) => {
    mkdirSync(path.join(dir, 'renderer'));
    writeFileSync(path.join(dir, 'renderer', 'index.html'), '<!doctype html><title>hall</title>');
    mkdirSync(path.join(dir, 'dist-admin'));
    writeFileSync(path.join(dir, 'dist-admin', 'index.html'), '<!doctype html><title>console</title>');
    writeFileSync(path.join(dir, 'dist-admin', 'app.js'), 'console.log(1)');
  });
  host.start();
  cleanups.push(cleanup);
  mkdirSync(host.pa.speechDir, { recursive: true });
  writeFileSync(path.join(host.pa.speechDir, SPEECH), 'RIFF');
  const commands = await createCommands(host, {
    version: 't',
    assetsDir: path.join(root, 'assets'),
    now: time.now,
    console: { playlistsDir: path.join(root, 'playlists'), stateDir: path.join(root, 'state'), password: 'correct horse battery', scryptCost: { N: 1024, r: 8, p: 1 }, ffprobe: null },
  });
  const options: ServerOptions = {
    commands,
    rendererDir: path.join(root, 'renderer'),
    assetsDir: path.join(root, 'assets'),
    adminDir: path.join(root, 'dist-admin'),
    bindAddress: '0.0.0.0',
    port: 8080,
    token: TOKEN,
    now: time.now,
  };
  let app: FastifyInstance;
  if (wiring === 'today') app = await createServer(options);
  else {
    app = Fastify({ bodyLimit: BODY_LIMIT, logger: false, trustProxy: false, forceCloseConnections: true });
    recordRouteRules(app);
    app.addHook('onRequest', async (request, reply) => {
      const verdict = oldGuard({ url: request.url, remote: request.socket.remoteAddress ?? '', authorization: request.headers.authorization, isWebSocket: request.headers.upgrade?.toLowerCase() === 'websocket' });
      if (!verdict.ok) return reply.code(verdict.status).send({ error: verdict.message });
      return undefined;
    });
    await registerRoutes(app, options);
  }
  cleanups.push(() => app.close());
  // Passed every onRequest check, the route's own (the console's session check) included.
  const reached = new Map<string, Access | null>();
  app.addHook('preHandler', async (request) => {
    // The not-found answer is no route: it runs this hook too.
    if (!request.is404) reached.set(`${request.method} ${request.raw.url}`, request.routeOptions.config.access ?? null);
  });
  return { app, reached };
}

/**
 * Today's guard before this change (electron/host/channels/http/guard.ts at c3b893f), its token rule only:
 * the sweep sends the player's own Host and no Origin, which it let through as today's does.
 */
function oldGuard(request: { url: string; remote: string; authorization: string | undefined; isWebSocket: boolean }): { ok: true } | { ok: false; status: 401; message: string } {
  const isConsole = (url: string): boolean => url === '/admin' || url.startsWith('/admin/') || url.startsWith('/admin?');
  const fromQuery = request.isWebSocket ? new URL(request.url, 'http://x').searchParams.get('token') : null;
  const given = request.authorization ?? (fromQuery ? `Bearer ${fromQuery}` : '');
  const needsToken = !isLoopback(request.remote) && !isConsole(request.url) && (request.url.startsWith('/api/') || request.isWebSocket);
  if (needsToken && given !== `Bearer ${TOKEN}`) return { ok: false, status: 401, message: 'this player needs a token: send Authorization: Bearer TOKEN' };
  return { ok: true };
}

/** A real address for a registered route pattern. */
function concrete(url: string): string {
  const wildcard: Record<string, string> = {
    '/media/': 'video/clip.mp4',
    '/admin/api/files/': 'programmes/morning.json',
    '/admin/api/media/': 'video/clip.mp4',
    '/admin/': 'app.js',
    '/': 'index.html',
  };
  return url.replace(':file', SPEECH).replace(':id', '20261201T021700000Z-0001').replace(/\*$/, () => wildcard[url.slice(0, -1)] ?? 'x');
}

interface Breach {
  route: string;
  kind: string;
  target: string;
  status: number;
  reached: Access | null | undefined;
}

/** Every registered route × every spelling, from a LAN peer without the token; what got through. */
async function sweep(app: FastifyInstance, reached: Map<string, Access | null>): Promise<{ breaches: Breach[]; tried: number }> {
  await app.ready();
  const breaches: Breach[] = [];
  let tried = 0;
  const upgrade = { connection: 'Upgrade', upgrade: 'websocket', 'sec-websocket-version': '13', 'sec-websocket-key': 'dGhlIHNhbXBsZSBub25jZQ==' };
  for (const { method, url, access } of app.routeRules) {
    for (const [plainKind, target] of spellings(concrete(url))) {
      // Every GET spelling once more as a WebSocket upgrade: only a socket route may take one.
      for (const asUpgrade of method === 'GET' ? [false, true] : [false]) {
      const kind = asUpgrade ? `${plainKind}, upgrade` : plainKind;
      reached.clear();
      const response = await app.inject({ method: method as 'GET', url: target, headers: { ...LAN_HOST, 'content-type': 'application/json', ...(asUpgrade ? upgrade : {}) }, payload: method === 'GET' || method === 'HEAD' ? undefined : '{}', remoteAddress: LAN_PEER });
      tried++;
      const got = reached.size > 0 ? [...reached.values()][0] : undefined;
      // Reaching a route that wants a credential is a breach; so is content from a closed route's spelling.
      const breach = (got !== undefined && (asUpgrade || !OPEN_RULES.has(got))) || (response.statusCode < 400 && !OPEN_RULES.has(got ?? access));
      if (breach) breaches.push({ route: `${method} ${url}`, kind, target, status: response.statusCode, reached: got });
      }
    }
  }
  return { breaches, tried };
}

describe('access sweep', () => {
  it('lets no spelling of any registered route through from the LAN without the token', async () => {
    const { app, reached } = await sweepServer('today');
    const { breaches, tried } = await sweep(app, reached);
    expect(app.routeRules.length).toBeGreaterThan(40);
    expect(tried).toBeGreaterThan(2000);
    expect(breaches).toEqual([]);
    // Every route has a rule, and these are all the routes anyone may call.
    expect(app.routeRules.filter((r) => r.access === null)).toEqual([]);
    expect(
      app.routeRules
        .filter((r) => OPEN_RULES.has(r.access))
        .map((r) => `${r.method} ${r.url} ${r.access}`)
        .sort(),
    ).toEqual(
      [
        ['GET', '/favicon.ico', 'public'],
        ['GET', '/media/*', 'media'],
        ['GET', '/admin', 'public'],
        ['GET', '/admin/', 'public'],
        ['GET', '/admin/*', 'public'],
        ['GET', '/admin/api/session', 'sign-in'],
        ['GET', '/*', 'public'],
      ]
        .flatMap(([method, url, access]) => [`${method} ${url} ${access}`, `HEAD ${url} ${access}`])
        .concat('POST /admin/api/login sign-in')
        .sort(),
    );
  }, 120_000);

  it('finds the bypass in the old guard, which looked at a prefix of the raw URL', async () => {
    const { app, reached } = await sweepServer('old prefix guard');
    const { breaches } = await sweep(app, reached);
    expect(breaches).toContainEqual({ route: 'GET /api/status', kind: 'encoded a', target: '/%61pi/status', status: 200, reached: 'api' });
    expect(breaches).toContainEqual(expect.objectContaining({ route: 'POST /api/reload', target: '/%61pi/reload', status: 200 }));
    expect(breaches).toContainEqual(expect.objectContaining({ route: 'GET /speech/:file', kind: 'raw', status: 200 }));
  }, 120_000);

  it('refuses dot segments, backslashes and // on the wire, before any rule, even from this machine', async () => {
    // light-my-request resolves dot segments and backslashes like a browser; a raw client does not.
    const { app, reached } = await sweepServer('today');
    await app.listen({ host: '127.0.0.1', port: 0 });
    const address = app.server.address();
    const port = typeof address === 'object' && address ? address.port : 0;
    const raw = (method: string, target: string): Promise<number> =>
      new Promise((resolve, reject) => {
        const request = http.request({ host: '127.0.0.1', port, method, path: target, headers: { host: `127.0.0.1:${port}` }, agent: false }, (response) => {
          response.resume();
          resolve(response.statusCode ?? 0);
        });
        request.on('error', reject);
        request.end();
      });
    const got: { target: string; status: number }[] = [];
    for (const { method, url } of app.routeRules.filter((r) => r.method === 'GET' || r.method === 'POST')) {
      for (const [kind, target] of spellings(concrete(url))) {
        if (!/\/\/|\/\.|backslash|trailing \//.test(kind)) continue;
        got.push({ target: `${method} ${target}`, status: await raw(method, target) });
      }
    }
    expect(got.length).toBeGreaterThan(200);
    // Node's HTTP parser itself answers 400 to a target that does not start with / or *.
    expect(got.filter((g) => g.status !== 404 && !(g.status === 400 && / \\/.test(g.target)))).toEqual([]);
    expect([...reached.keys()]).toEqual([]);
    // The same routes answer this machine when spelt right.
    expect(await raw('GET', '/api/status')).toBe(200);
  }, 120_000);
});
