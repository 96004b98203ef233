import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeTime } from '../host/fake-time.test-support.js';
import { createScreenCaptures } from '../host/services/screens/screen-captures.js';
import { fakeElectron, fakeHost, FakeTimers, recordingLog } from './fake-electron.test-support.js';
import { startShell } from './main-process.js';

let root: string;
beforeAll(() => {
  root = mkdtempSync(path.join(tmpdir(), 'hallcast-shell-capture-'));
  mkdirSync(path.join(root, 'dist', 'renderer'), { recursive: true });
  mkdirSync(path.join(root, 'dist', 'electron'), { recursive: true });
  writeFileSync(path.join(root, 'dist', 'renderer', 'index.html'), '<!doctype html><title>hall</title>');
  writeFileSync(path.join(root, 'dist', 'electron', 'preload.cjs'), '');
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

async function boot(env: Record<string, string> = {}) {
  const fake = fakeElectron({ appData: path.join(root, 'appData') });
  const timers = new FakeTimers();
  const time = new FakeTime('2026-12-07T10:00:00Z');
  const screens = createScreenCaptures({ clock: time, timers: time.timers });
  const shell = startShell({
    electron: fake.electron,
    env,
    root,
    resourcesPath: root,
    openHost: () => fakeHost(timers),
    startApi: async () => ({ url: 'http://127.0.0.1:8080/', close: async () => undefined }),
    clock: timers,
    timers,
    log: recordingLog(),
    screens,
  });
  fake.app.ready();
  await shell!.ready;
  return { win: fake.windows[0]!, screens, time };
}

describe("the Electron window's picture", () => {
  it('loads the page as its display and registers webContents.capturePage under that id, as a JPEG', async () => {
    const { win, screens } = await boot({ HALLCAST_DISPLAY: 'entrance' });
    expect(win.loaded).toStrictEqual(['hallcast://app/?display=entrance']);
    expect(screens.known('entrance')).toBe('captured');
    const full = await screens.take('entrance', { maxWidth: null });
    expect(full).toMatchObject({ ok: true, jpeg: Buffer.from('jpeg 1920x1080 q80') });
    const thumb = await screens.take('entrance', { maxWidth: 320 });
    expect(thumb).toMatchObject({ ok: true, jpeg: Buffer.from('jpeg 320x180 q80') });
    expect(win.webContents.captures).toBe(2);
  });

  it('says so when the window has not painted, and the display is gone once the window closed', async () => {
    const { win, screens, time } = await boot();
    win.webContents.picture = { width: 0, height: 0 };
    expect(await screens.take('kiosk', { maxWidth: null })).toEqual({ ok: false, why: 'failed', message: 'the display window has not painted yet' });
    win.emit('closed');
    expect(await screens.take('kiosk', { maxWidth: null })).toEqual({ ok: false, why: 'gone', leftAt: time.now() });
  });
});
