import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { build } from 'esbuild';
import { afterAll, describe, expect, it } from 'vitest';
import { displayBundle } from './display-bundle.mjs';

const out = mkdtempSync(path.join(tmpdir(), 'hallcast-display-bundle-'));
afterAll(() => rmSync(out, { recursive: true, force: true }));

/** Every file the display build writes (scripts, chunks, source maps), as text. */
async function bundle(testHooks: boolean): Promise<{ path: string; text: string }[]> {
  const result = await build({ ...displayBundle({ outdir: path.join(out, String(testHooks)), testHooks }), write: false, logLevel: 'silent' });
  return result.outputFiles.map((f) => ({ path: f.path, text: f.text }));
}

describe('the display bundle', () => {
  it('leaves the test hooks out of the production build, scripts and source maps alike', async () => {
    const files = await bundle(false);
    expect(files.some((f) => f.path.endsWith('app.js'))).toBe(true);
    expect(files.filter((f) => f.text.includes('__hallcast')).map((f) => path.basename(f.path))).toStrictEqual([]);
  });

  it('puts them in the test build', async () => {
    const files = await bundle(true);
    const app = files.find((f) => f.path.endsWith(`${path.sep}app.js`))!;
    expect(app.text).toContain('__hallcast');
  });
});
