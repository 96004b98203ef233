/**
 * `hallcast admin-password [--state DIR]`: sets the floor-manager console's password. Only a scrypt
 * hash is stored, in STATE/admin.json (readable by its owner only); a running player picks it up at
 * the next sign-in, and the sessions opened with the old password end.
 */
import { hashPassword, passwordProblem, type ScryptCost } from '../host/services/console/admin-password.js';
import { saveAdminPassword } from '../host/services/console/admin-file.js';
import type { Output } from './output.js';

export async function runAdminPassword(stateDir: string, secret: () => Promise<string>, out: Output, cost?: ScryptCost): Promise<number> {
  let password: string;
  try {
    password = await secret();
  } catch {
    out.stderr('hallcast: no password read; nothing changed');
    return 1;
  }
  const problem = passwordProblem(password);
  if (problem) {
    out.stderr(`hallcast: ${problem}; nothing changed`);
    return 1;
  }
  const file = await saveAdminPassword(stateDir, await hashPassword(password, cost));
  out.stdout(`hallcast: console password set (scrypt hash in ${file}); sign in at http://HOST:PORT/admin/`);
  return 0;
}
