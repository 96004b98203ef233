import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { passwordMatches } from '../host/services/console/admin-password.js';
import { main } from './main.js';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

async function run(args: string[], password: string | Error) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(['admin-password', ...args], { stdout: (l) => out.push(l), stderr: (l) => err.push(l) }, Date.now, async () => {
    if (password instanceof Error) throw password;
    return password;
  });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('hallcast admin-password', () => {
  it('stores a scrypt hash of the password read from standard input in STATE/admin.json', async () => {
    const state = path.join(mkdtempSync(path.join(tmpdir(), 'hallcast-cli-')), 'state');
    dirs.push(path.dirname(state));
    const result = await run(['--state', state], 'a long hall password');
    expect(result).toMatchObject({ code: 0, err: '' });
    expect(result.out).toBe(`hallcast: console password set (scrypt hash in ${path.join(state, 'admin.json')}); sign in at http://HOST:PORT/admin/`);
    const text = readFileSync(path.join(state, 'admin.json'), 'utf8');
    expect(text).not.toContain('a long hall password');
    const { password } = JSON.parse(text);
    expect(password).toMatchObject({ algorithm: 'scrypt', N: 32768, r: 8, p: 1 });
    expect(await passwordMatches('a long hall password', password)).toBe(true);
    expect(statSync(path.join(state, 'admin.json')).mode & 0o777).toBe(0o600);
  });

  it('refuses a password under 8 characters and changes nothing', async () => {
    const state = mkdtempSync(path.join(tmpdir(), 'hallcast-cli-'));
    dirs.push(state);
    expect(await run(['--state', state], 'short')).toEqual({
      code: 1,
      out: '',
      err: 'hallcast: the password is 5 characters long: give at least 8 (a long random token works too); nothing changed',
    });
    expect(() => statSync(path.join(state, 'admin.json'))).toThrow();
    expect((await run(['--state', state], new Error('cancelled'))).code).toBe(1);
  });

  it('says in one line why the password could not be saved, exit 1', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'hallcast-cli-'));
    dirs.push(dir);
    writeFileSync(path.join(dir, 'a-file'), '');
    const state = path.join(dir, 'a-file', 'state');
    expect(await run(['--state', state], 'a long hall password')).toEqual({ code: 1, out: '', err: `hallcast admin-password: cannot mkdir ${state}: a file stands where a folder should be (ENOTDIR)` });
  });

  it('takes no password on the command line, where the shell history would keep it', async () => {
    const result = await run(['hunter22hunter22'], 'unused password');
    expect(result.code).toBe(2);
    expect(result.err).toMatch(/^hallcast admin-password: reads the password from standard input/);
    expect(result.err).not.toContain('hunter22');
  });

  it('is in the usage', async () => {
    const out: string[] = [];
    await main(['help'], { stdout: (l) => out.push(l), stderr: () => undefined });
    expect(out.join('\n')).toMatch(/admin-password \[--state DIR\]\s+set the console's password, read from standard input/);
    expect(out.join('\n')).toContain('[--admin-max-upload-mb 512]');
  });
});
