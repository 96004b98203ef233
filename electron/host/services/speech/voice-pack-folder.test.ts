import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { checkVoiceFolder } from './voice-pack-folder.js';

const SHIPPED = path.resolve(import.meta.dirname, '../../../../assets/voice');
const copies: string[] = [];
afterEach(() => {
  for (const dir of copies.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function copy(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'hallcast-voice-'));
  copies.push(dir);
  cpSync(SHIPPED, dir, { recursive: true });
  return dir;
}

describe('voice packs on disk', () => {
  it('finds the shipped packs complete', () => {
    expect(checkVoiceFolder(SHIPPED, 'assets/voice')).toEqual([]);
  });

  it('names a deleted clip, its pack and the fix', () => {
    const dir = copy();
    rmSync(path.join(dir, 'zh-CN', 'digit-7.ogg'));
    expect(checkVoiceFolder(dir, 'assets/voice')).toEqual([
      { file: 'assets/voice/zh-CN/manifest.json', line: 1, col: 1, severity: 'error', message: expect.stringMatching(/digit-7\.ogg.*put digit-7\.ogg .* in assets\/voice\/zh-CN\//) },
    ]);
  });

  it('warns when a hall has no voice folder at all', () => {
    const [d] = checkVoiceFolder(path.join(tmpdir(), 'no-such-voice-folder'), 'assets/voice');
    expect(d).toMatchObject({ severity: 'warning', message: expect.stringMatching(/no voice packs/) });
  });
});
