/**
 * Checks a change before it touches the hall's folder: the playlist files are copied to a
 * temporary folder, the change is made there, and the player's own loader runs on it with the
 * real media folder. So a programme that the schedule still names cannot be deleted, and a file
 * that is fine alone but breaks another is refused, exactly as the player would refuse them.
 */
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Diagnostic } from '../../../contract/diagnostic.js';
import { loadPlaylists } from '../playlists/load.js';

export interface Trial {
  ok: boolean;
  diagnostics: Diagnostic[];
}

/** `content` null deletes the file. File names in the findings are relative to the folder. */
export function tryChange(playlistsDir: string, assetsDir: string, file: string, content: Uint8Array | null, now: number): Trial {
  const copy = mkdtempSync(path.join(tmpdir(), 'hallcast-trial-'));
  try {
    copyPlaylistFiles(playlistsDir, copy);
    const target = path.join(copy, file);
    if (content) {
      mkdirSync(path.dirname(target), { recursive: true });
      writeFileSync(target, content);
    } else if (existsSync(target)) unlinkSync(target);
    const result = loadPlaylists(copy, { assetsDir, displayDir: '', displayAssets: 'assets', now });
    return { ok: result.config !== null, diagnostics: result.diagnostics };
  } finally {
    rmSync(copy, { recursive: true, force: true });
  }
}

/** The files the loader reads: *.json at the top and in programmes/ (the schemas are bundled). */
function copyPlaylistFiles(from: string, to: string): void {
  for (const sub of ['', 'programmes']) {
    const dir = path.join(from, sub);
    if (!existsSync(dir)) continue;
    mkdirSync(path.join(to, sub), { recursive: true });
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if ((entry.isFile() || entry.isSymbolicLink()) && entry.name.endsWith('.json')) copyFileSync(path.join(dir, entry.name), path.join(to, sub, entry.name));
    }
  }
}
