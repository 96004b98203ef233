/**
 * A hand-driven stand-in for the parts of Electron the shell uses (electron-ports.ts): windows,
 * web contents, IPC, the protocol module, the app and timers. Tests emit the events Chromium
 * would and look at what the shell did in return.
 */
import { createPowerRunner } from '../host/services/power/power-runner.js';
import type { AnnounceSend } from '../host/services/pa-desk/display-roster.js';
import type { BrowserWindowConstructorOptions, CustomScheme } from 'electron';
import type { DisplayState, FromDisplay, QueueBoardState } from '../contract/messages.js';
import type { Host, HostStatus } from '../host/host.js';
import type { Log } from '../host/ports.js';
import { createHealth } from '../host/domain/health/health.js';
import type { ShellApp, ShellElectron, ShellFrame, ShellImage, ShellIpcEvent, ShellSession, ShellWebContents, ShellWindow } from './electron-ports.js';
import type { Timers } from '../host/ports.js';

type AnyListener = (...args: unknown[]) => void;

export class FakeEmitter {
  private readonly listeners = new Map<string, { fn: AnyListener; once: boolean }[]>();

  on(event: string, listener: (...args: never[]) => void): this {
    this.add(event, listener as AnyListener, false);
    return this;
  }

  once(event: string, listener: (...args: never[]) => void): this {
    this.add(event, listener as AnyListener, true);
    return this;
  }

  emit(event: string, ...args: unknown[]): void {
    const list = this.listeners.get(event) ?? [];
    this.listeners.set(event, list.filter((l) => !l.once));
    for (const l of list) l.fn(...args);
  }

  listenerCount(event: string): number {
    return this.listeners.get(event)?.length ?? 0;
  }

  private add(event: string, fn: AnyListener, once: boolean): void {
    this.listeners.set(event, [...(this.listeners.get(event) ?? []), { fn, once }]);
  }
}

export class FakeFrame implements ShellFrame {
  constructor(
    public url: string,
    public processId = 7,
    public routingId = 1,
  ) {}
}

export class FakeSession implements ShellSession {
  requestHandler: ((webContents: unknown, permission: string, callback: (granted: boolean) => void) => void) | null = null;
  checkHandler: ((webContents: unknown, permission: string) => boolean) | null = null;
  setPermissionRequestHandler(handler: NonNullable<FakeSession['requestHandler']>): void {
    this.requestHandler = handler;
  }
  setPermissionCheckHandler(handler: NonNullable<FakeSession['checkHandler']>): void {
    this.checkHandler = handler;
  }
}

let nextContentsId = 1;

export class FakeWebContents extends FakeEmitter implements ShellWebContents {
  readonly id = nextContentsId++;
  readonly mainFrame = new FakeFrame('hallcast://app/');
  readonly session = new FakeSession();
  readonly sent: { channel: string; args: unknown[] }[] = [];
  readonly css: string[] = [];
  reloads = 0;
  rendererKills = 0;
  destroyed = false;
  windowOpenHandler: ((details: { url: string }) => { action: 'deny' }) | null = null;

  send(channel: string, ...args: unknown[]): void {
    this.sent.push({ channel, args });
  }
  reload(): void {
    this.reloads++;
  }
  forcefullyCrashRenderer(): void {
    this.rendererKills++;
  }
  async insertCSS(css: string): Promise<string> {
    this.css.push(css);
    return `css-${this.css.length}`;
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
  /** The size of what the window composites; width 0: nothing painted yet. */
  picture = { width: 1920, height: 1080 };
  captures = 0;
  async capturePage(): Promise<FakeImage> {
    this.captures++;
    return new FakeImage(this.picture.width, this.picture.height);
  }
  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' }): void {
    this.windowOpenHandler = handler;
  }

  /** Emits a navigation event as Chromium would; true when a listener prevented it. */
  navigate(url: string, event: 'will-navigate' | 'will-redirect' = 'will-navigate'): boolean {
    let prevented = false;
    this.emit(event, { preventDefault: () => (prevented = true), url }, url);
    return prevented;
  }

  /** The states sent to the page, in order. */
  states(): DisplayState[] {
    return this.sent.filter((s) => s.channel === 'display:state').map((s) => s.args[0] as DisplayState);
  }
}

/** A NativeImage stand-in whose JPEG says its size and quality ("jpeg 320x180 q80"). */
export class FakeImage implements ShellImage {
  constructor(
    readonly width: number,
    readonly height: number,
  ) {}
  getSize(): { width: number; height: number } {
    return { width: this.width, height: this.height };
  }
  resize(options: { width: number }): FakeImage {
    return new FakeImage(options.width, Math.round((this.height * options.width) / this.width));
  }
  toJPEG(quality: number): Buffer {
    return Buffer.from(`jpeg ${this.width}x${this.height} q${quality}`);
  }
}

export class FakeBrowserWindow extends FakeEmitter implements ShellWindow {
  readonly webContents = new FakeWebContents();
  readonly loaded: string[] = [];
  visible = false;
  minimized = false;
  focused = 0;
  destroyed = false;

  constructor(readonly options: BrowserWindowConstructorOptions) {
    super();
  }
  async loadURL(url: string): Promise<void> {
    this.loaded.push(url);
  }
  show(): void {
    this.visible = true;
  }
  focus(): void {
    this.focused++;
  }
  restore(): void {
    this.minimized = false;
  }
  isMinimized(): boolean {
    return this.minimized;
  }
  isVisible(): boolean {
    return this.visible;
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
}

export class FakeApp extends FakeEmitter implements ShellApp {
  readonly switches: [string, string | undefined][] = [];
  readonly commandLine = { appendSwitch: (name: string, value?: string) => void this.switches.push([name, value]) };
  readonly paths = new Map<string, string>();
  quits = 0;
  sandboxEnabled = false;
  /** As electron-builder's package (electron-builder.yml) would be; false like `electron main.js`. */
  isPackaged = false;
  private readonly readyPromise: Promise<void>;
  private markReady!: () => void;

  constructor(
    appData: string,
    private readonly gotLock: boolean,
  ) {
    super();
    this.paths.set('appData', appData);
    this.paths.set('userData', `${appData}/Electron`);
    this.readyPromise = new Promise((resolve) => (this.markReady = resolve));
  }
  requestSingleInstanceLock(): boolean {
    return this.gotLock;
  }
  quit(): void {
    this.quits++;
  }
  relaunches = 0;
  exits: number[] = [];
  relaunch(): void {
    this.relaunches++;
  }
  exit(code: number): void {
    this.exits.push(code);
  }
  whenReady(): Promise<void> {
    return this.readyPromise;
  }
  getPath(name: 'appData' | 'userData'): string {
    return this.paths.get(name)!;
  }
  setPath(name: 'userData', value: string): void {
    this.paths.set(name, value);
  }
  enableSandbox(): void {
    this.sandboxEnabled = true;
  }
  /** Electron's ready event. */
  ready(): void {
    this.markReady();
  }
}

export interface FakeElectron {
  electron: ShellElectron;
  app: FakeApp;
  windows: FakeBrowserWindow[];
  ipc: Map<string, (event: ShellIpcEvent, ...args: unknown[]) => void>;
  privileged: CustomScheme[];
  protocolHandlers: Map<string, (request: Request) => Promise<Response>>;
  blockers: { started: string[]; stopped: number[] };
  menus: null[];
}

export function fakeElectron(options: { appData: string; gotLock?: boolean; packaged?: boolean }): FakeElectron {
  const app = new FakeApp(options.appData, options.gotLock ?? true);
  app.isPackaged = options.packaged ?? false;
  const windows: FakeBrowserWindow[] = [];
  const ipc = new Map<string, (event: ShellIpcEvent, ...args: unknown[]) => void>();
  const privileged: CustomScheme[] = [];
  const protocolHandlers = new Map<string, (request: Request) => Promise<Response>>();
  const blockers = { started: [] as string[], stopped: [] as number[] };
  const menus: null[] = [];
  class BrowserWindow extends FakeBrowserWindow {
    constructor(windowOptions: BrowserWindowConstructorOptions) {
      super(windowOptions);
      windows.push(this);
    }
  }
  const electron: ShellElectron = {
    app,
    BrowserWindow,
    ipcMain: { on: (channel, listener) => ipc.set(channel, listener) },
    protocol: {
      registerSchemesAsPrivileged: (schemes) => void privileged.push(...schemes),
      handle: (scheme, handler) => void protocolHandlers.set(scheme, handler),
    },
    powerSaveBlocker: {
      start: (type) => blockers.started.push(type),
      stop: (id) => blockers.stopped.push(id),
    },
    Menu: { setApplicationMenu: (menu) => void menus.push(menu) },
  };
  return { electron, app, windows, ipc, privileged, protocolHandlers, blockers, menus };
}

/** An IPC event as Electron builds it for a message from `contents`' frame `frame`. */
export function ipcEvent(contents: { id: number }, frame: ShellFrame | null): ShellIpcEvent {
  return { sender: { id: contents.id }, senderFrame: frame };
}

/** One clock for the shell's tests: `time` is both the wall and the elapsed time. */
export class FakeTimers implements Timers {
  time = 1_000_000;
  private pending: { id: number; at: number; fn: () => void; every: number | null }[] = [];
  private nextId = 1;

  now = (): number => this.time;

  at(epochMs: number, fn: () => void): () => void {
    return this.add(Math.max(0, epochMs - this.time), fn, null);
  }
  after(ms: number, fn: () => void): () => void {
    return this.add(ms, fn, null);
  }
  every(ms: number, fn: () => void): () => void {
    return this.add(ms, fn, ms);
  }
  /** Moves time forward, firing due timers in order (a zero delay fires on the next advance). */
  advance(ms: number): void {
    const end = this.time + ms;
    for (;;) {
      const next = [...this.pending].sort((a, b) => a.at - b.at || a.id - b.id)[0];
      if (!next || next.at > end) break;
      this.time = Math.max(this.time, next.at);
      if (next.every === null) this.pending = this.pending.filter((p) => p !== next);
      else next.at += next.every;
      next.fn();
    }
    this.time = end;
  }
  private add(ms: number, fn: () => void, every: number | null): () => void {
    const entry = { id: this.nextId++, at: this.time + ms, fn, every };
    this.pending.push(entry);
    return () => {
      this.pending = this.pending.filter((p) => p !== entry);
    };
  }
}

export interface RecordingLog extends Log {
  lines: { level: 'info' | 'warn'; message: string; fields: Record<string, unknown> | undefined }[];
  has(message: string): boolean;
}

export function recordingLog(): RecordingLog {
  const lines: RecordingLog['lines'] = [];
  return {
    lines,
    info: (message, fields) => void lines.push({ level: 'info', message, fields }),
    warn: (message, fields) => void lines.push({ level: 'warn', message, fields }),
    has: (message) => lines.some((l) => l.message === message),
  };
}

export interface FakeHost extends Host {
  received: { message: FromDisplay; display: string }[];
  started: number;
  stopped: number;
  listeners: Set<(state: DisplayState) => void>;
  /** Publishes a new state to subscribers, as the host does on a switch. */
  publish(state: DisplayState): void;
  /** Displays attached as speakers, with what the host would send them. */
  speakers: Map<string, AnnounceSend>;
  /** Calls to lost() and disconnect(), in order. */
  gone: { display: string; why: string; disconnected: boolean }[];
}

export function displayState(seq: number): DisplayState {
  return {
    seq,
    programme: null,
    entry: null,
    nextSwitch: null,
    layout: { name: 'test', orientation: 'landscape', background: '#000', zones: [{ name: 'main', kind: 'programme', x: 0, y: 0, w: 1, h: 1 }] },
    display: { id: null, name: null, area: null, counter: null, viewingDistanceMetres: 5 },
    ticker: { speed: 100, notices: [] },
    timezone: 'Asia/Shanghai',
    serverTime: 0,
    idleImage: null,
    diversion: null,
  };
}

/** `timers`: the shell's, so the host (and the display session on it) keeps the same fake time. */
export function fakeHost(timers = new FakeTimers()): FakeHost {
  let current = displayState(1);
  const host: FakeHost = {
    clock: { now: timers.now, monotonic: timers.now },
    timers,
    metrics: { played: () => undefined, announced: () => undefined, text: async () => '', contentType: 'text/plain' },
    // The real runner: always on until a test configures power windows.
    power: createPowerRunner({ clock: { now: timers.now, monotonic: timers.now }, timers, log: { info: () => undefined, warn: () => undefined } }),
    gone: [],
    received: [],
    started: 0,
    stopped: 0,
    listeners: new Set(),
    publish(state) {
      current = state;
      for (const l of host.listeners) l(state);
    },
    start: () => void host.started++,
    stop: () => void host.stopped++,
    state: () => current,
    subscribe(listener) {
      host.listeners.add(listener);
      return () => host.listeners.delete(listener);
    },
    receive: (message, display) => void host.received.push({ message, display }),
    disconnect: (display, why = '') => void host.gone.push({ display, why, disconnected: true }),
    lost: (display, why) => void host.gone.push({ display, why, disconnected: false }),
    status: (): HostStatus => {
      throw new Error('status() is not used by the shell');
    },
    applied: () => null,
    health: createHealth({ now: () => 0, log: { info: () => undefined, warn: () => undefined } }),
    reload: () => false,
    queue: fakeQueueSlot(),
    speakers: new Map(),
    emergency: { current: () => null, subscribe: () => () => undefined },
    pa: {
      speechDir: '/nonexistent/speech',
      get desk(): never {
        throw new Error('the shell does not use the desk');
      },
      get emergency(): never {
        throw new Error('the shell does not raise emergencies');
      },
      configure: () => undefined,
      request: () => Promise.reject(new Error('the shell does not announce')),
      diversion: () => null,
      alerts: () => [],
      clockStepped: () => undefined,
      stop: () => undefined,
    },
    attachSpeaker(display, send) {
      host.speakers.set(display, send);
      return () => host.speakers.delete(display);
    },
  };
  return host;
}

/** A queue slot with no queue.json: the shell only forwards boards. */
export function fakeQueueSlot(): FakeHost['queue'] & { listeners: Set<(board: QueueBoardState | null) => void> } {
  const listeners = new Set<(board: QueueBoardState | null) => void>();
  return {
    listeners,
    hub: () => null,
    load: () => undefined,
    clockStepped: () => undefined,
    board: () => null,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    subscribeCalls: () => () => undefined,
    subscribeWaits: () => () => undefined,
    stop: async () => undefined,
  };
}
