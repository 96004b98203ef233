import { describe, expect, it } from 'vitest';
import { unpackedPath } from './unpacked-path.js';

describe('unpackedPath', () => {
  it("moves a file of a packed app's archive to the unpacked folder beside it, on Linux and Windows", () => {
    expect(unpackedPath('/opt/hallcast/resources/app.asar/dist/electron/espeak-worker.mjs')).toBe('/opt/hallcast/resources/app.asar.unpacked/dist/electron/espeak-worker.mjs');
    expect(unpackedPath('C:\\Program Files\\hallcast\\resources\\app.asar\\dist\\electron\\espeak-worker.mjs')).toBe(
      'C:\\Program Files\\hallcast\\resources\\app.asar.unpacked\\dist\\electron\\espeak-worker.mjs',
    );
  });

  it('leaves a file outside an archive, or already unpacked, as it is', () => {
    for (const file of ['/usr/lib/node_modules/hallcast/dist/espeak-worker.mjs', '/opt/hallcast/resources/app.asar.unpacked/dist/electron/espeak-worker.mjs', '/srv/my-app.asar/x.mjs']) {
      expect(unpackedPath(file)).toBe(file);
    }
  });
});
