/**
 * `hallcast kiosk`: the system Chromium kept full screen on the player. With a known port the
 * browser starts at once, on a boot page that moves on to the player as soon as it answers, so
 * Chromium's start-up overlaps the player's; with `--port 0` the address exists only once the
 * player listens, and the browser waits for it. Once the player runs, the supervisor also watches
 * the display's heartbeats reaching it (kiosk-supervisor.ts).
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Host } from '../core/host/host.js';
import { writeBootPage } from './boot-page.js';
import { deathSignalAvailable, launchKioskBrowser } from './kiosk-browser.js';
import { superviseKiosk } from './kiosk-supervisor.js';
import type { Output } from './output.js';
import { playerUrl, stateDirOf, type ServeOptions } from './serve.js';
import { endStaleBrowser } from './stale-browser.js';

export interface KioskLaunch {
  /** The player is listening at `url` (starts the browser now if it could not start before). */
  playerAt(url: string, host: Host): void;
  stop(): void;
}

export function openKiosk(options: ServeOptions & { browser: string; windowSize: string | undefined }, out: Output): KioskLaunch {
  if (!existsSync(options.browser)) {
    out.stderr(`hallcast: no browser at ${options.browser} (install Debian's chromium, or pass --browser); serving only`);
    return { playerAt: () => undefined, stop: () => undefined };
  }
  if (!deathSignalAvailable) out.stderr('hallcast: no setpriv (util-linux): a browser may outlive a player that is killed outright');
  const stateDir = stateDirOf(options);
  const profileDir = path.join(stateDir, 'kiosk-profile');
  let supervisor: { stop(): void } | null = null;
  let host: Host | null = null;
  const start = (url: string): void => {
    supervisor = superviseKiosk(
      { browser: options.browser, url, profileDir, noSandbox: process.getuid?.() === 0, windowSize: options.windowSize },
      {
        launch: launchKioskBrowser,
        endStale: () => endStaleBrowser(profileDir),
        setTimer: (fn, ms) => {
          const timer = setTimeout(fn, ms);
          return () => clearTimeout(timer);
        },
        now: Date.now,
        log: (m) => out.stderr(`hallcast: ${m}`),
        heartbeats: () => (host ? Math.max(0, ...host.status().displays.map((d) => d.lastSeen)) : null),
        health: () => host?.health ?? null,
      },
    );
  };
  const early = Number.isInteger(options.port) && options.port > 0 && options.port <= 65_535;
  if (early) start(writeBootPage(stateDir, playerUrl(options.host, options.port)));
  return {
    playerAt(url, running) {
      host = running;
      if (!supervisor) start(url);
    },
    stop() {
      supervisor?.stop();
    },
  };
}
