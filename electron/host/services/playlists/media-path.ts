/**
 * Media paths in playlists are relative to the hall's assets/ folder and must stay inside it,
 * also through symbolic links, so a playlist can never make the screen read /etc/passwd.
 */
import { realpathSync, statSync } from 'node:fs';
import path from 'node:path';

export type MediaCheck =
  | { ok: true; absolute: string }
  | { ok: false; problem: 'escapes' | 'missing' | 'not-a-file'; absolute: string | null };

export function resolveMedia(assetsRoot: string, relative: string): MediaCheck {
  const root = path.resolve(assetsRoot);
  if (path.isAbsolute(relative) || relative.includes('\\') || relative.includes('\0')) return { ok: false, problem: 'escapes', absolute: null };
  const absolute = path.resolve(root, relative);
  if (!isInside(root, absolute)) return { ok: false, problem: 'escapes', absolute: null };
  let real: string;
  try {
    real = realpathSync(absolute);
  } catch {
    return { ok: false, problem: 'missing', absolute };
  }
  if (!isInside(realRoot(root), real)) return { ok: false, problem: 'escapes', absolute: null };
  if (!statSync(real).isFile()) return { ok: false, problem: 'not-a-file', absolute };
  return { ok: true, absolute: real };
}

function realRoot(root: string): string {
  try {
    return realpathSync(root);
  } catch {
    return root;
  }
}

function isInside(root: string, candidate: string): boolean {
  const rel = path.relative(root, candidate);
  return rel !== '' && !rel.startsWith('..') && !path.isAbsolute(rel);
}

