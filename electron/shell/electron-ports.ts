/**
 * The part of Electron the shell uses, as small interfaces. main.ts passes the real `electron`
 * module (the compiler checks it fits); the unit tests pass a fake. Listener parameters the shell
 * does not read are typed `unknown`.
 */
/* eslint-disable @typescript-eslint/unified-signatures -- one overload per event, as Electron declares
   them: a union of event names would let a misspelt one slip past the check against the real module. */
import type { BrowserWindowConstructorOptions, CustomScheme } from 'electron';

export interface PreventableEvent {
  preventDefault(): void;
}

/** A frame as Electron's WebFrameMain describes it. */
export interface ShellFrame {
  readonly url: string;
  readonly processId: number;
  readonly routingId: number;
}

export interface ShellIpcEvent {
  readonly sender: { readonly id: number };
  /** null when the frame has navigated away or been destroyed since it sent the message. */
  readonly senderFrame: ShellFrame | null;
}

export interface ShellSession {
  setPermissionRequestHandler(handler: (webContents: unknown, permission: string, callback: (granted: boolean) => void) => void): void;
  setPermissionCheckHandler(handler: (webContents: unknown, permission: string) => boolean): void;
}

/** A picture as Electron's NativeImage holds it. */
export interface ShellImage {
  getSize(): { width: number; height: number };
  resize(options: { width: number }): ShellImage;
  toJPEG(quality: number): Buffer;
}

export interface ShellWebContents {
  readonly id: number;
  readonly mainFrame: ShellFrame;
  readonly session: ShellSession;
  send(channel: string, ...args: unknown[]): void;
  reload(): void;
  forcefullyCrashRenderer(): void;
  insertCSS(css: string): Promise<string>;
  /** What the window composites now (the visible page, video included). */
  capturePage(): Promise<ShellImage>;
  isDestroyed(): boolean;
  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' }): void;
  on(event: 'did-finish-load', listener: () => void): this;
  on(event: 'did-start-loading', listener: () => void): this;
  on(event: 'did-fail-load', listener: (event: unknown, errorCode: number, errorDescription: string, validatedURL: string, isMainFrame: boolean) => void): this;
  on(event: 'render-process-gone', listener: (event: unknown, details: { reason: string; exitCode: number }) => void): this;
  on(event: 'unresponsive', listener: () => void): this;
  on(event: 'will-navigate', listener: (event: PreventableEvent, url: string) => void): this;
  on(event: 'will-redirect', listener: (event: PreventableEvent, url: string) => void): this;
  on(event: 'will-attach-webview', listener: (event: PreventableEvent) => void): this;
}

export interface ShellWindow {
  readonly webContents: ShellWebContents;
  loadURL(url: string): Promise<void>;
  show(): void;
  focus(): void;
  restore(): void;
  isMinimized(): boolean;
  isVisible(): boolean;
  isDestroyed(): boolean;
  once(event: 'ready-to-show', listener: () => void): this;
  on(event: 'closed', listener: () => void): this;
}

export interface ShellApp {
  /** True in an app built by electron-builder (electron-builder.yml), false under `electron main.js`. */
  readonly isPackaged: boolean;
  readonly commandLine: { appendSwitch(name: string, value?: string): void };
  requestSingleInstanceLock(): boolean;
  quit(): void;
  /** Start the app again once this instance exits (the picture watchdog's last rung). */
  relaunch(): void;
  /** Exit at once with `code`, without the close events quit() goes through. */
  exit(code: number): void;
  whenReady(): Promise<void>;
  getPath(name: 'appData' | 'userData'): string;
  setPath(name: 'userData', path: string): void;
  enableSandbox(): void;
  on(event: 'second-instance', listener: () => void): this;
  on(event: 'window-all-closed', listener: () => void): this;
  on(event: 'will-quit', listener: (event: PreventableEvent) => void): this;
}

export interface ShellElectron {
  app: ShellApp;
  BrowserWindow: new (options: BrowserWindowConstructorOptions) => ShellWindow;
  ipcMain: { on(channel: string, listener: (event: ShellIpcEvent, ...args: unknown[]) => void): unknown };
  protocol: {
    registerSchemesAsPrivileged(schemes: CustomScheme[]): void;
    handle(scheme: string, handler: (request: Request) => Promise<Response>): void;
  };
  powerSaveBlocker: { start(type: 'prevent-display-sleep'): number; stop(id: number): unknown };
  Menu: { setApplicationMenu(menu: null): void };
}
