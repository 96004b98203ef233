/**
 * Who may talk to the player, decided on the route the router matched. A path in any but its
 * canonical spelling is refused first (canonical-path.ts), so the rule read is always that of the
 * route that will answer. Then, for every request: a Host header that is not the player's own (DNS
 * rebinding) is refused, and so is a mutating request or a WebSocket upgrade carrying a foreign
 * Origin — no web page may drive the player, console included. Last, the route's own rule
 * (route-access.ts): bound beyond loopback, other machines must send the token to the API, speech
 * and the display socket; the console's routes are checked by its session (console-access.ts)
 * instead; a route with no rule is refused.
 */
import { timingSafeEqual } from 'node:crypto';
import { isIP } from 'node:net';
import { pathProblem } from './canonical-path.js';
import type { Access } from './route-access.js';

export interface GuardOptions {
  /** Address the server is bound to. */
  bindAddress: string;
  port: number;
  /** Required for non-loopback peers when bound beyond loopback. */
  token: string | null;
  /** Extra host names (e.g. the player's DNS name on the hall LAN) accepted in the Host header. */
  allowedHosts?: string[];
}

export interface GuardRequest {
  method: string;
  /** The raw request target, as the client wrote it (path and query). */
  url: string;
  /** The matched route's rule; 'no-route' when nothing matched (the 404 answer); null when the route declares none. */
  access: Access | 'no-route' | null;
  host: string | undefined;
  origin: string | undefined;
  authorization: string | undefined;
  /** Peer address. */
  remote: string;
  isWebSocket: boolean;
  /** The matched route takes WebSocket upgrades. */
  socketRoute: boolean;
}

export type GuardVerdict = { ok: true } | { ok: false; status: 401 | 403 | 404; message: string };

export const TOKEN_NEEDED = 'this player needs a token: send Authorization: Bearer TOKEN';
export const NO_RULE = 'this route has no access rule: it answers nobody';
export const NOT_A_SOCKET = 'no WebSocket here: the display connects to /ws';
/** The rules that need the token from other machines when bound beyond loopback. */
const TOKEN_RULES = new Set<GuardRequest['access']>(['api', 'speech', 'display-socket']);

const MUTATING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export function isLoopback(address: string): boolean {
  const plain = address.replace(/^::ffff:/, '');
  return plain === '::1' || plain === 'localhost' || (isIP(plain) === 4 && plain.startsWith('127.'));
}

export function createGuard(options: GuardOptions): (request: GuardRequest) => GuardVerdict {
  const hosts = new Set<string>();
  const names = ['127.0.0.1', 'localhost', '[::1]', ...(options.allowedHosts ?? [])];
  if (!isLoopback(options.bindAddress) && options.bindAddress !== '0.0.0.0' && options.bindAddress !== '::') {
    names.push(isIP(options.bindAddress) === 6 ? `[${options.bindAddress}]` : options.bindAddress);
  }
  for (const name of names) {
    hosts.add(`${name}:${options.port}`.toLowerCase());
    if (options.port === 80) hosts.add(name.toLowerCase());
  }
  const wildcard = options.bindAddress === '0.0.0.0' || options.bindAddress === '::';
  const exposed = !isLoopback(options.bindAddress);
  if (exposed && !options.token) throw new Error(`binding to ${options.bindAddress} needs a token: set --token or HALLCAST_TOKEN`);
  const expected = options.token ? Buffer.from(`Bearer ${options.token}`) : null;

  const hostAllowed = (host: string | undefined): boolean => {
    if (!host) return false;
    const lower = host.toLowerCase();
    if (hosts.has(lower)) return true;
    // Bound to every address: any IP literal of this machine is fine, names are not (rebinding).
    if (wildcard) {
      const name = lower.replace(/:\d+$/, '').replace(/^\[(.*)\]$/, '$1');
      return isIP(name) !== 0 && lower.endsWith(`:${options.port}`);
    }
    return false;
  };

  const tokenOk = (request: GuardRequest): boolean => {
    if (!expected) return false;
    // A browser cannot set headers on a WebSocket, so the display socket may carry it as ?token=.
    const fromQuery = request.access === 'display-socket' ? new URL(request.url, 'http://x').searchParams.get('token') : null;
    const given = Buffer.from(request.authorization ?? (fromQuery ? `Bearer ${fromQuery}` : ''));
    return given.length === expected.length && timingSafeEqual(given, expected);
  };

  return (request) => {
    const problem = pathProblem(request.url);
    if (problem) return { ok: false, status: 404, message: `${request.method} ${request.url.split('?')[0]}: not a path of this player (${problem})` };
    if (!hostAllowed(request.host)) {
      return { ok: false, status: 403, message: `Host "${request.host ?? ''}" is not this player: use the address it listens on` };
    }
    if (request.origin !== undefined && (MUTATING.has(request.method) || request.isWebSocket)) {
      if (originHostOf(request.origin) !== request.host?.toLowerCase()) {
        return { ok: false, status: 403, message: `requests from ${request.origin} may not drive the player` };
      }
    }
    // Fail closed: a route nobody gave a rule answers nobody, this machine included.
    if (request.access === null) return { ok: false, status: 403, message: NO_RULE };
    if (request.isWebSocket && !request.socketRoute) return { ok: false, status: 404, message: NOT_A_SOCKET };
    if (exposed && !isLoopback(request.remote) && TOKEN_RULES.has(request.access) && !tokenOk(request)) {
      return { ok: false, status: 401, message: TOKEN_NEEDED };
    }
    return { ok: true };
  };
}

function originHostOf(origin: string): string | null {
  try {
    return new URL(origin).host.toLowerCase();
  } catch {
    return null;
  }
}
