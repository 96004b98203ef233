/**
 * Updates of the packed Electron player (electron-updater, generic provider): the hall names the
 * fleet server's folder (HALLCAST_UPDATE_URL, where latest.yml / latest-linux.yml and the
 * installers lie). Updates download in the background whenever found; one is installed — a
 * silent install and a restart of the player — only outside the opening hours (update-window.ts),
 * never on an ordinary quit, which in opening hours may be a crash being restarted.
 */
import type { Clock, Log, Timers } from '../host/ports.js';
import { TimeZone } from '../host/domain/time/time-zone.js';
import { mayInstallUpdate, type OpeningHours } from './update-window.js';

/** The part of electron-updater's `autoUpdater` the shell uses (main.ts hands in the real one). */
export interface Updater {
  autoDownload: boolean;
  autoInstallOnAppQuit: boolean;
  setFeedURL(options: { provider: 'generic'; url: string }): void;
  checkForUpdates(): Promise<unknown>;
  on(event: 'update-downloaded', listener: (info: { version: string }) => void): unknown;
  on(event: 'error', listener: (error: Error) => void): unknown;
  quitAndInstall(isSilent?: boolean, isForceRunAfter?: boolean): void;
}

export interface AutoUpdateOptions {
  updater: Updater;
  url: string;
  openingHours: OpeningHours;
  /** The hall's time zone now (schedule.json's): it may change with a playlist edit. */
  timezone(): string;
  clock: Pick<Clock, 'now'>;
  timers: Timers;
  log: Log;
}

/** How often the fleet server is asked for a new version. */
export const CHECK_EVERY_MS = 6 * 60 * 60 * 1000;
/** One tick re-reads the wall clock (the Timers port's longest period): is a check due, is the hall closed? */
export const TICK_MS = 30 * 1000;

/** Starts checking; returns the stop function. */
export function startAutoUpdate(options: AutoUpdateOptions): () => void {
  const { updater, log, timers, clock } = options;
  updater.autoDownload = true;
  updater.autoInstallOnAppQuit = false;
  updater.setFeedURL({ provider: 'generic', url: options.url });
  let downloaded: string | null = null;
  let installing = false;

  let nextCheckAt = clock.now() + CHECK_EVERY_MS;
  const check = (): void => {
    updater.checkForUpdates().catch((error: unknown) => log.warn('update check failed', { url: options.url, error: String(error) }));
  };
  const zone = (): TimeZone => {
    try {
      return TimeZone.of(options.timezone());
    } catch {
      return TimeZone.of('Asia/Shanghai');
    }
  };
  const maybeInstall = (): void => {
    if (downloaded === null || installing || !mayInstallUpdate(clock.now(), options.openingHours, zone())) return;
    installing = true;
    log.info('installing an update outside opening hours; the player restarts', { version: downloaded });
    updater.quitAndInstall(true, true);
  };

  updater.on('update-downloaded', (info) => {
    downloaded = info.version;
    log.info('update downloaded; it installs outside opening hours', { version: info.version });
    maybeInstall();
  });
  updater.on('error', (error) => log.warn('update failed', { url: options.url, error: error.message }));

  check();
  return timers.every(TICK_MS, () => {
    if (clock.now() >= nextCheckAt) {
      nextCheckAt = clock.now() + CHECK_EVERY_MS;
      check();
    }
    maybeInstall();
  });
}
