import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { hashPassword } from './admin-password.js';
import { adminFileOf, readAdminFile, saveAdminPassword } from './admin-file.js';
import { createCredentials, NO_PASSWORD } from './credentials.js';

const CHEAP = { N: 1024, r: 8, p: 1 };
const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});
function stateDir(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'hallcast-state-'));
  dirs.push(dir);
  return dir;
}

describe('console credentials', () => {
  it('is closed, with the fix, until a password is set', async () => {
    const credentials = await createCredentials({ stateDir: stateDir(), envPassword: null, cost: CHEAP });
    expect(credentials.closedBecause()).toBe(NO_PASSWORD);
    expect(NO_PASSWORD).toBe('the console has no password yet: run hallcast admin-password');
    expect(await credentials.check('anything at all')).toBe(false);
  });

  it('takes HALLCAST_ADMIN_PASSWORD, hashed in memory, writing nothing', async () => {
    const dir = stateDir();
    const credentials = await createCredentials({ stateDir: dir, envPassword: 'from the environment', cost: CHEAP });
    expect(credentials.closedBecause()).toBeNull();
    expect(await credentials.check('from the environment')).toBe(true);
    expect(await credentials.check('from the file')).toBe(false);
    expect(readAdminFile(dir)).toEqual({ ok: true, file: {} });
  });

  it('reads admin.json again when it changes: a new password works at once and changes the generation', async () => {
    const dir = stateDir();
    const credentials = await createCredentials({ stateDir: dir, envPassword: null, cost: CHEAP });
    await saveAdminPassword(dir, await hashPassword('first password', CHEAP));
    expect(await credentials.check('first password')).toBe(true);
    const first = credentials.generation();
    await saveAdminPassword(dir, await hashPassword('second password', CHEAP));
    expect(await credentials.check('first password')).toBe(false);
    expect(await credentials.check('second password')).toBe(true);
    expect(credentials.generation()).not.toBe(first);
  });

  it('keeps loopbackWithoutSignIn when the password is set again, and the file private', async () => {
    const dir = stateDir();
    writeFileSync(adminFileOf(dir), JSON.stringify({ loopbackWithoutSignIn: true }));
    const credentials = await createCredentials({ stateDir: dir, envPassword: null, cost: CHEAP });
    expect(credentials.loopbackWithoutSignIn()).toBe(true);
    await saveAdminPassword(dir, await hashPassword('a new password', CHEAP));
    expect(credentials.loopbackWithoutSignIn()).toBe(true);
    const { statSync } = await import('node:fs');
    expect(statSync(adminFileOf(dir)).mode & 0o777).toBe(0o600);
  });

  it('says what is wrong with a broken admin.json', async () => {
    const dir = stateDir();
    writeFileSync(adminFileOf(dir), '{ "password": ');
    const credentials = await createCredentials({ stateDir: dir, envPassword: null, cost: CHEAP });
    expect(credentials.closedBecause()).toMatch(/^the console is closed: .*admin\.json is not valid JSON: run hallcast admin-password/);
    writeFileSync(adminFileOf(dir), JSON.stringify({ password: { algorithm: 'scrypt', N: 2 ** 40 } }));
    expect(credentials.closedBecause()).toMatch(/not a scrypt hash this player can use/);
  });
});
