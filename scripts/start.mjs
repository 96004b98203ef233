// `npm start`: the Electron player when this machine has Electron's binary, otherwise the
// Chromium kiosk (`hallcast kiosk`), so the hall gets a picture either way. Arguments after
// `npm start --` go to whichever runs.
import { execFileSync, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { TEST_BUILD_MARKER } from './display-bundle.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const main = fileURLToPath(new URL('../dist/electron/main.js', import.meta.url));
const args = process.argv.slice(2);

/** The path the electron package gives (it throws when its binary was never downloaded), if it exists. */
function electronBinary() {
  try {
    const binary = createRequire(import.meta.url)('electron');
    return typeof binary === 'string' && existsSync(binary) ? binary : null;
  } catch {
    return null;
  }
}

function run(command, commandArgs) {
  // Its own process group: Ctrl+C in a terminal reaches only this process (and npm, which passes it
  // on again), and the child hears each signal once; both players take a second SIGINT as "die now".
  const child = spawn(command, commandArgs, { cwd: root, stdio: 'inherit', detached: true });
  const forwarded = new Set();
  const forward = (signal) => {
    if (forwarded.has(signal)) return;
    forwarded.add(signal);
    child.kill(signal);
  };
  const signals = ['SIGINT', 'SIGTERM', 'SIGHUP'];
  for (const signal of signals) process.on(signal, forward);
  process.on('exit', () => child.exitCode === null && child.signalCode === null && child.kill('SIGTERM'));
  child.on('error', (error) => {
    console.error(`hallcast: could not start ${command}: ${error.message}`);
    process.exit(1);
  });
  child.on('exit', (code, signal) => {
    // Exit the way the child did, so a supervisor (systemd) sees the real outcome.
    if (signal) {
      for (const s of signals) process.off(s, forward);
      process.kill(process.pid, signal);
    } else process.exit(code ?? 1);
  });
}

// The hall gets the production build: after the e2e suite or the benches, dist/ holds the test
// build (the display with its test hooks), so build production first.
if (existsSync(new URL(`../${TEST_BUILD_MARKER}`, import.meta.url))) {
  console.error('hallcast: dist/ holds the test build: building the production one first (npm run build)');
  execFileSync(process.execPath, [fileURLToPath(new URL('build.mjs', import.meta.url))], { cwd: root, stdio: 'inherit' });
}

// The sample hall's main screen: playlists/displays.json names "waiting" its PA speaker, so the
// screen `npm start` opens is that one (else it would play unassigned, and the hall be silent).
// `npm start -- --display ID` (or HALLCAST_DISPLAY for Electron) shows another.
const SAMPLE_DISPLAY = 'waiting';
const displayGiven = args.includes('--display') || args.some((a) => a.startsWith('--display='));
if (!process.env.HALLCAST_DISPLAY && !displayGiven) process.env.HALLCAST_DISPLAY = SAMPLE_DISPLAY;

const electron = electronBinary();
if (electron) {
  if (!existsSync(main)) {
    console.error('hallcast: dist/electron/main.js is missing: run `npm run build` first');
    process.exit(1);
  }
  // Chromium refuses to run as root with its sandbox on; a kiosk user should not be root anyway.
  const asRoot = process.getuid?.() === 0;
  if (asRoot) console.error('hallcast: running as root: starting Electron with --no-sandbox (run the player as an ordinary user instead)');
  run(electron, [main, ...(asRoot ? ['--no-sandbox'] : []), ...args]);
} else {
  console.error(
    'hallcast: no Electron binary on this machine (its download is blocked); starting the Chromium kiosk instead — run `npx hallcast kiosk` or `npx hallcast serve` directly',
  );
  run(process.execPath, [fileURLToPath(new URL('../bin/hallcast.js', import.meta.url)), 'kiosk', ...(displayGiven ? [] : ['--display', process.env.HALLCAST_DISPLAY]), ...args]);
}
