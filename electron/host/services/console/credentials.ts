/**
 * The console's credentials in force: HALLCAST_ADMIN_PASSWORD (hashed in memory at start, never
 * written) or the hash in STATE/admin.json, which is read again whenever the file changes — so
 * `hallcast admin-password` on a running player takes effect at the next sign-in and ends the
 * sessions opened with the old password.
 */
import { statSync } from 'node:fs';
import { hashPassword, passwordMatches, type PasswordHash, type ScryptCost } from './admin-password.js';
import { adminFileOf, readAdminFile, type AdminFile } from './admin-file.js';

export const NO_PASSWORD = 'the console has no password yet: run hallcast admin-password';

export interface Credentials {
  /** Null when a password is set; otherwise why the console is closed, with the fix. */
  closedBecause(): string | null;
  check(password: string): Promise<boolean>;
  loopbackWithoutSignIn(): boolean;
  /** Changes when the password does: sessions remember it and end when it changes. */
  generation(): string;
}

export interface CredentialsOptions {
  stateDir: string;
  /** HALLCAST_ADMIN_PASSWORD; null or empty: use STATE/admin.json. */
  envPassword: string | null;
  cost?: ScryptCost;
}

export async function createCredentials(options: CredentialsOptions): Promise<Credentials> {
  const fromEnv: PasswordHash | null = options.envPassword ? await hashPassword(options.envPassword, options.cost) : null;
  let seen = '';
  let file: AdminFile = {};
  let problem: string | null = null;

  // Stat on every request is cheap; reading and parsing only when the file changed.
  const current = (): AdminFile => {
    const info = statSync(adminFileOf(options.stateDir), { throwIfNoEntry: false });
    const stamp = info ? `${info.ino}:${info.size}:${info.mtimeMs}` : 'none';
    if (stamp !== seen) {
      seen = stamp;
      const read = readAdminFile(options.stateDir);
      file = read.ok ? read.file : {};
      problem = read.ok ? null : read.problem;
    }
    return file;
  };
  const password = (): PasswordHash | null => fromEnv ?? current().password ?? null;

  return {
    closedBecause() {
      if (password()) return null;
      return problem ? `the console is closed: ${problem}` : NO_PASSWORD;
    },
    async check(given) {
      const stored = password();
      return stored ? passwordMatches(given, stored) : false;
    },
    loopbackWithoutSignIn: () => current().loopbackWithoutSignIn === true,
    generation: () => password()?.salt ?? '',
  };
}
