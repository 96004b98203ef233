/**
 * The Electron main process, with Electron passed in: one locked-down full-screen window on
 * hallcast://app/, fed by the Electron-free host, with the local API beside it. main.ts hands it
 * the real `electron`; the tests hand it a fake.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { CHANNELS, type FromDisplay, type ToDisplay } from '../contract/messages.js';
import { openDisplaySession, type DisplaySession } from '../host/display-session/display-session.js';
import type { Host } from '../host/host.js';
import type { Clock, Log, Timers } from '../host/ports.js';
import { displayPageUrl } from '../contract/display-page.js';
import type { ScreenCaptures } from '../host/services/screens/screen-captures.js';
import { APP_SCHEME, APP_SCHEME_PRIVILEGES, APP_URL, createAppProtocolHandler, isAppUrl } from './app-protocol.js';
import { createDisplayRecovery, type DisplayRecovery } from './display-recovery.js';
import type { PreventableEvent, ShellElectron, ShellIpcEvent, ShellWindow } from './electron-ports.js';
import type { LocalApi } from './local-api.js';
import { shellConfig, type ShellConfig, type ShellEnv } from './shell-config.js';
import { displayWindowOptions } from './window-options.js';
import { captureWindowJpeg } from './window-capture.js';
import { followPowerSave } from './power-save.js';
import { openPlayerRestarts, PICTURE_LOST_EXIT } from '../host/services/watchdog/player-restart.js';

/** The host tells its displays apart by id; the Electron shell has exactly one. */
export const DISPLAY_ID = 'electron-window';
export const HIDE_CURSOR_CSS = '* { cursor: none !important; }';
/** If the first paint never comes (a renderer that dies on load), show the window anyway. */
const SHOW_ANYWAY_MS = 10_000;
/** Chromium's ERR_ABORTED: a navigation replaced by another (or refused by our guard), not a failure. */
const ERR_ABORTED = -3;

export interface ShellOptions {
  electron: ShellElectron;
  env: ShellEnv;
  /** The hallcast package folder (dist/ and the default playlists live there). */
  root: string;
  /** process.resourcesPath: in a packed app the default playlists and assets live there instead. */
  resourcesPath: string;
  /** Creates the host; called only once this process holds the single-instance lock. */
  openHost(config: ShellConfig): Host;
  startApi(host: Host, config: ShellConfig): Promise<LocalApi>;
  /** The host's ports: real timers in main.ts, hand-driven ones in tests. */
  clock: Pick<Clock, 'now'>;
  timers: Timers;
  log: Log;
  /** Where the window's picture is registered, under the shell's display id (GET /api/displays/ID/screenshot). */
  screens?: ScreenCaptures;
}

export interface Shell {
  config: ShellConfig;
  host: Host;
  /** Settles once the app is ready and the window created. */
  ready: Promise<void>;
  window(): ShellWindow | null;
}

/** Returns null when another player already runs on this machine (this process then quits). */
export function startShell(options: ShellOptions): Shell | null {
  const { electron, log, timers, clock } = options;
  const { app } = electron;
  // The lock lives in the user-data folder: name it first, or `electron main.js` would use "Electron".
  app.setPath('userData', path.join(app.getPath('appData'), 'hallcast'));
  if (!app.requestSingleInstanceLock()) {
    log.info('another hallcast player is already running: leaving the screen to it');
    app.quit();
    return null;
  }
  const hallFiles = app.isPackaged ? options.resourcesPath : options.root;
  const config = shellConfig(options.env, { root: options.root, hallFiles, userData: app.getPath('userData') });
  for (const file of [path.join(config.rendererDir, 'index.html'), config.preloadPath]) {
    if (!existsSync(file)) throw new Error(`${file} is missing: run npm run build`);
  }

  app.enableSandbox();
  app.commandLine.appendSwitch('autoplay-policy', 'no-user-gesture-required');
  // A zh-CN page would otherwise get a Translate bubble over the hall's screen.
  app.commandLine.appendSwitch('disable-features', 'Translate');
  electron.protocol.registerSchemesAsPrivileged([APP_SCHEME_PRIVILEGES]);

  const host = options.openHost(config);
  // The picture watchdog's last rung: the app relaunches itself, at most 3 times an hour (player-restart.ts).
  const restarts = openPlayerRestarts({ stateDir: config.stateDir, supervisor: 'the Electron shell (app.relaunch)', now: clock.now, log: (message) => log.warn(message) });
  restarts.report(host.health);
  let win: ShellWindow | null = null;
  let recovery: DisplayRecovery | null = null;
  let api: LocalApi | null = null;

  // The window's display session (host/display-session/): what the page is sent, what it may send, the speaker.
  let session: DisplaySession | null = null;

  /** Why a message must not reach the host, or null when it comes from our page's main frame. */
  const senderProblem = (event: ShellIpcEvent): string | null => {
    if (!win || win.isDestroyed()) return 'no display window';
    const contents = win.webContents;
    if (event.sender.id !== contents.id) return 'not the display window';
    const frame = event.senderFrame;
    if (!frame) return 'the sending frame is gone';
    if (frame.processId !== contents.mainFrame.processId || frame.routingId !== contents.mainFrame.routingId) return 'not the main frame';
    if (!frame.url.startsWith(APP_URL)) return 'not the display page';
    return null;
  };

  // The one gate for everything the page sends: sender first, then the session (shape, size, rate).
  const fromDisplay =
    (type: FromDisplay['type']) =>
    (event: ShellIpcEvent, payload: unknown): void => {
      const problem = senderProblem(event);
      if (problem || !session) {
        log.warn('ignored a display message', { type, problem: problem ?? 'no display session', url: event.senderFrame?.url ?? null });
        return;
      }
      // The payload as Electron delivered it, in the envelope the session reads (no JSON round trip).
      const message = session.admit({ type, [type]: payload });
      // Our own page sent something we cannot read: a bug worth a line each time (rate drops are only counted).
      if (message === 'malformed' || message === 'too-large') log.warn('ignored a malformed display message', { type, reason: message });
      else if (typeof message !== 'string' && message.type === 'heartbeat') recovery?.heartbeat(message.heartbeat.stillForMs);
    };
  for (const type of ['report', 'heartbeat', 'hello', 'announcement', 'fault', 'audio', 'acknowledge', 'clock', 'painted'] as const) electron.ipcMain.on(CHANNELS[type], fromDisplay(type));

  const createWindow = (): ShellWindow => {
    const window = new electron.BrowserWindow(displayWindowOptions(config.preloadPath));
    const contents = window.webContents;
    contents.session.setPermissionRequestHandler((_contents, permission, callback) => {
      log.warn('denied a permission request', { permission });
      callback(false);
    });
    contents.session.setPermissionCheckHandler(() => false);
    contents.setWindowOpenHandler(({ url }) => {
      log.warn('denied a new window', { url });
      return { action: 'deny' };
    });
    const stayHome = (event: PreventableEvent, url: string): void => {
      if (isAppUrl(url)) return;
      event.preventDefault();
      log.warn('blocked navigation away from the display', { url });
    };
    contents.on('will-navigate', stayHome);
    contents.on('will-redirect', stayHome);
    contents.on('will-attach-webview', (event) => {
      event.preventDefault();
      log.warn('blocked a webview');
    });

    const windowSession = openDisplaySession({
      host,
      display: DISPLAY_ID,
      link: 'window',
      send: (message: ToDisplay) => {
        // The payload alone on the message's channel, as the preload listens.
        if (!window.isDestroyed() && !contents.isDestroyed()) contents.send(CHANNELS[message.type], (message as Record<string, unknown>)[message.type]);
      },
    });
    session = windowSession;

    const windowRecovery = createDisplayRecovery({
      clock,
      timers,
      log,
      reload: () => {
        if (!contents.isDestroyed()) contents.reload();
      },
      killRenderer: () => contents.forcefullyCrashRenderer(),
      count: (kind, message, fields) => host.health.count(kind, message, fields),
      spent: (why) => {
        void restarts.spent(why, host.health).then((restart) => {
          if (!restart) return;
          app.relaunch();
          app.exit(PICTURE_LOST_EXIT);
        });
      },
    });
    recovery = windowRecovery;
    // The window is the hall's one speaker while a page is loaded in it; a reload or a crash ends
    // what it was saying (the host then moves on rather than wait for a report that cannot come).
    contents.on('did-finish-load', () => {
      contents.insertCSS(HIDE_CURSOR_CSS).catch((error: unknown) => log.warn('could not hide the cursor', { error: String(error) }));
      windowSession.pageReady();
    });
    contents.on('did-start-loading', () => windowSession.pageGone());
    contents.on('did-fail-load', (_event, errorCode, description, _url, isMainFrame) => {
      if (isMainFrame && errorCode !== ERR_ABORTED) windowRecovery.failedLoad(errorCode, description);
    });
    contents.on('render-process-gone', (_event, details) => {
      windowSession.pageGone();
      windowRecovery.gone(details.reason, details.exitCode);
    });
    contents.on('unresponsive', () => windowRecovery.unresponsive());

    // Its picture answers for the shell's display for as long as the window lives.
    const withdrawCapture = options.screens?.register(config.display, (request) => captureWindowJpeg(contents, request));

    window.once('ready-to-show', () => window.show());
    const cancelShowAnyway = timers.after(SHOW_ANYWAY_MS, () => {
      if (window.isDestroyed() || window.isVisible()) return;
      log.warn('the display page has not painted yet: showing the window anyway');
      window.show();
    });
    window.on('closed', () => {
      windowSession.close('its window closed');
      withdrawCapture?.();
      if (session === windowSession) session = null;
      windowRecovery.stop();
      cancelShowAnyway();
      if (win === window) win = null;
    });
    window.loadURL(displayPageUrl(APP_URL, config.display)).catch((error: unknown) => log.warn('the display page did not load', { error: String(error) }));
    return window;
  };

  app.on('second-instance', () => {
    if (!win || win.isDestroyed()) return;
    if (win.isMinimized()) win.restore();
    win.show();
    win.focus();
  });
  app.on('window-all-closed', () => app.quit());

  const ready = app.whenReady().then(async () => {
    electron.Menu.setApplicationMenu(null);
    electron.protocol.handle(APP_SCHEME, createAppProtocolHandler({ rendererDir: config.rendererDir, assetsDir: config.assetsDir, speechDir: host.pa.speechDir, log }));
    host.start();
    // Held while the display's power windows say on (power-save.ts). The window's display is the
    // hall's unnamed one until the shell's config names it; then pass that id here.
    const powerSave = followPowerSave(electron.powerSaveBlocker, { current: () => host.power.power(null), subscribe: host.power.subscribe });
    app.on('will-quit', () => {
      recovery?.stop();
      powerSave.stop();
      host.stop();
      void api?.close();
    });
    win = createWindow();
    try {
      api = await options.startApi(host, config);
      log.info('local API listening', { url: api.url });
    } catch (error) {
      // The hall's screen matters more than its API: play on without it.
      log.warn('local API not started', { error: String(error) });
    }
  });

  return { config, host, ready, window: () => win };
}
