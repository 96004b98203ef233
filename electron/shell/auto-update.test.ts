import { describe, expect, it } from 'vitest';
import { CHECK_EVERY_MS, startAutoUpdate, type Updater } from './auto-update.js';
import { FakeTimers, recordingLog } from './fake-electron.test-support.js';
import { parseOpeningHours } from './update-window.js';

class FakeUpdater implements Updater {
  autoDownload = false;
  autoInstallOnAppQuit = true;
  feeds: { provider: 'generic'; url: string }[] = [];
  checks = 0;
  installs: [boolean | undefined, boolean | undefined][] = [];
  private readonly listeners = new Map<string, (arg: never) => void>();
  setFeedURL(options: { provider: 'generic'; url: string }): void {
    this.feeds.push(options);
  }
  async checkForUpdates(): Promise<unknown> {
    this.checks++;
    return null;
  }
  on(event: string, listener: (arg: never) => void): this {
    this.listeners.set(event, listener);
    return this;
  }
  emit(event: 'update-downloaded', info: { version: string }): void {
    (this.listeners.get(event) as (info: { version: string }) => void)(info);
  }
  quitAndInstall(isSilent?: boolean, isForceRunAfter?: boolean): void {
    this.installs.push([isSilent, isForceRunAfter]);
  }
}

function start(iso: string) {
  const timers = new FakeTimers();
  timers.time = Date.parse(iso);
  const updater = new FakeUpdater();
  const log = recordingLog();
  const stop = startAutoUpdate({
    updater,
    url: 'http://fleet.hall.lan/hallcast/',
    openingHours: parseOpeningHours('08:30-21:00')!,
    timezone: () => 'Asia/Shanghai',
    clock: timers,
    timers,
    log,
  });
  return { timers, updater, log, stop };
}

describe('startAutoUpdate', () => {
  it("asks the hall's generic feed at once and every 6 hours, downloads by itself, never installs on quit", () => {
    const { updater, timers } = start('2026-12-07T10:00:00+08:00');
    expect(updater.feeds).toStrictEqual([{ provider: 'generic', url: 'http://fleet.hall.lan/hallcast/' }]);
    expect(updater).toMatchObject({ autoDownload: true, autoInstallOnAppQuit: false, checks: 1 });
    timers.advance(CHECK_EVERY_MS - 60_000);
    expect(updater.checks).toBe(1);
    timers.advance(60_000);
    expect(updater.checks).toBe(2);
  });

  it('holds a downloaded update through opening hours and installs it, silently, once the hall closes', () => {
    const { updater, timers, log } = start('2026-12-07T20:58:00+08:00');
    updater.emit('update-downloaded', { version: '0.2.0' });
    expect(updater.installs).toHaveLength(0);
    expect(log.has('update downloaded; it installs outside opening hours')).toBe(true);
    timers.advance(90_000); // 20:59:30
    expect(updater.installs).toHaveLength(0);
    timers.advance(30_000); // 21:00:00, closed
    expect(updater.installs).toStrictEqual([[true, true]]);
    timers.advance(120_000);
    expect(updater.installs, 'asked to install once').toHaveLength(1);
  });

  it('installs at once when the download ends while the hall is closed', () => {
    const { updater } = start('2026-12-07T23:10:00+08:00');
    updater.emit('update-downloaded', { version: '0.2.0' });
    expect(updater.installs).toStrictEqual([[true, true]]);
  });

  it('stops', () => {
    const { updater, timers, stop } = start('2026-12-07T20:59:00+08:00');
    updater.emit('update-downloaded', { version: '0.2.0' });
    stop();
    timers.advance(CHECK_EVERY_MS);
    expect(updater).toMatchObject({ checks: 1, installs: [] });
  });
});
