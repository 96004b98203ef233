import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DiskFullError, diskIo, writeFileAtomic, type WriteIo } from './atomic-file.js';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});
function folder(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'hallcast-atomic-'));
  dirs.push(dir);
  return dir;
}
const failing = (step: keyof WriteIo, code: string): WriteIo => ({
  ...diskIo,
  [step]: async () => {
    throw Object.assign(new Error(code), { code });
  },
});

describe('atomic file writes', () => {
  it('replaces the file whole, with the mode asked for', async () => {
    const dir = folder();
    const file = path.join(dir, 'a.json');
    writeFileSync(file, 'old');
    await writeFileAtomic(file, Buffer.from('new'), diskIo, 0o600);
    expect(readFileSync(file, 'utf8')).toBe('new');
    expect(readdirSync(dir)).toEqual(['a.json']);
  });

  it.each([
    ['write', 'ENOSPC'],
    ['sync', 'ENOSPC'],
    ['write', 'EDQUOT'],
    ['sync', 'EDQUOT'],
  ] as const)('leaves the old file and no temporary file when %s fails with %s', async (step, code) => {
    const dir = folder();
    const file = path.join(dir, 'a.json');
    writeFileSync(file, 'old');
    await expect(writeFileAtomic(file, Buffer.from('new'), failing(step, code))).rejects.toBeInstanceOf(DiskFullError);
    expect(readFileSync(file, 'utf8')).toBe('old');
    expect(readdirSync(dir)).toEqual(['a.json']);
  });

  it('passes other errors on as they are, cleaning up all the same', async () => {
    const dir = folder();
    const file = path.join(dir, 'a.json');
    await expect(writeFileAtomic(file, Buffer.from('new'), failing('write', 'EIO'))).rejects.toMatchObject({ code: 'EIO' });
    expect(readdirSync(dir)).toEqual([]);
  });
});
