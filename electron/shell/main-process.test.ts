import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { CHANNELS, type QueueBoardState } from '../contract/messages.js';
import type { ShellIpcEvent } from './electron-ports.js';
import {
  displayState,
  FakeFrame,
  fakeElectron,
  fakeHost,
  FakeTimers,
  FakeWebContents,
  ipcEvent,
  fakeQueueSlot,
  recordingLog,
} from './fake-electron.test-support.js';
import type { LocalApi } from './local-api.js';
import { DISPLAY_ID, HIDE_CURSOR_CSS, startShell } from './main-process.js';
import type { ShellConfig, ShellEnv } from './shell-config.js';
import { displayWindowOptions } from './window-options.js';

let root: string;
beforeAll(() => {
  root = mkdtempSync(path.join(tmpdir(), 'hallcast-shell-'));
  mkdirSync(path.join(root, 'dist', 'renderer'), { recursive: true });
  mkdirSync(path.join(root, 'dist', 'electron'), { recursive: true });
  writeFileSync(path.join(root, 'dist', 'renderer', 'index.html'), '<!doctype html><title>hall</title>');
  writeFileSync(path.join(root, 'dist', 'electron', 'preload.cjs'), '');
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

const HEARTBEAT = { at: 1, programme: 'morning', item: 'morning#0', position: 2.5 };

interface BootOptions {
  gotLock?: boolean;
  env?: ShellEnv;
  ready?: boolean;
  startApi?: () => Promise<LocalApi>;
  root?: string;
  packaged?: boolean;
}

async function boot(options: BootOptions = {}) {
  const fake = fakeElectron({ appData: path.join(root, 'appData'), gotLock: options.gotLock ?? true, packaged: options.packaged ?? false });
  const timers = new FakeTimers();
  const host = fakeHost(timers);
  const log = recordingLog();
  const opened: ShellConfig[] = [];
  const api = { closed: 0 };
  const shell = startShell({
    electron: fake.electron,
    env: options.env ?? {},
    root: options.root ?? root,
    resourcesPath: '/opt/hallcast/resources',
    openHost: (config) => {
      opened.push(config);
      return host;
    },
    startApi: options.startApi ?? (async () => ({ url: 'http://127.0.0.1:8080/', close: async () => void api.closed++ })),
    clock: timers,
    timers,
    log,
  });
  if (options.ready !== false) {
    fake.app.ready();
    await shell?.ready;
  }
  const win = fake.windows[0];
  const send = (channel: string, payload: unknown, event?: ShellIpcEvent): void => {
    const contents = win!.webContents;
    fake.ipc.get(channel)!(event ?? ipcEvent(contents, contents.mainFrame), payload);
  };
  return { fake, host, timers, log, shell, win, contents: win?.webContents, opened, api, send };
}

describe('before Electron is ready', () => {
  it('takes the lock in its own user-data folder, then sets switches, sandbox and the privileged scheme', async () => {
    const { fake, shell } = await boot({ ready: false });
    expect(shell).not.toBeNull();
    expect(fake.app.getPath('userData')).toBe(path.join(root, 'appData', 'hallcast'));
    expect(fake.app.switches).toContainEqual(['autoplay-policy', 'no-user-gesture-required']);
    expect(fake.app.switches).toContainEqual(['disable-features', 'Translate']);
    expect(fake.app.sandboxEnabled).toBe(true);
    expect(fake.privileged).toStrictEqual([{ scheme: 'hallcast', privileges: { standard: true, secure: true, supportFetchAPI: true, stream: true } }]);
    expect(fake.windows).toHaveLength(0);
    expect(fake.protocolHandlers.size).toBe(0);
  });

  it('refuses to start without a built renderer', async () => {
    const bare = mkdtempSync(path.join(tmpdir(), 'hallcast-bare-'));
    await expect(boot({ root: bare })).rejects.toThrow(/dist\/renderer\/index\.html is missing: run npm run build/);
    rmSync(bare, { recursive: true, force: true });
  });
});

describe('single instance', () => {
  it('a second player quits without touching the screen or the hall', async () => {
    const { fake, shell, opened } = await boot({ gotLock: false });
    expect(shell).toBeNull();
    expect(fake.app.quits).toBe(1);
    expect(opened).toHaveLength(0);
    expect(fake.windows).toHaveLength(0);
    expect(fake.ipc.size).toBe(0);
    expect(fake.privileged).toHaveLength(0);
  });

  it('the first player brings its window back when a second one is started', async () => {
    const { fake, win } = await boot();
    win!.minimized = true;
    fake.app.emit('second-instance', {}, ['hallcast'], '/');
    expect(win!.isMinimized()).toBe(false);
    expect(win!.visible).toBe(true);
    expect(win!.focused).toBe(1);
    expect(fake.app.quits).toBe(0);
  });
});

describe('the display window', () => {
  it('is one secure kiosk window on hallcast://app/, shown when painted', async () => {
    const { fake, win, opened } = await boot();
    expect(fake.windows).toHaveLength(1);
    expect(win!.options).toStrictEqual(displayWindowOptions(path.join(root, 'dist', 'electron', 'preload.cjs')));
    expect(win!.options.webPreferences).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, webviewTag: false });
    expect(win!.loaded).toStrictEqual(['hallcast://app/?display=kiosk']);
    expect(win!.visible).toBe(false);
    win!.emit('ready-to-show');
    expect(win!.visible).toBe(true);
    expect(fake.protocolHandlers.has('hallcast')).toBe(true);
    expect(opened[0]!.rendererDir).toBe(path.join(root, 'dist', 'renderer'));
  });

  it('is shown anyway when the first paint never comes', async () => {
    const { win, timers } = await boot();
    timers.advance(10_000);
    expect(win!.visible).toBe(true);
  });

  it('has no menu, keeps the display awake, and starts the host', async () => {
    const { fake, host } = await boot();
    expect(fake.menus).toStrictEqual([null]);
    expect(fake.blockers.started).toStrictEqual(['prevent-display-sleep']);
    expect(host.started).toBe(1);
  });

  it('hides the cursor and sends the current state on every load', async () => {
    const { contents, host } = await boot();
    host.publish(displayState(5));
    contents!.sent.length = 0;
    contents!.emit('did-finish-load');
    expect(contents!.css).toStrictEqual([HIDE_CURSOR_CSS]);
    expect(contents!.states().map((s) => s.seq)).toStrictEqual([5]);
    contents!.emit('did-finish-load');
    expect(contents!.states().map((s) => s.seq)).toStrictEqual([5, 5]);
  });

  it('forwards every state the host publishes', async () => {
    const { contents, host } = await boot();
    host.publish(displayState(2));
    host.publish(displayState(3));
    expect(contents!.sent.filter((s) => s.channel === CHANNELS.state).map((s) => (s.args[0] as { seq: number }).seq)).toStrictEqual([2, 3]);
  });

  it('stops the host and the API and lets the display sleep on quit', async () => {
    const { fake, host, api } = await boot();
    fake.app.emit('will-quit', { preventDefault: () => undefined });
    expect(host.stopped).toBe(1);
    expect(api.closed).toBe(1);
    expect(fake.blockers.stopped).toStrictEqual([1]);
  });
});

describe('navigation, windows and permissions', () => {
  it('prevents navigation to another origin and lets the app move within its own', async () => {
    const { contents, log } = await boot();
    expect(contents!.navigate('https://evil.example/')).toBe(true);
    expect(contents!.navigate('file:///etc/passwd')).toBe(true);
    expect(contents!.navigate('hallcast://app.evil/')).toBe(true);
    expect(contents!.navigate('https://evil.example/', 'will-redirect')).toBe(true);
    expect(contents!.navigate('hallcast://app/index.html')).toBe(false);
    expect(log.lines.filter((l) => l.message === 'blocked navigation away from the display')).toHaveLength(4);
  });

  it('denies window.open', async () => {
    const { contents, log } = await boot();
    expect(contents!.windowOpenHandler!({ url: 'https://evil.example/' })).toStrictEqual({ action: 'deny' });
    expect(contents!.windowOpenHandler!({ url: 'hallcast://app/' })).toStrictEqual({ action: 'deny' });
    expect(log.has('denied a new window')).toBe(true);
  });

  it('prevents webviews', async () => {
    const { contents } = await boot();
    let prevented = false;
    contents!.emit('will-attach-webview', { preventDefault: () => (prevented = true) }, {}, {});
    expect(prevented).toBe(true);
  });

  it('denies every permission request and check', async () => {
    const { contents } = await boot();
    const answers: boolean[] = [];
    for (const permission of ['media', 'geolocation', 'notifications', 'fullscreen', 'openExternal']) {
      contents!.session.requestHandler!(contents, permission, (granted) => answers.push(granted));
    }
    expect(answers).toStrictEqual([false, false, false, false, false]);
    expect(contents!.session.checkHandler!(contents, 'media')).toBe(false);
  });
});

describe('messages from the display', () => {
  it('passes a valid heartbeat, report and hello to the host as the Electron display', async () => {
    const { host, send } = await boot();
    send(CHANNELS.heartbeat, HEARTBEAT);
    send(CHANNELS.report, { event: 'first-frame', programme: 'morning', item: 'morning#0', url: '/media/video/a.mp4', at: 5 });
    send(CHANNELS.hello, { shell: 'electron', width: 1920, height: 1080, userAgent: 'x' });
    expect(host.received).toStrictEqual([
      { message: { type: 'heartbeat', heartbeat: HEARTBEAT }, display: DISPLAY_ID },
      { message: { type: 'report', report: { event: 'first-frame', programme: 'morning', item: 'morning#0', url: '/media/video/a.mp4', at: 5 } }, display: DISPLAY_ID },
      { message: { type: 'hello', hello: { shell: 'electron', width: 1920, height: 1080, userAgent: 'x' } }, display: DISPLAY_ID },
    ]);
  });

  it('forwards every queue board, and gives a page that loads or says hello the current one', async () => {
    const { contents, host, send } = await boot();
    const board: QueueBoardState = { seq: 4, at: 1, services: [], serving: [], calls: [{ key: 'A023@5@1', ticket: 'A023', counter: 5, at: 1, recall: false, priority: false, fresh: true }], feed: { kind: 'push', state: 'up', delayed: false, lastEventAt: 1 } };
    const queue = host.queue as ReturnType<typeof fakeQueueSlot>;
    queue.board = () => board;
    const boards = () => contents!.sent.filter((s) => s.channel === CHANNELS.queue).map((s) => s.args[0]);
    for (const l of queue.listeners) l(board);
    expect(boards()).toStrictEqual([board]);
    contents!.sent.length = 0;
    send(CHANNELS.hello, { shell: 'electron', width: 1920, height: 1080, userAgent: 'x' });
    contents!.emit('did-finish-load');
    expect(boards()).toStrictEqual([board, board]);
  });

  it('makes a loaded page the hall speaker, forwards announcements to it, and lets go on reload and crash', async () => {
    const { contents, host, send } = await boot();
    expect(host.speakers.size).toBe(0);
    contents!.emit('did-finish-load');
    const speaker = host.speakers.get(DISPLAY_ID)!;
    const stop = { type: 'stop', id: 'a1', reason: 'ended' } as const;
    speaker(stop);
    expect(contents!.sent.filter((s) => s.channel === CHANNELS.announce).map((s) => s.args[0])).toStrictEqual([stop]);
    send(CHANNELS.announcement, { id: 'a1', event: 'started', at: 7, duck: { depthDb: -15, attackSeconds: 0.5, releaseSeconds: 1.5 } });
    expect(host.received.at(-1)).toStrictEqual({
      message: { type: 'announcement', announcement: { id: 'a1', event: 'started', at: 7, duck: { depthDb: -15, attackSeconds: 0.5, releaseSeconds: 1.5 } } },
      display: DISPLAY_ID,
    });
    contents!.emit('did-start-loading');
    expect(host.speakers.size).toBe(0);
    contents!.emit('did-finish-load');
    expect(host.speakers.size).toBe(1);
    contents!.emit('render-process-gone', {}, { reason: 'crashed', exitCode: 139 });
    expect(host.speakers.size).toBe(0);
  });

  it('answers a hello with the current state', async () => {
    const { contents, send } = await boot();
    contents!.sent.length = 0;
    send(CHANNELS.hello, { shell: 'electron', width: 1920, height: 1080, userAgent: 'x' });
    expect(contents!.states().map((s) => s.seq)).toStrictEqual([1]);
  });

  it.each([
    ['another window', (c: FakeWebContents) => ipcEvent(new FakeWebContents(), c.mainFrame), 'not the display window'],
    ['a subframe of our window', (c: FakeWebContents) => ipcEvent(c, new FakeFrame('hallcast://app/', c.mainFrame.processId, 99)), 'not the main frame'],
    ['our main frame showing a foreign page', (c: FakeWebContents) => ipcEvent(c, new FakeFrame('https://evil.example/', c.mainFrame.processId, c.mainFrame.routingId)), 'not the display page'],
    ['a look-alike origin', (c: FakeWebContents) => ipcEvent(c, new FakeFrame('hallcast://app.evil/', c.mainFrame.processId, c.mainFrame.routingId)), 'not the display page'],
    ['a frame that is gone', (c: FakeWebContents) => ipcEvent(c, null), 'the sending frame is gone'],
  ])('ignores and logs a message from %s', async (_what, event, problem) => {
    const { host, contents, log, send } = await boot();
    send(CHANNELS.heartbeat, HEARTBEAT, event(contents!));
    send(CHANNELS.report, { event: 'ended', programme: 'p', item: 'p#0', url: null, at: 1 }, event(contents!));
    expect(host.received).toStrictEqual([]);
    expect(log.lines.filter((l) => l.message === 'ignored a display message').map((l) => l.fields?.problem)).toStrictEqual([problem, problem]);
  });

  const cycle: Record<string, unknown> = { at: 1 };
  cycle.self = cycle;
  it.each([
    ['heartbeat', { at: 'soon', programme: null, item: null, position: null }],
    ['heartbeat', null],
    ['heartbeat', 'at=1'],
    ['report', { event: 'hacked', programme: 'p', item: 'i', url: null, at: 1 }],
    ['report', { event: 'ended', programme: 'p', item: 'x'.repeat(5000), url: null, at: 1 }],
    ['hello', { shell: 'firefox', width: 1, height: 1, userAgent: 'x' }],
    ['hello', { shell: 'electron', width: 1n, height: 1, userAgent: 'x' }],
    ['heartbeat', cycle],
    ['report', { event: 'ended', programme: 'p', item: 'i', url: null, at: 1, junk: 'x'.repeat(70_000) }],
    ['announcement', { id: 'a1', event: 'exploded', at: 1 }],
    ['announcement', { id: 'a1', event: 'started', at: 1, duck: { depthDb: 'loud' } }],
  ] as const)('ignores and logs a malformed %s: %o', async (type, payload) => {
    const { host, log, send } = await boot();
    send(CHANNELS[type], payload);
    expect(host.received).toStrictEqual([]);
    expect(log.lines.filter((l) => l.message === 'ignored a malformed display message').map((l) => l.fields?.type)).toStrictEqual([type]);
  });
});

describe('the window\'s display session', () => {
  it('holds the page to the socket\'s rates: a flood of reports costs the host the burst, the rest counted in health once a second', async () => {
    const { host, timers, send } = await boot();
    send(CHANNELS.hello, { shell: 'electron', width: 1920, height: 1080, userAgent: 'x' });
    for (let i = 0; i < 1_000; i++) send(CHANNELS.report, { event: 'ended', programme: 'p', item: `p#${i}`, url: null, at: i });
    expect(host.received.filter((r) => r.message.type === 'report')).toHaveLength(50);
    timers.advance(1_000);
    expect(host.health.view().classes['dropped-reports']).toMatchObject({ count: 950, last: { fields: { display: DISPLAY_ID, rate: 950 } } });
  });

  it('tells the host the page went silent after 10 s without a heartbeat, and that it is gone when the window closes', async () => {
    const { host, timers, send, win } = await boot();
    send(CHANNELS.hello, { shell: 'electron', width: 1920, height: 1080, userAgent: 'x' });
    send(CHANNELS.heartbeat, HEARTBEAT);
    timers.advance(10_000);
    expect(host.gone).toStrictEqual([{ display: DISPLAY_ID, why: 'no heartbeat for 10 s', disconnected: false }]);
    win!.emit('closed');
    expect(host.gone.at(-1)).toStrictEqual({ display: DISPLAY_ID, why: 'its window closed', disconnected: true });
  });
});

describe('recovery', () => {
  it('reloads the window when the renderer crashes, and resends the state after the reload', async () => {
    const { contents, timers, host } = await boot();
    contents!.emit('render-process-gone', {}, { reason: 'crashed', exitCode: 139 });
    timers.advance(0);
    expect(contents!.reloads).toBe(1);
    expect(host.health.view().classes['browser-restarts']).toMatchObject({ count: 1, last: { fields: { kind: 'tab-reload', reason: 'crashed' } } });
    host.publish(displayState(9));
    contents!.sent.length = 0;
    contents!.emit('did-finish-load');
    expect(contents!.states().map((s) => s.seq)).toStrictEqual([9]);
  });

  it('kills and reloads a renderer that hangs', async () => {
    const { contents, timers } = await boot();
    contents!.emit('unresponsive');
    timers.advance(0);
    expect(contents!.rendererKills).toBe(1);
    expect(contents!.reloads).toBe(1);
  });

  it('retries a main-frame load that failed, but not an aborted one or a subframe', async () => {
    const { contents, timers } = await boot();
    contents!.emit('did-fail-load', {}, -3, 'ERR_ABORTED', 'hallcast://app/', true);
    contents!.emit('did-fail-load', {}, -6, 'ERR_FILE_NOT_FOUND', 'hallcast://app/x', false);
    timers.advance(0);
    expect(contents!.reloads).toBe(0);
    contents!.emit('did-fail-load', {}, -6, 'ERR_FILE_NOT_FOUND', 'hallcast://app/', true);
    timers.advance(0);
    expect(contents!.reloads).toBe(1);
  });

  it('reloads a page whose heartbeats stopped for 30 s', async () => {
    const { contents, timers, send } = await boot();
    for (let i = 0; i < 40; i++) {
      timers.advance(3_000);
      send(CHANNELS.heartbeat, HEARTBEAT);
    }
    expect(contents!.reloads).toBe(0);
    timers.advance(29_000);
    expect(contents!.reloads).toBe(0);
    timers.advance(6_000);
    expect(contents!.reloads).toBe(1);
  });

  it('reloads a page whose picture stands still while it heartbeats, and relaunches the app (exit 75) once reloads cannot bring it back', async () => {
    const { fake, contents, timers, send, host } = await boot();
    for (let i = 0; i < 8; i++) {
      timers.advance(3_000);
      send(CHANNELS.heartbeat, { ...HEARTBEAT, stillForMs: null });
    }
    expect(contents!.reloads).toBe(1);
    expect(host.health.view().classes['browser-restarts'].last?.fields).toMatchObject({ reason: 'picture-frozen' });
    // Frozen on every reload: the ladder climbs to its cap (10 reloads), then the last rung.
    for (let i = 0; i < 400 && fake.app.relaunches === 0; i++) {
      timers.advance(3_000);
      send(CHANNELS.heartbeat, { ...HEARTBEAT, stillForMs: null });
      await Promise.resolve();
    }
    await vi.waitFor(() => expect(fake.app.exits).toStrictEqual([75]));
    expect(fake.app.relaunches).toBe(1);
    expect(host.health.view().classes['player-restarts'].last?.fields).toMatchObject({ supervisor: 'the Electron shell (app.relaunch)' });
  });

  it('does not count heartbeats from a foreign sender or with a bad payload', async () => {
    const { contents, timers, send } = await boot();
    for (let i = 0; i < 12; i++) {
      timers.advance(3_000);
      send(CHANNELS.heartbeat, HEARTBEAT, ipcEvent(new FakeWebContents(), contents!.mainFrame));
      send(CHANNELS.heartbeat, { at: 'x' });
    }
    expect(contents!.reloads).toBe(1);
  });
});

describe('the local API', () => {
  it('is started with the configuration from the environment', async () => {
    const { opened } = await boot({
      env: { HALLCAST_PORT: '9123', HALLCAST_HOST: '0.0.0.0', HALLCAST_TOKEN: 'sekrit', HALLCAST_PLAYLISTS: '/srv/hall/playlists', HALLCAST_STATE: '/var/lib/hallcast' },
    });
    expect(opened[0]).toMatchObject({
      playlistsDir: '/srv/hall/playlists',
      assetsDir: '/srv/hall/assets',
      stateDir: '/var/lib/hallcast',
      api: { bindAddress: '0.0.0.0', port: 9123, token: 'sekrit' },
    });
  });

  it("opens the package's sample hall under `electron main.js`, the resources folder's once packed", async () => {
    expect((await boot()).opened[0]).toMatchObject({ playlistsDir: path.join(root, 'playlists'), assetsDir: path.join(root, 'assets') });
    const packed = await boot({ packaged: true });
    expect(packed.opened[0]).toMatchObject({
      playlistsDir: '/opt/hallcast/resources/playlists',
      assetsDir: '/opt/hallcast/resources/assets',
      rendererDir: path.join(root, 'dist', 'renderer'),
      preloadPath: path.join(root, 'dist', 'electron', 'preload.cjs'),
    });
  });

  it('keeps state in the user-data folder by default', async () => {
    const { opened } = await boot();
    expect(opened[0]!.stateDir).toBe(path.join(root, 'appData', 'hallcast'));
    expect(opened[0]!.api).toStrictEqual({ bindAddress: '127.0.0.1', port: 8080, token: null });
  });

  it('failing to start does not keep the hall dark', async () => {
    const { fake, log } = await boot({ startApi: () => Promise.reject(new Error('listen EADDRINUSE: address already in use 127.0.0.1:8080')) });
    expect(fake.windows).toHaveLength(1);
    expect(log.lines.find((l) => l.message === 'local API not started')?.fields?.error).toMatch(/EADDRINUSE/);
  });
});
