// A stand-in for an Electron distribution for Linux x64, for electron-builder's `dir` target
// (`electronDist`) on machines where no Electron binary can be downloaded. It has the file names
// electron-builder copies and renames — an `electron` executable, LICENSE, LICENSES.chromium.html,
// version, resources/, locales/ — and NOTHING ELSE: its `electron` is a shell script that says it is
// a stand-in and exits 1. A package built on it has the real layout (app.asar, app.asar.unpacked,
// the extra resources) and cannot run; e2e/packaging.spec.ts checks that layout, not a runtime.
import { chmod, mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';

export const STAND_IN_NOTE = 'an Electron stand-in (scripts/electron-stand-in.mjs): the layout of a distribution, no Electron; it cannot run';

/** Makes the stand-in in `dir` (created) for Electron `version`; returns `dir`. */
export async function makeElectronStandIn(dir, version) {
  await mkdir(path.join(dir, 'resources'), { recursive: true });
  await mkdir(path.join(dir, 'locales'), { recursive: true });
  const executable = path.join(dir, 'electron');
  await writeFile(executable, `#!/bin/sh\necho "this is ${STAND_IN_NOTE}" >&2\nexit 1\n`);
  await chmod(executable, 0o755);
  await writeFile(path.join(dir, 'version'), `${version}\n`);
  await writeFile(path.join(dir, 'LICENSE'), `${STAND_IN_NOTE}\n`);
  await writeFile(path.join(dir, 'LICENSES.chromium.html'), `<!doctype html><title>stand-in</title><p>${STAND_IN_NOTE}</p>\n`);
  await writeFile(path.join(dir, 'README.txt'), `This folder is ${STAND_IN_NOTE}.\n`);
  return dir;
}
