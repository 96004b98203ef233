/**
 * The playlist files the console may read and write, named by their path in the folder: the known
 * top-level files and programmes/ID.json with a valid programme id. Anything else is no file of
 * ours (404), so no name can reach outside the folder.
 */
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { PROGRAMME_ID, TOP_FILES } from '../playlists/load.js';
import type { FileKind } from '../../domain/hall-config/schema-check.js';

export interface PlaylistFile {
  /** As the console names it: `schedule.json`, `programmes/morning.json`. */
  path: string;
  kind: FileKind;
}

export function playlistFile(name: string): PlaylistFile | null {
  const top = Object.hasOwn(TOP_FILES, name) ? TOP_FILES[name] : undefined;
  if (top) return { path: name, kind: top.kind };
  const programme = /^programmes\/([^/]+)\.json$/.exec(name);
  if (programme && PROGRAMME_ID.test(programme[1]!)) return { path: name, kind: 'programme' };
  return null;
}

/** The known files present in the folder, top-level files first, then programmes by id. */
export function listPlaylistFiles(dir: string): PlaylistFile[] {
  const found: PlaylistFile[] = [];
  for (const name of Object.keys(TOP_FILES)) if (existsSync(path.join(dir, name))) found.push(playlistFile(name)!);
  const programmes = path.join(dir, 'programmes');
  const names = existsSync(programmes) ? readdirSync(programmes).sort() : [];
  for (const name of names) {
    const file = playlistFile(`programmes/${name}`);
    if (file) found.push(file);
  }
  return found;
}

/** `$schema` as the shipped files write it, for a file saved without one. */
export function schemaReference(kind: FileKind): string {
  return `${kind === 'programme' ? '../' : './'}schema/${kind}.schema.json`;
}
