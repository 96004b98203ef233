/**
 * STATE/admin.json: the console's password hash and whether this machine's own browser may use
 * the console without signing in. Written only by `hallcast admin-password` (and by hand for
 * `loopbackWithoutSignIn`); the password itself is never stored.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { isPasswordHash, type PasswordHash } from './admin-password.js';
import { writeFileAtomic } from './atomic-file.js';

export const ADMIN_FILE = 'admin.json';

export interface AdminFile {
  password?: PasswordHash;
  /** Requests from this machine (loopback) need no session: a kiosk with a keyboard, a local script. */
  loopbackWithoutSignIn?: boolean;
}

export type AdminFileRead = { ok: true; file: AdminFile } | { ok: false; problem: string };

export function adminFileOf(stateDir: string): string {
  return path.join(stateDir, ADMIN_FILE);
}

export function readAdminFile(stateDir: string): AdminFileRead {
  const file = adminFileOf(stateDir);
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { ok: true, file: {} };
    return { ok: false, problem: `${file} cannot be read (${(error as NodeJS.ErrnoException).code ?? String(error)})` };
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { ok: false, problem: `${file} is not valid JSON: run hallcast admin-password to write it again` };
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return { ok: false, problem: `${file} must hold a JSON object` };
  const { password, loopbackWithoutSignIn } = value as Record<string, unknown>;
  if (password !== undefined && !isPasswordHash(password)) {
    return { ok: false, problem: `${file} has a "password" that is not a scrypt hash this player can use: run hallcast admin-password again` };
  }
  return {
    ok: true,
    file: { ...(password ? { password: password as PasswordHash } : {}), ...(loopbackWithoutSignIn === true ? { loopbackWithoutSignIn: true } : {}) },
  };
}

/** Stores a new password hash, keeping the file's other settings; readable by the owner only. */
export async function saveAdminPassword(stateDir: string, password: PasswordHash): Promise<string> {
  const read = readAdminFile(stateDir);
  const kept = read.ok ? read.file : {};
  mkdirSync(stateDir, { recursive: true, mode: 0o700 });
  const file = adminFileOf(stateDir);
  await writeFileAtomic(file, Buffer.from(`${JSON.stringify({ ...kept, password }, null, 2)}\n`), undefined, 0o600);
  return file;
}
