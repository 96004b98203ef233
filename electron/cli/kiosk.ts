/**
 * `hallcast kiosk`: the system Chromium kept full screen on the player. With a known port the
 * browser starts at once, on a boot page that moves on to the player as soon as it answers, so
 * Chromium's start-up overlaps the player's; with `--port 0` the address exists only once the
 * player listens, and the browser waits for it.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { writeBootPage } from './boot-page.js';
import { superviseKiosk } from './kiosk-supervisor.js';
import type { Output } from './output.js';
import { playerUrl, stateDirOf, type ServeOptions } from './serve.js';

export interface KioskLaunch {
  /** The player is listening at `url` (starts the browser now if it could not start before). */
  playerAt(url: string): void;
  stop(): void;
}

export function openKiosk(options: ServeOptions & { browser: string; windowSize: string | undefined }, out: Output): KioskLaunch {
  if (!existsSync(options.browser)) {
    out.stderr(`hallcast: no browser at ${options.browser} (install Debian's chromium, or pass --browser); serving only`);
    return { playerAt: () => undefined, stop: () => undefined };
  }
  const stateDir = stateDirOf(options);
  let supervisor: { stop(): void } | null = null;
  const start = (url: string): void => {
    supervisor = superviseKiosk(
      {
        browser: options.browser,
        url,
        profileDir: path.join(stateDir, 'kiosk-profile'),
        noSandbox: process.getuid?.() === 0,
        windowSize: options.windowSize,
      },
      {
        spawn: (cmd, args) => spawn(cmd, args, { stdio: 'ignore' }),
        setTimer: (fn, ms) => {
          const timer = setTimeout(fn, ms);
          return () => clearTimeout(timer);
        },
        now: Date.now,
        log: (m) => out.stderr(`hallcast: ${m}`),
      },
    );
  };
  const early = Number.isInteger(options.port) && options.port > 0 && options.port <= 65_535;
  if (early) start(writeBootPage(stateDir, playerUrl(options.host, options.port)));
  return {
    playerAt(url) {
      if (!supervisor) start(url);
    },
    stop() {
      supervisor?.stop();
    },
  };
}
