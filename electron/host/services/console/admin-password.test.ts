import { describe, expect, it } from 'vitest';
import { hashPassword, isPasswordHash, passwordMatches, passwordProblem } from './admin-password.js';

/** A cheap cost for tests; the stored parameters say which one made a hash. */
const CHEAP = { N: 1024, r: 8, p: 1 };

describe('console password', () => {
  it('stores a salted scrypt hash with its parameters, never the password', async () => {
    const stored = await hashPassword('correct horse', CHEAP);
    expect(stored).toMatchObject({ algorithm: 'scrypt', N: 1024, r: 8, p: 1 });
    expect(JSON.stringify(stored)).not.toContain('correct horse');
    expect(Buffer.from(stored.salt, 'base64')).toHaveLength(16);
    expect((await hashPassword('correct horse', CHEAP)).salt).not.toBe(stored.salt);
    expect(isPasswordHash(stored)).toBe(true);
  });

  it('matches the right password only', async () => {
    const stored = await hashPassword('correct horse', CHEAP);
    expect(await passwordMatches('correct horse', stored)).toBe(true);
    expect(await passwordMatches('correct hors', stored)).toBe(false);
    expect(await passwordMatches('x'.repeat(2000), stored)).toBe(false);
  });

  it('verifies with the parameters stored, not the current default', async () => {
    const stored = await hashPassword('long enough', { N: 2048, r: 4, p: 2 });
    expect(await passwordMatches('long enough', stored)).toBe(true);
  });

  it('refuses passwords under 8 characters, counting characters, not bytes', () => {
    expect(passwordProblem('1234567')).toBe('the password is 7 characters long: give at least 8 (a long random token works too)');
    expect(passwordProblem('')).toMatch(/is 0 characters long/);
    expect(passwordProblem('营业厅密码好')).toMatch(/is 6 characters long/);
    expect(passwordProblem('12345678')).toBeNull();
  });

  it('does not trust a hand-edited hash with absurd parameters', () => {
    const base = { algorithm: 'scrypt', N: 1024, r: 8, p: 1, salt: 'AAAA', hash: Buffer.alloc(32).toString('base64') };
    expect(isPasswordHash(base)).toBe(true);
    expect(isPasswordHash({ ...base, N: 2 ** 40 })).toBe(false);
    expect(isPasswordHash({ ...base, N: 1000 })).toBe(false);
    expect(isPasswordHash({ ...base, algorithm: 'md5' })).toBe(false);
    expect(isPasswordHash({ ...base, hash: '' })).toBe(false);
  });
});
