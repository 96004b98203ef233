/**
 * Keeps a kiosk browser on screen: starts it, and when it exits or crashes starts it again, backing
 * off from 1 s to 30 s if it keeps dying, and resetting once it has run for a minute.
 */
import type { ChildProcess } from 'node:child_process';
import { CHROMIUM_HALL_FLAGS } from './chromium-flags.js';

export const CHROMIUM_KIOSK_FLAGS = [
  ...CHROMIUM_HALL_FLAGS,
  '--kiosk',
  // Without a window manager --kiosk alone leaves a default-sized window.
  '--start-fullscreen',
  '--noerrdialogs',
  '--disable-infobars',
  '--disable-session-crashed-bubble',
  '--no-default-browser-check',
  '--check-for-update-interval=31536000',
  '--overscroll-history-navigation=0',
];

export interface SupervisorDeps {
  spawn(command: string, args: string[]): ChildProcess;
  setTimer(fn: () => void, ms: number): () => void;
  now(): number;
  log(message: string): void;
}

export interface KioskOptions {
  browser: string;
  url: string;
  profileDir: string;
  /** Chromium refuses to run as root without it. */
  noSandbox: boolean;
  /** "WIDTHxHEIGHT": places the window over the whole screen where no window manager does. */
  windowSize?: string;
}

export function kioskArgs(options: KioskOptions): string[] {
  const size = options.windowSize ? /^(\d+)x(\d+)$/.exec(options.windowSize) : null;
  if (options.windowSize && !size) throw new Error(`--window-size "${options.windowSize}": write WIDTHxHEIGHT, e.g. 1920x1080`);
  return [
    ...CHROMIUM_KIOSK_FLAGS,
    ...(options.noSandbox ? ['--no-sandbox'] : []),
    ...(size ? ['--window-position=0,0', `--window-size=${size[1]},${size[2]}`] : []),
    `--user-data-dir=${options.profileDir}`,
    `--app=${options.url}`,
  ];
}

export function superviseKiosk(options: KioskOptions, deps: SupervisorDeps): { stop(): void } {
  let child: ChildProcess | null = null;
  let stopped = false;
  let delay = 1000;
  let startedAt = 0;
  let cancelTimer: (() => void) | null = null;

  const launch = (): void => {
    startedAt = deps.now();
    child = deps.spawn(options.browser, kioskArgs(options));
    child.on('exit', (code, signal) => {
      child = null;
      if (stopped) return;
      if (deps.now() - startedAt > 60_000) delay = 1000;
      deps.log(`kiosk browser exited (${signal ?? `code ${code}`}); starting it again in ${delay / 1000} s`);
      cancelTimer = deps.setTimer(launch, delay);
      delay = Math.min(delay * 2, 30_000);
    });
    child.on('error', (error) => deps.log(`kiosk browser could not start: ${error.message}`));
  };
  launch();
  return {
    stop() {
      stopped = true;
      cancelTimer?.();
      child?.kill();
    },
  };
}
