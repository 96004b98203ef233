/**
 * Who may talk to the player. The local API binds to loopback by default; binding elsewhere needs
 * a token, which other machines must send to /api/ and /ws — but not to the console under /admin/,
 * whose session is its credential. Independently of that, no web page may drive the player: a
 * request whose Host header is not the player's own (DNS rebinding) is refused, and so is a
 * mutating request or a WebSocket upgrade that carries a foreign Origin, console included.
 */
import { timingSafeEqual } from 'node:crypto';
import { isIP } from 'node:net';

export interface GuardOptions {
  /** Address the server is bound to. */
  bindHost: string;
  port: number;
  /** Required for non-loopback peers when bound beyond loopback. */
  token: string | null;
  /** Extra host names (e.g. the player's DNS name on the hall LAN) accepted in the Host header. */
  allowedHosts?: string[];
}

export interface GuardRequest {
  method: string;
  url: string;
  host: string | undefined;
  origin: string | undefined;
  authorization: string | undefined;
  /** Peer address. */
  remote: string;
  isWebSocket: boolean;
}

export type GuardVerdict = { ok: true } | { ok: false; status: 401 | 403; message: string };

const MUTATING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export function isLoopback(address: string): boolean {
  const plain = address.replace(/^::ffff:/, '');
  return plain === '::1' || plain === 'localhost' || (isIP(plain) === 4 && plain.startsWith('127.'));
}

export function createGuard(options: GuardOptions): (request: GuardRequest) => GuardVerdict {
  const hosts = new Set<string>();
  const names = ['127.0.0.1', 'localhost', '[::1]', ...(options.allowedHosts ?? [])];
  if (!isLoopback(options.bindHost) && options.bindHost !== '0.0.0.0' && options.bindHost !== '::') {
    names.push(isIP(options.bindHost) === 6 ? `[${options.bindHost}]` : options.bindHost);
  }
  for (const name of names) {
    hosts.add(`${name}:${options.port}`.toLowerCase());
    if (options.port === 80) hosts.add(name.toLowerCase());
  }
  const wildcard = options.bindHost === '0.0.0.0' || options.bindHost === '::';
  const exposed = !isLoopback(options.bindHost);
  if (exposed && !options.token) throw new Error(`binding to ${options.bindHost} needs a token: set --token or HALLCAST_TOKEN`);
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
    const fromQuery = request.isWebSocket ? new URL(request.url, 'http://x').searchParams.get('token') : null;
    const given = Buffer.from(request.authorization ?? (fromQuery ? `Bearer ${fromQuery}` : ''));
    return given.length === expected.length && timingSafeEqual(given, expected);
  };

  return (request) => {
    if (!hostAllowed(request.host)) {
      return { ok: false, status: 403, message: `Host "${request.host ?? ''}" is not this player: use the address it listens on` };
    }
    if (request.origin !== undefined && (MUTATING.has(request.method) || request.isWebSocket)) {
      if (originHostOf(request.origin) !== request.host?.toLowerCase()) {
        return { ok: false, status: 403, message: `requests from ${request.origin} may not drive the player` };
      }
    }
    // The console's own session is its credential (electron/core/admin), so a floor manager's
    // browser on the hall's LAN needs no API token; Host and Origin are checked above as for all.
    const needsToken = exposed && !isLoopback(request.remote) && !isConsole(request.url) && (request.url.startsWith('/api/') || request.isWebSocket);
    if (needsToken && !tokenOk(request)) {
      return { ok: false, status: 401, message: 'this player needs a token: send Authorization: Bearer TOKEN' };
    }
    return { ok: true };
  };
}

/** /admin, /admin/… and /admin?…: the floor-manager console's page, API and preview socket. */
export function isConsole(url: string): boolean {
  return url === '/admin' || url.startsWith('/admin/') || url.startsWith('/admin?');
}

function originHostOf(origin: string): string | null {
  try {
    return new URL(origin).host.toLowerCase();
  } catch {
    return null;
  }
}
