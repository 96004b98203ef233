/**
 * `hallcast kiosk`: the system Chromium kept full screen on the player. With a known port the
 * browser starts at once, on a boot page that moves on to the player as soon as it answers, so
 * Chromium's start-up overlaps the player's; with `--port 0` the address exists only once the
 * player listens, and the browser waits for it. Once the player runs, the supervisor also watches
 * the display's heartbeats reaching it (kiosk-supervisor.ts).
 *
 * The kiosk is one display of the hall, `--display ID` (default "kiosk"): its page opens at
 * `/?display=ID`, and its picture, taken through the browser's DevTools pipe, answers
 * `GET /api/displays/ID/screenshot` (services/screens/).
 *
 * A kiosk explains itself: with no display named it says so in one line and does not start; a
 * browser that cannot start is given up on after a few tries, with its last stderr lines; all of
 * Chromium's stderr is kept in `STATE/logs/chromium.log` (3 files of 1 MiB at most, 14 days), and
 * the kiosk's own lines (restarts, reloads) go to the player's log (player-log.ts).
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Host } from '../host/host.js';
import { displayPageUrl } from '../contract/display-page.js';
import type { ScreenCaptures } from '../host/services/screens/screen-captures.js';
import { openRotatingLog } from '../host/services/log/rotating-log.js';
import { CHROMIUM_LOG_BOUNDS, CHROMIUM_LOG_FILE, LOGS_FOLDER } from '../host/services/log/player-log.js';
import type { Log } from '../host/ports.js';
import { systemClock } from '../host/ports.js';
import { systemTimers } from '../host/services/time/wall-timers.js';
import { writeBootPage } from './boot-page.js';
import { deathSignalAvailable, launchKioskBrowser } from './kiosk-browser.js';
import { displayProblem, readScreenSize } from './kiosk-display.js';
import { KIOSK_RECOVERY, superviseKiosk, type KioskTuning } from './kiosk-supervisor.js';
import { followScreenPower, type KioskPower } from './kiosk-power.js';
import { runCommand, systemProbe } from './run-command.js';
import { screenPowersOf } from './screen-power.js';
import type { Output } from './output.js';
import { playerUrl, stateDirOf, type ServeOptions } from './serve.js';
import { endStaleBrowser } from './stale-browser.js';

export interface KioskLaunch {
  /** The player is listening at `url` (starts the browser now if it could not start before). */
  playerAt(url: string, host: Host): void;
  stop(): void;
  /** Called once (at once if it already happened) when the kiosk gave up: the command should stop the player and exit 1. */
  onGaveUp(listener: () => void): void;
  /** Called when the kiosk's ladder reached its cap (the picture watchdog's last rung is the command's: player-restart.ts). */
  onLadderSpent(listener: (why: string) => void): void;
}

/** Null when the kiosk cannot run at all (it printed why): the command should exit 1 without starting the player. */
export function openKiosk(
  // `display`: the displays.json id this kiosk shows (`--display ID`, default kiosk).
  options: ServeOptions & { browser: string; windowSize: string | undefined; display: string; screens: ScreenCaptures },
  out: Output,
  // The player's log: the supervisor's steps (a reload, a restart) are part of the hall's story.
  playerLog: Log,
  env: NodeJS.ProcessEnv = process.env,
): KioskLaunch | null {
  const problem = displayProblem(env);
  if (problem) {
    out.stderr(`hallcast: ${problem}`);
    return null;
  }
  if (!existsSync(options.browser)) {
    out.stderr(`hallcast: no browser at ${options.browser} (install Debian's chromium, or pass --browser); serving only`);
    return { playerAt: () => undefined, stop: () => undefined, onGaveUp: () => undefined, onLadderSpent: () => undefined };
  }
  if (!deathSignalAvailable) out.stderr('hallcast: no setpriv (util-linux): a browser may outlive a player that is killed outright');
  const stateDir = stateDirOf(options);
  const profileDir = path.join(stateDir, 'kiosk-profile');
  const logFile = path.join(stateDir, LOGS_FOLDER, CHROMIUM_LOG_FILE);
  let host: Host | null = null;
  const browserLog = openRotatingLog(logFile, { ...CHROMIUM_LOG_BOUNDS, name: 'kiosk-browser-log', health: () => host?.health ?? null });
  let supervisor: { stop(): void } | null = null;
  let screenPower: KioskPower | null = null;
  let gaveUp = false;
  const gaveUpListeners: (() => void)[] = [];
  const spentListeners: ((why: string) => void)[] = [];
  let sizeUnknownSaid = false;
  // The supervisor says each step in one kind of line; a display coming back is the good news among them.
  const log = (m: string): void => (m === 'kiosk display is back' ? playerLog.info(m, { source: 'kiosk' }) : playerLog.warn(m, { source: 'kiosk' }));
  const testing = kioskTestTuning(env);
  /**
   * The displays that have heartbeated, newest first. The kiosk's page is this build's, so each of
   * its heartbeats says how still its picture is (`stillForMs`): a session that has only said hello
   * (a page just reloaded) is not counted until it heartbeats, so it is neither silent nor alive yet.
   */
  const beating = () => (host ? host.status().displays.filter((d) => d.stillForMs !== undefined).sort((a, b) => b.lastSeen - a.lastSeen) : null);
  const start = (url: string): void => {
    supervisor = superviseKiosk(
      { browser: options.browser, url, profileDir, noSandbox: process.getuid?.() === 0, windowSize: options.windowSize },
      {
        launch: (command, args) => {
          const browser = launchKioskBrowser(command, [...testing.browserArgs, ...args], { stderr: (text) => browserLog.write(text) });
          // Its picture is taken through its own DevTools pipe, for as long as this browser runs.
          const withdraw = options.screens.register(options.display, (request) => browser.capturePage(request));
          browser.onExit(withdraw);
          return browser;
        },
        endStale: () => endStaleBrowser(profileDir),
        clock: systemClock,
        timers: systemTimers,
        log,
        heartbeats: () => {
          const displays = beating();
          return displays && (displays[0]?.lastSeen ?? 0);
        },
        pictureStill: () => beating()?.[0]?.stillForMs,
        ladderSpent: (why) => {
          for (const listener of spentListeners) listener(why);
        },
        health: () => host?.health ?? null,
        async screenSize() {
          if (!env.DISPLAY) return null;
          const size = await readScreenSize(env.DISPLAY);
          if (!size && !sizeUnknownSaid) {
            sizeUnknownSaid = true;
            log(`could not read the size of X screen ${env.DISPLAY} (xdpyinfo, from x11-utils): without a window manager the kiosk may not cover it; --window-size WxH gives it`);
          }
          return size;
        },
        gaveUp(why) {
          playerLog.warn(why, { source: 'kiosk', output: logFile });
          // The command's last words, for systemd or the person at the terminal: one plain line, last.
          out.stderr(`hallcast: ${why}; all of its output: ${logFile}`);
          browserLog.close();
          gaveUp = true;
          for (const listener of gaveUpListeners.splice(0)) listener();
        },
      },
      testing.tuning,
    );
  };
  const early = Number.isInteger(options.port) && options.port > 0 && options.port <= 65_535;
  if (early) start(writeBootPage(stateDir, displayPageUrl(playerUrl(options.bindAddress, options.port), options.display)));
  return {
    playerAt(url, running) {
      host = running;
      if (!supervisor) start(displayPageUrl(url, options.display));
      // The screen's backlight follows the display's power windows (kiosk-power.ts).
      screenPower ??= followScreenPower({
        current: () => running.power.power(options.display),
        subscribe: running.power.subscribe,
        screens: screenPowersOf(env, systemProbe, runCommand),
        health: running.health,
      });
    },
    stop() {
      screenPower?.stop();
      supervisor?.stop();
      browserLog.close();
    },
    onGaveUp(listener) {
      if (gaveUp) listener();
      else gaveUpListeners.push(listener);
    },
    onLadderSpent(listener) {
      spentListeners.push(listener);
    },
  };
}

declare const HALLCAST_TEST_HOOKS: boolean | undefined;

/**
 * The test build only (scripts/build.mjs --test-hooks; e2e/faults/picture-watchdog.spec.ts):
 * HALLCAST_TEST_KIOSK_TUNING (JSON) shortens the kiosk's ladder (silenceMs, frozenMs, capAttempts,
 * backoffs, checkEveryMs) so a test climbs it in seconds, and HALLCAST_TEST_KIOSK_DEVTOOLS_PORT
 * opens a DevTools port beside the pipe so a test can reach into the page. The production bundle
 * reads neither.
 */
function kioskTestTuning(env: NodeJS.ProcessEnv): { tuning: KioskTuning; browserArgs: string[] } {
  if (typeof HALLCAST_TEST_HOOKS === 'undefined' || !HALLCAST_TEST_HOOKS) return { tuning: KIOSK_RECOVERY, browserArgs: [] };
  const tuning = env.HALLCAST_TEST_KIOSK_TUNING ? { ...KIOSK_RECOVERY, ...(JSON.parse(env.HALLCAST_TEST_KIOSK_TUNING) as Partial<KioskTuning>) } : KIOSK_RECOVERY;
  const port = env.HALLCAST_TEST_KIOSK_DEVTOOLS_PORT;
  return { tuning, browserArgs: port ? [`--remote-debugging-port=${port}`] : [] };
}
