/**
 * The local HTTP server: the API the hall's PA, queue system and floor managers call, and — for
 * `hallcast serve` — the renderer, the media under /media/ and the display WebSocket at /ws.
 */
import fastifyStatic from '@fastify/static';
import fastifyWebsocket from '@fastify/websocket';
import Fastify, { type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import { fastifyLoggerOptions, logAccess } from './access-log.js';
import { registerAdminRoutes, type AdminRoutesOptions } from './console/admin-routes.js';
import type { Commands } from '../../commands/commands.js';
import { contentSecurityPolicy } from './csp.js';
import { serveDisplay } from './display-socket.js';
import { createGuard, type GuardOptions } from './guard.js';
import { accessOf, markSocketRoutes, recordRouteRules, rule, ruleForScope } from './route-access.js';
import { registerQueueRoutes } from './queue-routes.js';
import { registerAnnounceRoutes } from './announce-routes.js';
import { registerEmergencyRoutes } from './emergency-routes.js';
import { refuse, withoutOk } from './status-of.js';

export interface ServerOptions extends GuardOptions {
  /** The application's verbs (electron/host/commands): all the routes call. */
  commands: Commands;
  /** Built renderer (dist/renderer); null serves the API only (the Electron shell loads its own). */
  rendererDir: string | null;
  /** Served under /media/, as far as commands.servedMedia allows. */
  assetsDir: string;
  /** The built console (dist/admin); null or absent: no console page (API-only use). */
  adminDir?: string | null;
  /** Tests: short console sessions. */
  adminTuning?: Pick<AdminRoutesOptions, 'sessionIdleMs'>;
  now?: () => number;
  /** The player's logger (player-log.ts): the access log and fastify's own lines; absent: none. */
  logger?: FastifyBaseLogger;
}

/** Request bodies are small JSON; anything bigger is a mistake or an attack. */
export const BODY_LIMIT = 64 * 1024;

const CSP = contentSecurityPolicy("'self' ws: wss:");

export async function createServer(options: ServerOptions): Promise<FastifyInstance> {
  createGuard(options); // refuses a bind beyond loopback without a token, before listening
  // forceCloseConnections: a player that is told to stop must stop now, not when a display's
  // media stream or WebSocket happens to end.
  const app = Fastify({ bodyLimit: BODY_LIMIT, ...fastifyLoggerOptions(options.logger), trustProxy: false, forceCloseConnections: true });
  if (options.logger) logAccess(app);
  // The Host check needs the real port, which is known only once listening (port 0 in tests).
  let guard: ReturnType<typeof createGuard> | null = null;
  const guardFor = (): ReturnType<typeof createGuard> => {
    if (!guard) {
      const address = app.server.address();
      guard = createGuard({ ...options, port: typeof address === 'object' && address ? address.port : options.port });
    }
    return guard;
  };
  recordRouteRules(app);
  markSocketRoutes(app);

  // onRequest runs once the router has matched, so the rule read is the matched route's own; the
  // path's spelling is checked first, on the raw target, before anything else looks at it.
  app.addHook('onRequest', async (request, reply) => {
    const verdict = guardFor()({
      method: request.method,
      url: request.raw.url ?? '',
      access: request.is404 ? 'no-route' : accessOf(request.routeOptions.config),
      host: request.headers.host,
      origin: request.headers.origin,
      authorization: request.headers.authorization,
      remote: request.socket.remoteAddress ?? '',
      isWebSocket: request.headers.upgrade?.toLowerCase() === 'websocket',
      socketRoute: request.routeOptions.config.socket === true,
    });
    if (!verdict.ok) return reply.code(verdict.status).send({ error: verdict.message });
    reply.header('X-Content-Type-Options', 'nosniff');
    reply.header('Content-Security-Policy', CSP);
    reply.header('Referrer-Policy', 'no-referrer');
    return undefined;
  });

  // Says nothing about what exists: no route list, no echo of the method and path.
  app.setNotFoundHandler(async (_request, reply) => reply.code(404).send({ error: NOT_FOUND }));
  app.setErrorHandler((error: { statusCode?: number; message: string }, request, reply) => {
    const status = error.statusCode && error.statusCode >= 400 ? error.statusCode : 500;
    const limit = request.routeOptions.bodyLimit ?? BODY_LIMIT;
    const message = status === 413 ? `request body over ${limit / 1024} KB` : status === 500 ? 'internal error' : error.message;
    reply.code(status).send({ error: message });
  });

  await registerRoutes(app, options);
  return app;
}

export const NOT_FOUND = 'no such route or file';

/**
 * Every route of the player, each with its rule (route-access.ts). Apart from createServer so a
 * test can wire the same routes behind another guard.
 */
export async function registerRoutes(app: FastifyInstance, options: ServerOptions): Promise<void> {
  const { commands } = options;
  const now = options.now ?? Date.now;
  const api = rule('api');

  // Browsers ask for it on every load; a 404 would be logged as an error on the display.
  app.get('/favicon.ico', rule('public'), async (_request, reply) => reply.code(204).send());
  app.get('/api/health', api, async () => commands.hall.health());
  app.get('/api/status', api, async () => commands.hall.status());
  // Prometheus scrapes it like the API: from other machines only with the token.
  app.get('/metrics', api, async (_request, reply) => {
    const { text, contentType } = await commands.hall.metrics();
    return reply.type(contentType).send(text);
  });
  app.get<{ Querystring: { date?: string; days?: string } }>('/api/timeline', api, async (request, reply) => {
    const outcome = commands.hall.timeline(request.query);
    return outcome.ok ? outcome.timeline : refuse(reply, outcome);
  });

  registerQueueRoutes(app, commands);
  registerAnnounceRoutes(app, commands);
  registerEmergencyRoutes(app, commands);

  // Re-reads the playlist folder now (the watcher does it too; this answers with the outcome).
  app.post('/api/reload', api, async (_request, reply) => {
    const outcome = commands.hall.reload();
    return outcome.ok ? { applied: true, ...withoutOk(outcome) } : refuse(reply, { ...outcome, applied: false });
  });

  await app.register(fastifyWebsocket, { options: { maxPayload: BODY_LIMIT } });
  app.register(async (scope) => {
    scope.get('/ws', { websocket: true, ...rule('display-socket') }, (socket) => serveDisplay(socket, commands.displays, 'display'));
  });
  if (commands.console) await registerAdminRoutes(app, { commands, console: commands.console, adminDir: options.adminDir ?? null, now, ...options.adminTuning });

  await app.register(async (media) => {
    ruleForScope(media, 'media');
    // @fastify/static keeps paths under the root but follows links and serves any file; the media
    // rule is stricter: media types only, inside assets/ through links too.
    media.addHook('onRequest', async (request, reply) => {
      const relative = safeDecode(request.url.slice('/media/'.length).split('?')[0]!);
      if (relative === null || !commands.servedMedia(relative)) return reply.code(404).send({ error: 'no such media file' });
      return undefined;
    });
    await media.register(fastifyStatic, { root: options.assetsDir, prefix: '/media/', decorateReply: false, dotfiles: 'deny', index: false, list: false });
  });
  const rendererDir = options.rendererDir;
  if (rendererDir) {
    // The display's page and bundles: a display must load them before it can say who it is.
    await app.register(async (page) => {
      ruleForScope(page, 'public');
      await page.register(fastifyStatic, { root: rendererDir, prefix: '/', decorateReply: false, dotfiles: 'deny', list: false });
    });
  }
}

function safeDecode(text: string): string | null {
  try {
    return decodeURIComponent(text);
  } catch {
    return null;
  }
}
