/**
 * Electron's entry (bundled to dist/electron/main.js): the real electron module and real timers
 * into the shell. Kept free of top-level awaits: privileged schemes and switches must be set
 * before Electron's ready event, which an awaiting ES module can miss.
 */
import electron from 'electron';
import electronUpdater from 'electron-updater';
import { createHost } from '../host/host.js';
import { packageRoot, packageVersion } from '../cli/package-root.js';
import { isLogLevel, openPlayerLog, portOf } from '../host/services/log/player-log.js';
import { systemClock } from '../host/ports.js';
import { systemTimers } from '../host/services/time/wall-timers.js';
import { startLocalApi } from './local-api.js';
import { startShell } from './main-process.js';
import { createScreenCaptures } from '../host/services/screens/screen-captures.js';
import { startAutoUpdate } from './auto-update.js';

// The terminal at once; STATE/logs/player.log too once the config names the state folder (openHost).
const level = process.env.HALLCAST_LOG_LEVEL;
let shellHost: ReturnType<typeof createHost> | null = null;
const playerLog = openPlayerLog({
  level: level && isLogLevel(level) ? level : 'info',
  stateDir: null,
  pretty: process.stdout.isTTY === true,
  health: () => shellHost?.health ?? null,
});
const consoleLog = portOf(playerLog.logger.child({ source: 'electron' }));
// The window registers its picture here; the local API answers from it.
const screens = createScreenCaptures({ clock: systemClock, timers: systemTimers });

try {
  const shell = startShell({
    electron,
    env: process.env,
    root: packageRoot(),
    resourcesPath: process.resourcesPath,
    openHost: (config) => {
      if (config.stateDir) playerLog.keepIn(config.stateDir);
      shellHost = createHost({ playlistsDir: config.playlistsDir, assetsDir: config.assetsDir, stateDir: config.stateDir, log: consoleLog });
      return shellHost;
    },
    startApi: (host, config) => startLocalApi(host, config, packageVersion(), screens, playerLog.logger),
    clock: systemClock,
    timers: systemTimers,
    log: consoleLog,
    screens,
  });
  shell?.ready.then(
    () => {
      const { url, openingHours } = shell.config.update;
      // Only a packed app can replace itself; `electron main.js` from a checkout is updated by git.
      if (url === null || !electron.app.isPackaged) return;
      try {
        // electron-updater's autoUpdater is made on first read, for this OS's package kind (AppImage, deb, NSIS).
        startAutoUpdate({ updater: electronUpdater.autoUpdater, url, openingHours, timezone: () => shell.host.state().timezone, clock: systemClock, timers: systemTimers, log: consoleLog });
      } catch (error) {
        // The hall keeps playing the version it has.
        consoleLog.warn('auto-update did not start', { url, error: String(error) });
      }
    },
    (error: unknown) => {
      consoleLog.warn('the player could not start', { error: String(error) });
      electron.app.exit(1);
    },
  );
} catch (error) {
  consoleLog.warn('the player could not start', { error: error instanceof Error ? error.message : String(error) });
  electron.app.exit(1);
}
