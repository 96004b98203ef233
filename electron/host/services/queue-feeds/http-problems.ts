/**
 * HTTP and socket failures in words a hall technician can act on: what went wrong and where to
 * look. Shared by polls, snapshots, SSE and WebSocket connects, so one failure reads the same.
 */

export function describeTimeout(ms: number): string {
  return `no answer within ${ms / 1000} s (is the queue system up, and reachable from this player?)`;
}

export function describeHttpStatus(status: number, statusText: string): string {
  const text = `HTTP ${status}${statusText === '' ? '' : ` ${statusText}`}`;
  if (status === 401 || status === 403) return `${text} (does the queue system need a token? set "headers")`;
  if (status === 404) return `${text} (check the URL path)`;
  if (status >= 500) return `${text} (the queue system reports an error of its own)`;
  return text;
}

/** The answer was a web page: the URL is the vendor's UI or a login portal, not its API. */
export function describeHtml(expected: string, kindOfUrl: string): string {
  return `expected ${expected}, got text/html (is this the queue system's ${kindOfUrl} URL?)`;
}

/** A failed connect or a dropped connection, from fetch (error.cause.code) or ws (error.code). */
export function describeConnectionError(error: unknown): string {
  const cause = (error as { cause?: unknown } | null)?.cause ?? error;
  const code = (cause as { code?: unknown } | null)?.code;
  switch (code) {
    case 'ECONNREFUSED':
      return 'connection refused (is the queue system running, and is the port right?)';
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return "host not found (check the host name and the player's DNS)";
    case 'EHOSTUNREACH':
    case 'ENETUNREACH':
      return 'host unreachable (check the network between this player and the queue system)';
    case 'ECONNRESET':
    case 'UND_ERR_SOCKET':
      return 'connection dropped by the queue system';
  }
  if (typeof code === 'string' && /CERT|TLS|SSL/.test(code)) return `TLS certificate problem (${code}): use the right host name, or http if the vendor has no valid certificate`;
  const message = cause instanceof Error ? cause.message : String(cause);
  return typeof code === 'string' ? `${message} (${code})` : message;
}
