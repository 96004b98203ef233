import path from 'node:path';
import { formatDiagnostic, hasErrors, summarize } from '../contract/diagnostic.js';
import { loadPlaylists } from '../host/services/playlists/load.js';
import { checkVoiceFolder } from '../host/services/speech/voice-pack-folder.js';
import type { Output } from './output.js';

/**
 * `hallcast validate [DIR] [--assets DIR]`: every finding as FILE:LINE:COL, then a summary; exit 1
 * on errors. Checks the playlist folder and the voice packs under the assets folder.
 */
export function runValidate(dir: string, assetsDir: string | undefined, out: Output, now: number): number {
  const assets = assetsDir ?? path.join(dir, '..', 'assets');
  const result = loadPlaylists(dir, { assetsDir: assets, now });
  const voice = checkVoiceFolder(path.join(assets, 'voice'), `${path.relative(process.cwd(), assets).replace(/\\/g, '/') || '.'}/voice`);
  const diagnostics = [...result.diagnostics, ...voice];
  for (const diagnostic of diagnostics) out.stdout(formatDiagnostic(diagnostic));
  out.stdout(summarize(diagnostics, result.files.length));
  return hasErrors(diagnostics) ? 1 : 0;
}
