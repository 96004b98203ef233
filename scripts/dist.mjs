// npm run dist: the Electron player's packages (electron-builder.yml), as far as this machine can.
//   - With an Electron binary in node_modules/electron (on a machine with network, after
//     `node node_modules/electron/install.js`): the targets configured for this OS — Linux AppImage
//     and deb, Windows NSIS and portable — packed against that binary.
//   - Without one (our build machines cannot download it): only the `dir` target for Linux x64,
//     packed against a stand-in distribution (scripts/electron-stand-in.mjs), which gives the
//     package's real layout in release/linux-unpacked/ but cannot run. It says so in one line.
// Either way the production bundles are built first (scripts/build.mjs), and nothing is published:
// .github/workflows/release.yml uploads what this makes.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { makeElectronStandIn, STAND_IN_NOTE } from './electron-stand-in.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const builderCli = require.resolve('electron-builder/cli.js');
const electronPackage = path.dirname(require.resolve('electron/package.json'));
const electronVersion = JSON.parse(readFileSync(path.join(electronPackage, 'package.json'), 'utf8')).version;

/** The installed Electron distribution's folder, or null when its binary was never downloaded. */
function electronBinaryDist() {
  const pathFile = path.join(electronPackage, 'path.txt');
  if (!existsSync(pathFile)) return null;
  const dist = path.join(electronPackage, 'dist');
  return existsSync(path.join(dist, readFileSync(pathFile, 'utf8').trim())) ? dist : null;
}

const run = (args) => execFileSync(process.execPath, args, { cwd: root, stdio: 'inherit' });

run(['scripts/build.mjs']);

const realDist = electronBinaryDist();
if (realDist) {
  run([builderCli, '--publish', 'never', `-c.electronDist=${realDist}`]);
} else {
  if (process.platform !== 'linux' || process.arch !== 'x64') {
    console.error(`dist: no Electron binary in ${electronPackage}, and the stand-in is for Linux x64 only: run \`node node_modules/electron/install.js\` first`);
    process.exit(1);
  }
  console.log(`dist: no Electron binary here — building only the dir layout (release/linux-unpacked) against ${STAND_IN_NOTE}`);
  const standIn = mkdtempSync(path.join(tmpdir(), 'electron-stand-in-'));
  try {
    await makeElectronStandIn(standIn, electronVersion);
    run([builderCli, '--linux', '--x64', '--dir', '--publish', 'never', `-c.electronDist=${standIn}`]);
  } finally {
    rmSync(standIn, { recursive: true, force: true });
  }
}
