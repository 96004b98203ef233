/**
 * The display's own origin, hallcast://app/: the built renderer at /, the hall's media under
 * /media/. A privileged standard scheme instead of file:// gives the page a real origin (so the
 * CSP's 'self', fetch and the navigation guard mean something) and confines what it can read.
 */
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { Readable } from 'node:stream';
import type { CustomScheme } from 'electron';
import { contentSecurityPolicy } from '../host/channels/http/csp.js';
import { existsSync } from 'node:fs';
import { resolveMedia } from '../host/services/playlists/media-path.js';
import { SPEECH_ROUTE, speechFile } from '../host/services/pa-desk/speech-clips.js';
import type { Log } from '../host/ports.js';
import { byteRange } from './byte-range.js';
import { contentTypeOf } from './content-type.js';

export const APP_SCHEME = 'hallcast';
export const APP_ORIGIN = `${APP_SCHEME}://app`;
export const APP_URL = `${APP_ORIGIN}/`;

export const APP_SCHEME_PRIVILEGES: CustomScheme = {
  scheme: APP_SCHEME,
  // stream: media elements read the body as it arrives and seek with Range requests.
  privileges: { standard: true, secure: true, supportFetchAPI: true, stream: true },
};

/** The local API's policy, except that the display talks to its host over IPC, not a WebSocket. */
export const APP_CSP = contentSecurityPolicy("'self'");

export function isAppUrl(url: string): boolean {
  try {
    const parsed = new URL(url);
    return parsed.protocol === `${APP_SCHEME}:` && parsed.host === 'app';
  } catch {
    return false;
  }
}

export interface AppProtocolOptions {
  /** The built renderer (dist/renderer). */
  rendererDir: string;
  /** The hall's assets folder: the only place /media/ reads from. */
  assetsDir: string;
  /** Rendered speech (the host's speech cache): the only place /speech/ reads from. */
  speechDir: string;
  log: Log;
}

export function createAppProtocolHandler(options: AppProtocolOptions): (request: Request) => Promise<Response> {
  return async (request) => {
    const url = new URL(request.url);
    if (url.protocol !== `${APP_SCHEME}:` || url.host !== 'app') return notFound();
    if (request.method !== 'GET' && request.method !== 'HEAD') return new Response(null, { status: 405, headers: { Allow: 'GET, HEAD' } });
    let pathname: string;
    try {
      // Encoded separators and dots (%2e%2e%2f) become real ones here, before the confinement check.
      pathname = decodeURIComponent(url.pathname);
    } catch {
      return notFound();
    }
    if (pathname.startsWith(SPEECH_ROUTE)) {
      const file = speechFile(options.speechDir, pathname.slice(SPEECH_ROUTE.length));
      return file && existsSync(file) ? fileResponse(file, request) : notFound();
    }
    const [root, relative] = pathname.startsWith('/media/')
      ? [options.assetsDir, pathname.slice('/media/'.length)]
      : [options.rendererDir, pathname === '/' ? 'index.html' : pathname.slice(1)];
    const check = resolveMedia(root, relative);
    if (!check.ok) {
      if (check.problem === 'escapes') options.log.warn('refused a display request outside its folder', { url: request.url });
      return notFound();
    }
    return fileResponse(check.absolute, request);
  };
}

async function fileResponse(file: string, request: Request): Promise<Response> {
  const { size } = await stat(file);
  const type = contentTypeOf(file);
  const headers = new Headers({ 'Content-Type': type, 'Accept-Ranges': 'bytes', 'X-Content-Type-Options': 'nosniff' });
  if (type.startsWith('text/html')) headers.set('Content-Security-Policy', APP_CSP);
  const range = byteRange(request.headers.get('range'), size);
  if (range.kind === 'unsatisfiable') {
    headers.set('Content-Range', `bytes */${size}`);
    return new Response(null, { status: 416, headers });
  }
  const start = range.kind === 'part' ? range.start : 0;
  const end = range.kind === 'part' ? range.end : size - 1;
  if (range.kind === 'part') headers.set('Content-Range', `bytes ${start}-${end}/${size}`);
  headers.set('Content-Length', String(end - start + 1));
  const body = request.method === 'HEAD' || size === 0 ? null : (Readable.toWeb(createReadStream(file, { start, end })) as ReadableStream<Uint8Array>);
  return new Response(body, { status: range.kind === 'part' ? 206 : 200, headers });
}

function notFound(): Response {
  return new Response('not found', { status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
}
