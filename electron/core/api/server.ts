/**
 * The local HTTP server: the API the hall's PA, queue system and floor managers call, and — for
 * `hallcast serve` — the renderer, the media under /media/ and the display WebSocket at /ws.
 */
import { randomUUID } from 'node:crypto';
import fastifyStatic from '@fastify/static';
import fastifyWebsocket from '@fastify/websocket';
import Fastify, { type FastifyInstance } from 'fastify';
import type { FromDisplay, ToDisplay } from '../../contract.js';
import type { Host } from '../host/host.js';
import { resolveMedia } from '../playlists/media-path.js';
import { dayTimeline, TimelineRequestError } from '../schedule/day-timeline.js';
import { contentSecurityPolicy } from './csp.js';
import { createGuard, type GuardOptions } from './guard.js';
import { parseDisplayMessage } from './display-message.js';
import { registerQueueRoutes } from './queue-routes.js';
import { registerAnnounceRoutes } from './announce-routes.js';

export interface ServerOptions extends GuardOptions {
  host: Host;
  /** Built renderer (dist/renderer); null serves the API only (the Electron shell loads its own). */
  rendererDir: string | null;
  assetsDir: string;
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
    const applied = host.applied();
    if (!applied) return reply.code(503).send({ error: 'no valid playlists loaded', playlists: host.status().playlists });
    try {
      return dayTimeline(applied.config, request.query.date ?? null, Number(request.query.days ?? '1'), now());
    } catch (error) {
      if (error instanceof TimelineRequestError) return reply.code(400).send({ error: error.message });
      throw error;
    }
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
    scope.get('/ws', { websocket: true }, (socket) => {
      const display = randomUUID();
      const send = (message: ToDisplay): void => socket.send(JSON.stringify(message));
      send({ type: 'state', state: host.state() });
      send({ type: 'queue', queue: host.queue.board() });
      const unsubscribe = host.subscribe((state) => send({ type: 'state', state }));
      const unsubscribeQueue = host.queue.subscribe((queue) => send({ type: 'queue', queue }));
      const detachSpeaker = host.attachSpeaker(display, (announce) => send({ type: 'announce', announce }));
      socket.on('message', (data) => {
        const message: FromDisplay | null = parseDisplayMessage(String(data));
        if (message) host.receive(message, display);
      });
      socket.on('close', () => {
        unsubscribe();
        unsubscribeQueue();
        detachSpeaker();
        host.disconnect(display);
      });
    });
  });

  await app.register(fastifyStatic, { root: options.assetsDir, prefix: '/media/', decorateReply: false, dotfiles: 'deny', index: false, list: false });
  if (options.rendererDir) {
    await app.register(fastifyStatic, { root: options.rendererDir, prefix: '/', decorateReply: false, dotfiles: 'deny', list: false });
  }
  return app;
}
