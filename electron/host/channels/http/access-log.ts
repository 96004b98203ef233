/**
 * The HTTP access log, through fastify's own logger: one line per answered request — method, the
 * route that matched, the path, status, time taken, the remote address — and nothing a client
 * sent as a secret. Headers are never logged (Authorization, Cookie and Set-Cookie among them),
 * nor bodies, and a `token` in the query (the display socket may carry the API token as
 * `?token=`) is written as `[redacted]`.
 *
 * Levels keep it readable: the display's page, its scripts, media, voice clips and speech, and the
 * console's own polling (a successful GET under /admin/api/) are `debug`; the API, the display
 * socket's upgrade, every change and every refusal are `info`; a 5xx is `error`. Display
 * heartbeats and other WebSocket frames are not HTTP requests and are never logged here.
 */
import { LogController, type FastifyBaseLogger, type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';

export interface AccessRecord {
  method: string;
  /** The route that matched (`/api/displays/:id/screenshot`), or null when none did. */
  route: string | null;
  /** The request's path and query, any token redacted. */
  url: string;
  status: number;
  /** Milliseconds from the request's arrival to its answer. */
  ms: number;
  remote: string;
}

const REDACTED = '[redacted]';
/** Query parameters that may carry a secret; compared without case. */
const SECRET_PARAMS = new Set(['token', 'access_token', 'password', 'session']);

/** `url` with every secret query parameter's value replaced; the path as it came. */
export function redactedUrl(url: string): string {
  const mark = url.indexOf('?');
  if (mark < 0) return url;
  const pairs = url
    .slice(mark + 1)
    .split('&')
    .map((pair) => {
      const eq = pair.indexOf('=');
      const name = eq < 0 ? pair : pair.slice(0, eq);
      let decoded = name;
      try {
        decoded = decodeURIComponent(name.replace(/\+/g, ' '));
      } catch {
        // A malformed escape is kept as written, and redacted if it might be a secret's name.
      }
      return SECRET_PARAMS.has(decoded.toLowerCase()) || /token|password|secret/i.test(decoded) ? `${name}=${REDACTED}` : pair;
    });
  return `${url.slice(0, mark)}?${pairs.join('&')}`;
}

type Level = 'debug' | 'info' | 'error';

/** Routes served to every page load, and the console's polling: only at --log-level debug. */
export function accessLevel(record: Pick<AccessRecord, 'method' | 'route' | 'status'>): Level {
  if (record.status >= 500) return 'error';
  const route = record.route ?? '';
  const answered = record.status < 400;
  if (!answered) return 'info';
  if (route === '/favicon.ico' || route.startsWith('/media/') || route.startsWith('/speech/')) return 'debug';
  // The display's page and bundles, and the console's page: the static scopes' catch-all routes.
  if (route === '/*' || route === '/' || (route.startsWith('/admin/') && !route.startsWith('/admin/api/'))) return 'debug';
  if ((record.method === 'GET' || record.method === 'HEAD') && route.startsWith('/admin/api/')) return 'debug';
  return 'info';
}

export function accessRecord(request: FastifyRequest, reply: FastifyReply): AccessRecord {
  return {
    method: request.method,
    route: request.is404 ? null : (request.routeOptions.url ?? null),
    url: redactedUrl(request.raw.url ?? ''),
    status: reply.statusCode,
    ms: Math.round(reply.elapsedTime * 10) / 10,
    remote: request.socket.remoteAddress ?? '',
  };
}

/**
 * fastify's own request serializer, used by any line fastify or a route logs with the request
 * (an error's, say): the same safe fields as the access line, never the headers.
 */
export const accessSerializers = {
  req: (request: { method?: string; url?: string; socket?: { remoteAddress?: string } }) => ({
    method: request.method,
    url: redactedUrl(request.url ?? ''),
    remote: request.socket?.remoteAddress,
  }),
  res: (reply: { statusCode?: number }) => ({ status: reply.statusCode }),
};

/** fastify's options for a logger: `logger` with the safe serializers, fastify's own two lines per request off (ours is one). */
export function fastifyLoggerOptions(logger: FastifyBaseLogger | undefined): { loggerInstance: FastifyBaseLogger; logController: LogController } | { logger: false } {
  if (!logger) return { logger: false };
  return { loggerInstance: logger.child({ name: 'http' }, { serializers: accessSerializers }), logController: new LogController({ disableRequestLogging: true }) };
}

/** Writes one access line for each answered request, and for each WebSocket the guard let through. */
export function logAccess(app: FastifyInstance): void {
  const write = (request: FastifyRequest, record: AccessRecord): void =>
    request.log[accessLevel(record)]({ access: record }, `${record.method} ${record.url} ${record.status}`);
  app.addHook('onResponse', async (request, reply) => write(request, accessRecord(request, reply)));
  // An upgraded request is never answered in HTTP, so onResponse never sees it: it is written
  // when its handler is about to take the socket (the guard's onRequest has let it through).
  app.addHook('preHandler', async (request, reply) => {
    if (request.headers.upgrade?.toLowerCase() !== 'websocket' || request.is404) return;
    write(request, { ...accessRecord(request, reply), status: 101 });
  });
}
