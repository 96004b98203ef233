/**
 * Keeps the kiosk's picture on the wall. The browser and its page are watched three ways: the
 * browser's exit, the page's crash (over the DevTools pipe), and the display's heartbeats reaching
 * the player (a hung page, or one that never said hello, stops sending them). What to do about
 * each is the shared recovery policy (core/recovery/recovery-policy.ts): reload the page through
 * DevTools, then restart the browser, backing off, and past a cap retry only every few minutes and
 * say so in /api/status. This module owns the timers and the browser; every step goes to the log
 * and to the player's health (`browser-restarts`, kind `tab-reload` or `browser-restart`).
 *
 * A page that heartbeats while its picture stands still (the heartbeat's `stillForMs`,
 * core/recovery/picture-rule.ts) is the trouble `picture-frozen`, on the same ladder. When the
 * ladder reaches its cap — reloads and browser restarts did not bring the picture back — the
 * supervisor says so once (`ladderSpent`): the last rung, restarting the whole player, is the
 * command's to take (player-restart.ts), since only it knows whether anything would start it again.
 *
 * A browser that cannot start at all (it dies within seconds of each launch: no X server, a broken
 * install) is given up on after a few tries (core/recovery/start-policy.ts), quoting what Chromium
 * last wrote to stderr, so the command can exit 1 instead of looping without saying why.
 */
import type { Health } from '../host/domain/health/health.js';
import type { Clock, Timers } from '../host/ports.js';
import { beat, check, DEFAULT_RECOVERY, heartbeat, initialRecovery, stepTaken, trouble, waitFrom, type Decision, type RecoveryStep, type RecoveryTuning, type Trouble } from '../host/domain/recovery/recovery-policy.js';
import { pictureMoves } from '../host/domain/recovery/picture-rule.js';
import { browserExited, DEFAULT_START, initialStarts, type StartTuning } from '../host/domain/recovery/start-policy.js';
import { CHROMIUM_HALL_FLAGS } from './chromium-flags.js';
import type { KioskBrowser } from './kiosk-browser.js';
import { coverScreenFlags, type ScreenSize } from './kiosk-display.js';
import { lastWords } from './kiosk-last-words.js';

export const CHROMIUM_KIOSK_FLAGS = [
  ...CHROMIUM_HALL_FLAGS,
  // Full screen where a window manager runs; without one the window is placed and sized by
  // coverScreenFlags (kiosk-display.ts has the measurements).
  '--kiosk',
  '--start-fullscreen',
  '--noerrdialogs',
  '--disable-infobars',
  '--disable-session-crashed-bubble',
  '--no-default-browser-check',
  '--check-for-update-interval=31536000',
  '--overscroll-history-navigation=0',
  // The DevTools protocol on fds 3 and 4, for the supervisor alone: no port anyone else could reach.
  '--remote-debugging-pipe',
];

/** The kiosk's ladder: one reload, then browser restarts from 1 s up to 30 s; past 8 in a row, every 5 min. */
export const KIOSK_RECOVERY: RecoveryTuning = {
  ...DEFAULT_RECOVERY,
  maxBackoffMs: 30_000,
  reloadsBeforeRestart: 1,
  capAttempts: 8,
  cappedBackoffMs: 5 * 60_000,
};
/** The kiosk's ladder and how often the supervisor looks at the heartbeats. */
export type KioskTuning = RecoveryTuning & { checkEveryMs?: number };
const CHECK_EVERY_MS = 5_000;
const HEALTH_KEY = 'kiosk';
const TROUBLE_WORDS: Record<Trouble, string> = {
  crashed: 'page crashed',
  unresponsive: 'page unresponsive',
  'no-heartbeat': 'no heartbeat from the display',
  'failed-load': 'page failed to load',
  'browser-exited': 'browser exited',
  'picture-frozen': 'picture frozen (the display heartbeats, its picture does not move)',
};

export interface SupervisorDeps {
  launch(command: string, args: string[]): KioskBrowser;
  /** Ends a browser left over on the kiosk's profile (see stale-browser.ts); resolves with its pid or null. */
  endStale(): Promise<number | null>;
  clock: Pick<Clock, 'now'>;
  timers: Pick<Timers, 'after'>;
  log(message: string): void;
  /** When the player last heard from a display (any stamp that changes with each heartbeat); null while no player runs. */
  heartbeats(): number | null;
  /** How long that display's picture had stood still at its last heartbeat (picture-rule.ts); undefined: it does not say. */
  pictureStill?(): number | null | undefined;
  /** The player's health, once it runs (browser steps before that are only logged). */
  health(): Health | null;
  /** The screen's size, asked before each launch when no window size was given (null: unknown). */
  screenSize(): Promise<ScreenSize | null>;
  /** The browser cannot start: the kiosk stopped, and `why` is the one line to print before exiting 1. */
  gaveUp(why: string): void;
  /** The ladder reached its cap: reloads and browser restarts did not bring the display back (once per run of failures). */
  ladderSpent?(why: string): void;
}

export interface KioskOptions {
  browser: string;
  url: string;
  profileDir: string;
  /** Chromium refuses to run as root without it. */
  noSandbox: boolean;
  /** "WIDTHxHEIGHT": the screen's size, when it should not be read from the X server. */
  windowSize?: string;
}

/** `--window-size` as a size; throws on anything but WIDTHxHEIGHT. */
export function parseWindowSize(windowSize: string): ScreenSize {
  const size = /^(\d+)x(\d+)$/.exec(windowSize);
  if (!size) throw new Error(`--window-size "${windowSize}": write WIDTHxHEIGHT, e.g. 1920x1080`);
  return { width: Number(size[1]), height: Number(size[2]) };
}

/** Chromium's arguments; `screen`: the size to cover (from --window-size, or read from the X server). */
export function kioskArgs(options: KioskOptions, screen: ScreenSize | null = options.windowSize ? parseWindowSize(options.windowSize) : null): string[] {
  return [
    ...CHROMIUM_KIOSK_FLAGS,
    ...(options.noSandbox ? ['--no-sandbox'] : []),
    ...(screen ? coverScreenFlags(screen) : []),
    `--user-data-dir=${options.profileDir}`,
    `--app=${options.url}`,
  ];
}

export function superviseKiosk(
  options: KioskOptions,
  deps: SupervisorDeps,
  tuning: KioskTuning = KIOSK_RECOVERY,
  startTuning: StartTuning = DEFAULT_START,
): { stop(): void } {
  const givenSize = options.windowSize ? parseWindowSize(options.windowSize) : null;
  let browser: KioskBrowser | null = null;
  let launchedAt = 0;
  let starts = initialStarts;
  let state = initialRecovery(deps.clock.now());
  let cancelStep: (() => void) | null = null;
  let lastStamp: number | null = null;
  let stopped = false;
  /** The ladder's cap was reported (ladderSpent) and no moving picture came since. */
  let spentSaid = false;
  /** A launch is under way (the stale-browser check is async): a second one must not start another browser. */
  let launching = false;

  const launch = async (): Promise<void> => {
    if (launching || stopped) return;
    launching = true;
    try {
      const stale = await deps.endStale();
      if (stale !== null) deps.log(`ended a stale browser (pid ${stale}) that held the kiosk profile`);
    } catch (error) {
      deps.log(`could not check the kiosk profile for a stale browser: ${(error as Error).message}`);
    }
    // Asked each time: an X server that was not up at the first launch (a boot race) may be now.
    const screen = givenSize ?? (await deps.screenSize().catch(() => null));
    launching = false;
    if (stopped) return;
    launchedAt = deps.clock.now();
    state = stepTaken(state, launchedAt);
    const b = deps.launch(options.browser, kioskArgs(options, screen));
    browser = b;
    b.onExit((code, signal) => {
      if (browser !== b) return;
      browser = null;
      if (stopped) return;
      const verdict = browserExited(starts, launchedAt, deps.clock.now(), startTuning);
      starts = verdict.state;
      const how = signal ?? `code ${code}`;
      const words = lastWords(b.lastLines());
      // Code 0 at once is not a clean run: Chromium handed the launch to another instance, or refused to start.
      deps.log(
        verdict.failedStart
          ? `kiosk browser exited at once (${how}): failed start ${starts.failedInARow} of ${startTuning.maxFailedStarts}`
          : `kiosk browser exited (${how})`,
      );
      if (words) deps.log(`kiosk browser's last stderr lines: ${words}`);
      if (verdict.giveUp) {
        stop();
        deps.gaveUp(
          `the kiosk browser failed to start ${starts.failedInARow} times in a row (last: ${how}); Chromium said: ${words || '(nothing on stderr)'}`,
        );
        return;
      }
      follow(trouble(state, 'browser-exited', deps.clock.now(), tuning));
    });
    b.onPageCrashed((status) => {
      if (browser !== b || stopped) return;
      deps.log(`kiosk page crashed (${status})`);
      follow(trouble(state, 'crashed', deps.clock.now(), tuning));
    });
  };

  const take = (step: RecoveryStep): void => {
    cancelStep = null;
    state = stepTaken(state, deps.clock.now());
    const current = browser;
    const fields = { reason: step.reason, attempt: step.attempt };
    if (step.action === 'reload' && current) {
      deps.health()?.count('browser-restarts', 'kiosk page reloaded', { kind: 'tab-reload', ...fields });
      current.reloadPage(options.url).catch((error: unknown) => deps.log(`could not reload the kiosk page: ${(error as Error).message}`));
      return;
    }
    deps.health()?.count('browser-restarts', 'kiosk browser restarted', { kind: 'browser-restart', ...fields });
    if (current) {
      browser = null;
      current.onExit(() => void launch());
      current.end();
    } else {
      void launch();
    }
  };

  const follow = (decision: Decision): void => {
    state = decision.state;
    const step = decision.step;
    if (!step) return;
    cancelStep?.();
    if (step.capped) {
      deps.health()?.raise('browser-restarts', HEALTH_KEY, `the kiosk keeps failing (${step.attempt - 1} attempts in a row): retrying every ${tuning.cappedBackoffMs / 60_000} min`);
      // Said once per run of failures: a heartbeat with a moving picture resets the ladder, and this.
      if (!spentSaid) deps.ladderSpent?.(`the kiosk display did not come back after ${step.attempt - 1} reloads and browser restarts (last: ${TROUBLE_WORDS[step.reason]})`);
      spentSaid = true;
    }
    const what = step.action === 'reload' ? 'reloading the page' : 'restarting the browser';
    deps.log(`kiosk ${TROUBLE_WORDS[step.reason]}: ${what} in ${step.delayMs / 1000} s (attempt ${step.attempt})`);
    cancelStep = deps.timers.after(step.delayMs, () => take(step));
  };

  const stopWatch = (() => {
    let cancel = (): void => undefined;
    const tick = (): void => {
      cancel = deps.timers.after(tuning.checkEveryMs ?? CHECK_EVERY_MS, tick);
      const stamp = deps.heartbeats();
      const now = deps.clock.now();
      // No player yet: the page is still on the boot page, waiting for it.
      if (stamp === null) {
        state = waitFrom(state, now);
        return;
      }
      if (stamp !== lastStamp && stamp > 0) {
        lastStamp = stamp;
        // A heartbeat whose picture stands still keeps the page from counting as silent, not as recovered.
        if (pictureMoves(deps.pictureStill?.())) {
          const back = heartbeat(state, now);
          state = back.state;
          spentSaid = false;
          if (back.recovered) deps.log('kiosk display is back');
          deps.health()?.clear('browser-restarts', HEALTH_KEY, 'the kiosk shows the hall again');
        } else {
          state = beat(state, now);
        }
      }
      if (browser && !launching) follow(check(state, now, tuning));
    };
    cancel = deps.timers.after(tuning.checkEveryMs ?? CHECK_EVERY_MS, tick);
    return () => cancel();
  })();

  function stop(): void {
    stopped = true;
    stopWatch();
    cancelStep?.();
    browser?.end();
  }

  void launch();
  return { stop };
}
