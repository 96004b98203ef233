/**
 * The floor-manager console's routes (README.md beside this file): sign-in, the playlist files and
 * their history, the media library, the hall's status, timeline and PA, the live preview socket,
 * and the built console page. Every route of the console's API and its preview socket declares the
 * 'console' rule ('sign-in' for the two that answer without a session) and passes the console's
 * access check before its body is read; the server's guard has checked the path, Host and Origin
 * before that.
 */
import fastifyCookie from '@fastify/cookie';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { Readable } from 'node:stream';
import { answerAnnounce } from '../announce-routes.js';
import { answerClear, answerRaise } from '../emergency-routes.js';
import { serveDisplay } from '../display-socket.js';
import { rule } from '../route-access.js';
import { refuse, withoutOk } from '../status-of.js';
import type { Commands, ConsoleCommands } from '../../../commands/commands.js';
import { COOKIE_PATH, createConsoleAccess, SESSION_COOKIE } from './console-access.js';
import { consolePage } from './console-page.js';
import { createSessions, LIFETIME_MS } from './sessions.js';
import { BUSY_RETRY_SECONDS, createPasswordChecks } from './password-checks.js';
import { createRefusedSignIns } from './refused-sign-ins.js';
import { createSignInLimit } from './sign-in-limit.js';
import { registerScreenshotRoutes } from './screenshot-routes.js';

export interface AdminRoutesOptions {
  commands: Commands;
  /** The console's verbs (files, history, media, status). */
  console: ConsoleCommands;
  /** The built console (dist/admin); null: no console page (the API still answers). */
  adminDir: string | null;
  now: () => number;
  /** Tests: how long a session may sit idle (default 30 minutes; HALLCAST_ADMIN_SESSION_IDLE_SECONDS). */
  sessionIdleMs?: number;
}

/** Answer without a session: sign-in and the session probe. */
const open = rule('sign-in');
/** Need a session (or this machine, when admin.json allows it). */
const session = rule('console');

/** A route of the console's API as registered: what the access check guards. */
export interface ConsoleRoute {
  method: string;
  url: string;
  open: boolean;
}

declare module 'fastify' {
  interface FastifyInstance {
    /** Every /admin/api route and the preview socket, as fastify registered them (onRoute). */
    readonly consoleRoutes: readonly ConsoleRoute[];
  }
}

type WithPath = { Params: { '*': string } };

export async function registerAdminRoutes(app: FastifyInstance, options: AdminRoutesOptions): Promise<void> {
  const { commands, console: verbs, now } = options;
  const credentials = verbs.credentials;
  const sessions = createSessions({ now, ...(options.sessionIdleMs ? { idleMs: options.sessionIdleMs } : {}) });
  const signIns = createSignInLimit({ now });
  const passwordChecks = createPasswordChecks();
  const refused = createRefusedSignIns(commands.health, { now, timers: commands.timers });
  app.addHook('onClose', async () => refused.flush());
  const consoleAccess = createConsoleAccess(credentials, sessions);
  const address = (request: FastifyRequest): string => request.socket.remoteAddress ?? '';

  // Attached to each route as it is registered, by its rule: a console route added anywhere, later,
  // in any scope, is checked all the same. A route that declares no rule is refused by the server's
  // guard, so forgetting the rule closes a route rather than opening it.
  const routes: ConsoleRoute[] = [];
  app.decorate('consoleRoutes', routes);
  app.addHook('onRoute', (route) => {
    const access = route.config?.access;
    if (access !== 'console' && access !== 'sign-in') return;
    for (const method of [route.method].flat()) routes.push({ method, url: route.url, open: access === 'sign-in' });
    route.onRequest = [consoleAccess.check, ...[route.onRequest ?? []].flat()];
  });
  await app.register(fastifyCookie);

  await app.register(async (api) => {
    api.get('/admin/api/session', open, async (request) => {
      const closed = credentials.closedBecause();
      const who = closed ? null : consoleAccess.principal(request);
      const details = who?.kind === 'session' ? { csrf: who.session.csrf, expiresAt: who.expiresAt } : who ? { csrf: who.csrf, loopback: true } : {};
      return { signedIn: who !== null, passwordSet: closed === null, ...details };
    });

    api.post('/admin/api/login', open, async (request, reply) => {
      const wait = signIns.retryAfter(address(request));
      const waitAll = signIns.retryAfterOverall();
      if (wait > 0 || waitAll > 0) {
        refused.count('too many wrong passwords');
        const seconds = Math.max(wait, waitAll);
        const where = wait >= waitAll ? 'from this address' : 'on this player';
        return reply
          .code(429)
          .header('Retry-After', String(seconds))
          .send({ error: `too many wrong passwords ${where}: try again in ${Math.ceil(seconds / 60)} minute${seconds > 60 ? 's' : ''}` });
      }
      const password = (request.body as { password?: unknown } | null)?.password;
      if (typeof password !== 'string' || password === '') return reply.code(400).send({ error: 'send {"password": "…"}' });
      // Checks take turns (password-checks.ts), so media serving never waits behind a burst of them.
      const matches = passwordChecks.inTurn(() => credentials.check(password));
      if (!matches) {
        refused.count('password checks busy');
        return reply.code(503).header('Retry-After', String(BUSY_RETRY_SECONDS)).send({ error: `too many sign-ins at once: try again in ${BUSY_RETRY_SECONDS} seconds` });
      }
      // Counted before the (slow) check, so parallel guesses cannot slip past the limit together.
      signIns.failed(address(request));
      if (!(await matches)) return reply.code(401).send({ error: 'wrong password' });
      signIns.succeeded(address(request));
      sessions.end(request.cookies[SESSION_COOKIE]);
      const { session, expiresAt } = sessions.open(credentials.generation());
      reply.setCookie(SESSION_COOKIE, session.id, { httpOnly: true, sameSite: 'strict', path: COOKIE_PATH, maxAge: LIFETIME_MS / 1000 });
      return { csrf: session.csrf, expiresAt };
    });

    api.post('/admin/api/logout', session, async (request, reply) => {
      sessions.end(request.cookies[SESSION_COOKIE]);
      reply.clearCookie(SESSION_COOKIE, { path: COOKIE_PATH, httpOnly: true, sameSite: 'strict' });
      return { signedIn: false };
    });

    api.get('/admin/api/status', session, async () => verbs.status());
    api.get<{ Querystring: { date?: string; days?: string } }>('/admin/api/timeline', session, async (request, reply) => {
      const outcome = commands.hall.timeline(request.query);
      return outcome.ok ? outcome.timeline : refuse(reply, outcome);
    });
    api.post('/admin/api/announce', session, async (request, reply) => answerAnnounce(commands, request.body, reply));
    // The console has one password, not named users: the log names the session's machine.
    const manager = (request: FastifyRequest) => ({ via: 'console' as const, who: `console session from ${address(request)}` });
    api.post('/admin/api/emergency', session, async (request, reply) => answerRaise(commands, request.body, manager(request), reply));
    api.delete('/admin/api/emergency', session, async (request, reply) => answerClear(commands, manager(request), reply));

    api.get('/admin/api/files', session, async () => ({ files: verbs.files.list() }));
    api.get<WithPath>('/admin/api/files/*', session, async (request, reply) => {
      const outcome = verbs.files.read(request.params['*']);
      return outcome.ok ? outcome.file : refuse(reply, outcome);
    });
    // Room for the largest playlist file the loader accepts, sent as JSON.
    api.put<WithPath>('/admin/api/files/*', { bodyLimit: verbs.files.maxBytes + 64 * 1024, ...session }, async (request, reply) => {
      const body = request.body as { content?: unknown; baseVersion?: unknown } | null;
      if (!body || !('content' in body) || !isVersion(body.baseVersion)) {
        return reply.code(400).send({ error: 'send {"content": …, "baseVersion": "the version you opened" | null for a new file}' });
      }
      const outcome = await verbs.files.save(request.params['*'], body.content, body.baseVersion);
      return outcome.ok ? withoutOk(outcome) : refuse(reply, outcome);
    });
    api.delete<WithPath>('/admin/api/files/*', session, async (request, reply) => {
      const baseVersion = (request.body as { baseVersion?: unknown } | null)?.baseVersion;
      if (typeof baseVersion !== 'string') return reply.code(400).send({ error: 'send {"baseVersion": "the version you opened"}' });
      const outcome = await verbs.files.remove(request.params['*'], baseVersion);
      return outcome.ok ? withoutOk(outcome) : refuse(reply, outcome);
    });

    api.get('/admin/api/history', session, async () => ({ entries: verbs.history.list() }));
    api.get<{ Params: { id: string } }>('/admin/api/history/:id', session, async (request, reply) => {
      const outcome = verbs.history.get(request.params.id);
      return outcome.ok ? outcome.entry : refuse(reply, outcome);
    });
    api.post<{ Params: { id: string } }>('/admin/api/history/:id/rollback', session, async (request, reply) => {
      const baseVersion = (request.body as { baseVersion?: unknown } | null)?.baseVersion;
      if (baseVersion !== undefined && !isVersion(baseVersion)) return reply.code(400).send({ error: '"baseVersion", when sent, is the version you see now' });
      const outcome = await verbs.history.rollback(request.params.id, baseVersion);
      return outcome.ok ? withoutOk(outcome) : refuse(reply, outcome);
    });

    api.get('/admin/api/media', session, async () => verbs.media.list());
    api.delete<WithPath>('/admin/api/media/*', session, async (request, reply) => {
      const outcome = await verbs.media.remove(request.params['*']);
      return outcome.ok ? withoutOk(outcome) : refuse(reply, outcome);
    });
    await api.register(async (uploads) => {
      // The body is the file itself: handed over as a stream, never buffered, whatever its type.
      uploads.removeAllContentTypeParsers();
      const asStream = (_request: FastifyRequest, payload: NodeJS.ReadableStream, done: (error: Error | null, body?: unknown) => void): void => done(null, payload);
      uploads.addContentTypeParser('application/octet-stream', asStream);
      uploads.addContentTypeParser('*', asStream);
      uploads.post<{ Querystring: { name?: string } }>('/admin/api/media', { bodyLimit: verbs.media.maxUploadBytes, ...session }, async (request, reply) => {
        const declared = Number(request.headers['content-length']);
        const outcome = await verbs.media.upload({
          body: request.body instanceof Readable ? request.body : Readable.from([]),
          name: request.query.name ?? '',
          declaredBytes: Number.isFinite(declared) ? declared : null,
        });
        if (outcome.ok) return reply.code(201).send({ ...outcome.item, duplicate: outcome.duplicate });
        if (!('bodyUnread' in outcome)) return refuse(reply, outcome);
        // The rest of a refused upload is not read: close the connection rather than drain it.
        const { bodyUnread, ...refusal } = outcome;
        return refuse(reply.header('Connection', 'close'), refusal);
      });
    });

    // The status page's live frame of the screen: a display that only watches.
    api.get('/admin/ws', { websocket: true, ...session }, (socket) => serveDisplay(socket, commands.displays, 'preview'));

    registerScreenshotRoutes(api, commands);
  });

  const adminDir = options.adminDir;
  if (adminDir) {
    const page = rule('public');
    app.get('/admin', page, async (_request, reply) => reply.redirect('/admin/'));
    app.get('/admin/', page, consolePage(adminDir));
    app.get<WithPath>('/admin/*', page, async (request, reply) => {
      if (/^api(\/|$)/.test(request.params['*'])) return reply.code(404).send({ error: `no console route ${request.method} ${request.url.split('?')[0]}` });
      return consolePage(adminDir)(request, reply);
    });
  }
}

function isVersion(value: unknown): value is string | null {
  return value === null || (typeof value === 'string' && /^[0-9a-f]{64}$/.test(value));
}
