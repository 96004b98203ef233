/**
 * The local HTTP server: the API the hall's PA, queue system and floor managers call, and — for
 * `hallcast serve` — the renderer, the media under /media/ and the display WebSocket at /ws.
 */
import fastifyStatic from '@fastify/static';
import fastifyWebsocket from '@fastify/websocket';
import Fastify, { type FastifyInstance } from 'fastify';
import { registerAdminRoutes, type AdminRoutesOptions } from '../admin/admin-routes.js';
import { DEFAULT_MAX_UPLOAD_BYTES } from '../admin/media-upload.js';
import type { Host } from '../host/host.js';
import { resolveMedia } from '../playlists/media-path.js';
import { contentSecurityPolicy } from './csp.js';
import { serveDisplay } from './display-socket.js';
import { createGuard, type GuardOptions } from './guard.js';
import { registerQueueRoutes } from './queue-routes.js';
import { registerAnnounceRoutes } from './announce-routes.js';
import { timelineAnswer } from './timeline-answer.js';

export interface ServerOptions extends GuardOptions {
  host: Host;
  /** Built renderer (dist/renderer); null serves the API only (the Electron shell loads its own). */
  rendererDir: string | null;
  assetsDir: string;
  /** The playlist folder the console edits (electron/core/admin). */
  playlistsDir: string;
  /** The console's password file and change history (admin.json, history/). */
  stateDir: string;
  /** The built console (dist/admin); null or absent: no console page (API-only use). */
  adminDir?: string | null;
  /** HALLCAST_ADMIN_PASSWORD: the console's password, hashed in memory at start, never written. */
  adminPassword?: string | null;
  /** Largest media upload through the console; default 512 MB. */
  adminMaxUploadBytes?: number;
  /** Tests: a cheaper scrypt, a disk that fills up, ffprobe or not, short sessions. */
  adminTuning?: Pick<AdminRoutesOptions, 'scryptCost' | 'io' | 'ffprobe' | 'sessionIdleMs'>;
  now?: () => number;
  version: string;
}

/** Request bodies are small JSON; anything bigger is a mistake or an attack. */
export const BODY_LIMIT = 64 * 1024;

const CSP = contentSecurityPolicy("'self' ws: wss:");

export async function createServer(options: ServerOptions): Promise<FastifyInstance> {
  const { host } = options;
  const now = options.now ?? Date.now;
  createGuard(options); // refuses a bind beyond loopback without a token, before listening
  // forceCloseConnections: a player that is told to stop must stop now, not when a display's
  // media stream or WebSocket happens to end.
  const app = Fastify({ bodyLimit: BODY_LIMIT, logger: false, trustProxy: false, forceCloseConnections: true });
  // The Host check needs the real port, which is known only once listening (port 0 in tests).
  let guard: ReturnType<typeof createGuard> | null = null;
  const guardFor = (): ReturnType<typeof createGuard> => {
    if (!guard) {
      const address = app.server.address();
      guard = createGuard({ ...options, port: typeof address === 'object' && address ? address.port : options.port });
    }
    return guard;
  };

  app.addHook('onRequest', async (request, reply) => {
    const verdict = guardFor()({
      method: request.method,
      url: request.url,
      host: request.headers.host,
      origin: request.headers.origin,
      authorization: request.headers.authorization,
      remote: request.socket.remoteAddress ?? '',
      isWebSocket: request.headers.upgrade?.toLowerCase() === 'websocket',
    });
    if (!verdict.ok) return reply.code(verdict.status).send({ error: verdict.message });
    reply.header('X-Content-Type-Options', 'nosniff');
    reply.header('Content-Security-Policy', CSP);
    reply.header('Referrer-Policy', 'no-referrer');
    if (request.url.startsWith('/media/')) {
      // @fastify/static keeps paths under the root but follows links; the media rule is stricter.
      const relative = decodeURIComponent(request.url.slice('/media/'.length).split('?')[0]!);
      if (!resolveMedia(options.assetsDir, relative).ok) return reply.code(404).send({ error: 'no such media file' });
    }
  });

  app.setErrorHandler((error: { statusCode?: number; message: string }, request, reply) => {
    const status = error.statusCode && error.statusCode >= 400 ? error.statusCode : 500;
    const limit = request.routeOptions.bodyLimit ?? BODY_LIMIT;
    const message = status === 413 ? `request body over ${limit / 1024} KB` : status === 500 ? 'internal error' : error.message;
    reply.code(status).send({ error: message });
  });

  // Browsers ask for it on every load; a 404 would be logged as an error on the display.
  app.get('/favicon.ico', async (_request, reply) => reply.code(204).send());
  app.get('/api/health', async () => ({ ok: true, version: options.version, uptimeSeconds: host.status().uptimeSeconds }));
  app.get('/api/status', async () => host.status());
  app.get<{ Querystring: { date?: string; days?: string } }>('/api/timeline', async (request, reply) => {
    const answer = timelineAnswer(host, request.query, now());
    return reply.code(answer.status).send(answer.body);
  });

  registerQueueRoutes(app, host, now);
  registerAnnounceRoutes(app, host);

  // Re-reads the playlist folder now (the watcher does it too; this answers with the outcome).
  app.post('/api/reload', async (_request, reply) => {
    const applied = host.reload();
    return reply.code(applied ? 200 : 422).send({ applied, playlists: host.status().playlists });
  });

  await app.register(fastifyWebsocket, { options: { maxPayload: BODY_LIMIT } });
  app.register(async (scope) => {
    scope.get('/ws', { websocket: true }, (socket) => serveDisplay(socket, host, 'display'));
  });
  await registerAdminRoutes(app, {
    host,
    playlistsDir: options.playlistsDir,
    assetsDir: options.assetsDir,
    stateDir: options.stateDir,
    adminDir: options.adminDir ?? null,
    now,
    password: options.adminPassword || null,
    maxUploadBytes: options.adminMaxUploadBytes ?? DEFAULT_MAX_UPLOAD_BYTES,
    ...options.adminTuning,
  });

  await app.register(fastifyStatic, { root: options.assetsDir, prefix: '/media/', decorateReply: false, dotfiles: 'deny', index: false, list: false });
  if (options.rendererDir) {
    await app.register(fastifyStatic, { root: options.rendererDir, prefix: '/', decorateReply: false, dotfiles: 'deny', list: false });
  }
  return app;
}
