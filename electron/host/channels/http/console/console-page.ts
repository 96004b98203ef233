/**
 * Serves the built console (dist/admin: index.html, app.js, app.css and what they load) under
 * /admin/, with its own Content-Security-Policy. Paths without an extension get index.html, so the
 * console's own page addresses survive a reload. Until the console is built, a 404 says how.
 */
import { createReadStream, realpathSync, statSync } from 'node:fs';
import path from 'node:path';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { consoleSecurityPolicy } from '../csp.js';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
};

export const NOT_BUILT = 'the console is not built: run npm run build';

/** A handler for GET /admin/ and /admin/*; `dir` is dist/admin. */
export function consolePage(dir: string) {
  return async (request: FastifyRequest<{ Params: { '*'?: string } }>, reply: FastifyReply): Promise<FastifyReply> => {
    let wanted: string;
    try {
      wanted = decodeURIComponent(request.params['*'] ?? '');
    } catch {
      return reply.code(400).send({ error: 'malformed path' });
    }
    const safe = !wanted.includes('\0') && !wanted.includes('\\') && !wanted.split('/').some((part) => part.startsWith('.'));
    const file = safe ? pageFile(dir, wanted === '' || path.posix.extname(wanted) === '' ? 'index.html' : wanted) : null;
    if (!file) {
      const built = statSync(path.join(dir, 'index.html'), { throwIfNoEntry: false })?.isFile();
      return reply.code(404).send({ error: built ? 'no such file in the console' : NOT_BUILT });
    }
    const type = TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
    return reply
      .header('Content-Type', type)
      .header('Content-Length', statSync(file).size)
      // The page is small and changes with every build; a stale app.js against a newer host is worse.
      .header('Cache-Control', 'no-cache')
      .header('Content-Security-Policy', consoleSecurityPolicy())
      .send(createReadStream(file));
  };
}

/** The file under `dir` that `relative` (no dot segments) names, or null: nothing outside, through links too. */
function pageFile(dir: string, relative: string): string | null {
  try {
    const root = realpathSync(dir);
    const real = realpathSync(path.resolve(root, relative));
    if (!real.startsWith(`${root}${path.sep}`) || !statSync(real).isFile()) return null;
    return real;
  } catch {
    return null;
  }
}
