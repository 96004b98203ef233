import path from 'node:path';
import { formatDiagnostic, hasErrors, summarize } from '../core/playlists/diagnostic.js';
import { loadPlaylists } from '../core/playlists/load.js';
import type { Output } from './output.js';

/** `hallcast validate [DIR] [--assets DIR]`: every finding as FILE:LINE:COL, then a summary; exit 1 on errors. */
export function runValidate(dir: string, assetsDir: string | undefined, out: Output, now: number): number {
  const result = loadPlaylists(dir, { assetsDir: assetsDir ?? path.join(dir, '..', 'assets'), now });
  for (const diagnostic of result.diagnostics) out.stdout(formatDiagnostic(diagnostic));
  out.stdout(summarize(result.diagnostics, result.files.length));
  return hasErrors(result.diagnostics) ? 1 : 0;
}
