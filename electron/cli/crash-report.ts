/**
 * An error nobody expected, reported as its message and its stack in the TypeScript sources
 * (electron/cli/serve.ts:111:8), never as a line of the bundle: node's own report of an uncaught
 * error quotes the line that threw, and one line of the minified bundle is 20-35 KB of code.
 *
 * The bundle's source map is read only here, when something has crashed: node's
 * --enable-source-maps would parse all 5 MB of it at every start (~150 ms and 20 MB measured).
 */
import { readFileSync } from 'node:fs';
import { SourceMap } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** A source map's lookup: 0-based generated line and column → original place, or null. */
export type SourceLookup = (line: number, column: number) => { source: string; line: number; column: number } | null;

const FRAME = /(\(|\s)((?:file:\/\/)?\/[^():]+\.[cm]?js):(\d+):(\d+)(\)?)$/;
const MAX_MESSAGE = 600;

/**
 * The report's text. `lookupFor(file)` gives the map of a bundle file (null when it has none);
 * `root` is the folder paths are shown relative to.
 */
export function crashReport(error: unknown, lookupFor: (file: string) => SourceLookup | null, root: string): string {
  const stack = error instanceof Error && typeof error.stack === 'string' ? error.stack : String(error);
  const lines = stack.split('\n');
  const firstFrame = lines.findIndex((line) => /^\s+at /.test(line));
  const head = (firstFrame < 0 ? lines : lines.slice(0, firstFrame)).join(' ').replace(/\s+/g, ' ').trim();
  const code = (error as { code?: unknown } | null)?.code;
  const frames = (firstFrame < 0 ? [] : lines.slice(firstFrame)).map((line) => mapFrame(line, lookupFor, root));
  return [
    `hallcast: unexpected error (a bug: please report these lines): ${clip(head)}${typeof code === 'string' && !head.includes(code) ? ` [${code}]` : ''}`,
    ...frames,
  ].join('\n');
}

function mapFrame(line: string, lookupFor: (file: string) => SourceLookup | null, root: string): string {
  const m = FRAME.exec(line);
  if (!m) return line;
  const file = m[2]!.startsWith('file://') ? fileURLToPath(m[2]!) : m[2]!;
  const place = lookupFor(file)?.(Number(m[3]) - 1, Number(m[4]) - 1);
  if (!place) return line.replace(m[2]!, path.relative(root, file));
  const source = path.relative(root, path.resolve(path.dirname(file), place.source));
  return line.slice(0, m.index) + `${m[1]}${source}:${place.line + 1}:${place.column + 1}${m[5]}`;
}

function clip(text: string): string {
  return text.length > MAX_MESSAGE ? `${text.slice(0, MAX_MESSAGE)}… (${text.length} characters)` : text;
}

/** The map beside a bundle file (FILE.js.map), or null. */
export function sourceMapBeside(file: string): SourceLookup | null {
  let map: SourceMap;
  try {
    map = new SourceMap(JSON.parse(readFileSync(`${file}.map`, 'utf8')) as ConstructorParameters<typeof SourceMap>[0]);
  } catch {
    return null;
  }
  return (line, column) => {
    const entry = map.findEntry(line, column) as { originalSource?: string; originalLine?: number; originalColumn?: number };
    return entry.originalSource === undefined ? null : { source: entry.originalSource, line: entry.originalLine!, column: entry.originalColumn! };
  };
}
