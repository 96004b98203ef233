/**
 * Who may use the console's API, decided before a request's body is read. Every /admin/api route
 * is closed (503, with the fix) until a password is set, except GET /admin/api/session. A route
 * whose rule is 'sign-in' (sign-in, the session probe) needs nothing more; every 'console' one needs a session
 * cookie — or, with "loopbackWithoutSignIn", a request from this machine — and every mutating one
 * also the session's CSRF token in X-CSRF-Token. Host and Origin are checked for every request by
 * the server's guard before this runs.
 */
import { randomBytes } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { isLoopback } from '../guard.js';
import type { Credentials } from '../../../commands/commands.js';
import { sameToken, type Session, type Sessions } from './sessions.js';

export const SESSION_COOKIE = 'hallcast_session';
export const CSRF_HEADER = 'x-csrf-token';
/** The cookie is sent to the console only, never to the display's pages or the API. */
export const COOKIE_PATH = '/admin';

export type Principal = { kind: 'session'; session: Session; expiresAt: number } | { kind: 'loopback'; csrf: string };

const MUTATING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export interface ConsoleAccess {
  /** The onRequest hook of the console's routes. */
  check(request: FastifyRequest, reply: FastifyReply): Promise<FastifyReply | undefined>;
  /** Who is asking: a session, this machine without sign-in, or nobody. */
  principal(request: FastifyRequest): Principal | null;
}

export function createConsoleAccess(credentials: Credentials, sessions: Sessions): ConsoleAccess {
  // Stands in for a session's CSRF token when this machine needs no sign-in, so the console and
  // scripts do the same thing everywhere: read the token from GET /admin/api/session, send it back.
  const loopbackCsrf = randomBytes(32).toString('base64url');
  const principals = new WeakMap<FastifyRequest, Principal | null>();
  const expired = new WeakSet<FastifyRequest>();

  const principal = (request: FastifyRequest): Principal | null => {
    if (principals.has(request)) return principals.get(request)!;
    const found = sessions.touch(request.cookies[SESSION_COOKIE], credentials.generation());
    let who: Principal | null = null;
    if (found.state === 'open') who = { kind: 'session', session: found.session, expiresAt: found.expiresAt };
    else if (credentials.loopbackWithoutSignIn() && isLoopback(request.socket.remoteAddress ?? '')) who = { kind: 'loopback', csrf: loopbackCsrf };
    principals.set(request, who);
    if (!who && found.state === 'expired') expired.add(request);
    return who;
  };

  return {
    principal,
    async check(request, reply) {
      const isSessionProbe = request.method === 'GET' && request.routeOptions.url === '/admin/api/session';
      const closed = credentials.closedBecause();
      if (closed && !isSessionProbe) return reply.code(503).send({ error: closed });
      if (request.routeOptions.config.access === 'sign-in') return undefined;
      const who = principal(request);
      if (!who) {
        return reply.code(401).send({ error: expired.has(request) ? 'session expired: sign in again' : 'not signed in: sign in to the console first (POST /admin/api/login)' });
      }
      if (MUTATING.has(request.method)) {
        const given = request.headers[CSRF_HEADER];
        const expected = who.kind === 'session' ? who.session.csrf : who.csrf;
        if (!sameToken(typeof given === 'string' ? given : undefined, expected)) {
          return reply.code(403).send({ error: 'missing or wrong X-CSRF-Token: send the csrf value that sign-in (or GET /admin/api/session) gave' });
        }
      }
      return undefined;
    },
  };
}
