/**
 * One run of the kiosk's Chromium, its life tied to the player's: it runs in its own process
 * group (renderers, GPU process and zygotes with it), which is ended when the player stops, exits,
 * or throws; and it is started through `setpriv --pdeathsig KILL`, so the kernel kills it even
 * when the player is killed outright (SIGKILL, the OOM killer) and no handler of ours runs.
 * Without that an orphan keeps the profile, and the next kiosk's launch is handed to it
 * (Chromium's single-instance handoff) instead of starting a browser of its own.
 *
 * Its page is watched over the DevTools pipe: a crashed tab is reported, and reloaded on demand.
 * Its stderr is handed on as it comes (the kiosk keeps it in a rotating file) and its last lines
 * are kept, so a browser that dies can say why.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import type { Readable, Writable } from 'node:stream';
import { devtoolsOverPipe } from './devtools-pipe.js';
import { capturePageJpeg } from './kiosk-capture.js';

export interface KioskBrowser {
  readonly pid: number | undefined;
  onExit(listener: (code: number | null, signal: NodeJS.Signals | null) => void): void;
  /** The page's renderer crashed or was killed (the tab now shows "Aw, Snap!"). */
  onPageCrashed(listener: (status: string) => void): void;
  /** The last lines the browser wrote to stderr (at most 20), oldest first. */
  lastLines(): string[];
  /** Navigates the page to `url` again, through the DevTools pipe. */
  reloadPage(url: string): Promise<void>;
  /** A JPEG of what the page composites now, at most `maxWidth` wide (null: as it is). */
  capturePage(request: { maxWidth: number | null }): Promise<Buffer>;
  /** Ends the browser and everything it started: SIGTERM to its group, SIGKILL 3 s later. */
  end(): void;
}

const SETPRIV = ['/usr/bin/setpriv', '/bin/setpriv'].find((p) => existsSync(p)) ?? null;
const KILL_AFTER_MS = 3_000;
const TAIL_LINES = 20;

/** Process groups of browsers still running: killed when this process exits, however it exits. */
const liveGroups = new Set<number>();
let exitHookInstalled = false;

function killGroup(pgid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pgid, signal);
  } catch {
    // ESRCH: the whole group is already gone.
  }
}

function installExitHook(): void {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  // 'exit' also runs after an uncaught exception or process.exit(): only synchronous work here.
  process.on('exit', () => {
    for (const pgid of liveGroups) killGroup(pgid, 'SIGKILL');
  });
}

/** Whether the player can have its browser killed by the kernel when it dies (util-linux setpriv). */
export const deathSignalAvailable = SETPRIV !== null;

export interface LaunchOptions {
  /** The browser's stderr as it comes (pieces of lines). */
  stderr?: (text: string) => void;
}

export function launchKioskBrowser(command: string, args: string[], options: LaunchOptions = {}): KioskBrowser {
  installExitHook();
  const argv = [...(SETPRIV ? ['--pdeathsig', 'KILL', command] : []), ...args];
  // detached: the browser leads a new process group, so one kill reaches every process it started.
  const child = spawn(SETPRIV ?? command, SETPRIV ? argv : args, { detached: true, stdio: ['ignore', 'ignore', 'pipe', 'pipe', 'pipe'] });
  const pgid = child.pid;
  if (pgid !== undefined) liveGroups.add(pgid);
  const tail = lineTail(TAIL_LINES);
  child.stderr?.setEncoding('utf8');
  child.stderr?.on('data', (text: string) => {
    tail.push(text);
    options.stderr?.(text);
  });
  const devtools = devtoolsOverPipe(child.stdio[3] as Writable, child.stdio[4] as Readable);
  const pages: string[] = [];
  const crashListeners: ((status: string) => void)[] = [];
  const exitListeners: ((code: number | null, signal: NodeJS.Signals | null) => void)[] = [];
  let exited = false;
  let killTimer: NodeJS.Timeout | null = null;

  const exit = (code: number | null, signal: NodeJS.Signals | null): void => {
    if (exited) return;
    exited = true;
    if (killTimer) clearTimeout(killTimer);
    // The browser is gone; what it started (zygotes, a GPU process) must not outlive it.
    if (pgid !== undefined) {
      killGroup(pgid, 'SIGKILL');
      liveGroups.delete(pgid);
    }
    devtools.close();
    for (const listener of exitListeners) listener(code, signal);
  };
  child.on('exit', exit);
  child.on('error', () => exit(null, null));

  devtools.onEvent(({ method, params }) => {
    const info = params.targetInfo as { targetId?: string; type?: string } | undefined;
    if ((method === 'Target.targetCreated' || method === 'Target.targetInfoChanged') && info?.type === 'page' && info.targetId && !pages.includes(info.targetId)) {
      pages.push(info.targetId);
    } else if (method === 'Target.targetDestroyed') {
      const i = pages.indexOf(String(params.targetId));
      if (i !== -1) pages.splice(i, 1);
    } else if (method === 'Target.targetCrashed' && pages.includes(String(params.targetId))) {
      for (const listener of crashListeners) listener(String(params.status ?? 'crashed'));
    }
  });
  // Target events for every page, crashes included, without attaching to any.
  devtools.send('Target.setDiscoverTargets', { discover: true }).catch(() => undefined);

  return {
    pid: child.pid,
    onExit: (listener) => void exitListeners.push(listener),
    onPageCrashed: (listener) => void crashListeners.push(listener),
    lastLines: () => tail.lines(),
    async reloadPage(url) {
      const page = pages[0];
      if (!page) throw new Error('the browser has no page to reload');
      const { sessionId } = (await devtools.send('Target.attachToTarget', { targetId: page, flatten: true })) as { sessionId: string };
      try {
        // Navigating (rather than Page.reload) also leaves an error page or a stuck boot page.
        await devtools.send('Page.navigate', { url }, sessionId);
      } finally {
        await devtools.send('Target.detachFromTarget', { sessionId }).catch(() => undefined);
      }
    },
    capturePage(request) {
      const page = pages[0];
      if (!page) return Promise.reject(new Error('the browser has no page yet'));
      return capturePageJpeg(devtools, page, request);
    },
    end() {
      if (exited || pgid === undefined) return;
      killGroup(pgid, 'SIGTERM');
      killTimer ??= setTimeout(() => killGroup(pgid, 'SIGKILL'), KILL_AFTER_MS);
    },
  };
}

/** The last `max` whole lines of a stream that arrives in pieces (an unfinished last line counts too). */
export function lineTail(max: number): { push(text: string): void; lines(): string[] } {
  let lines: string[] = [];
  let partial = '';
  return {
    push(text) {
      const pieces = (partial + text).split('\n');
      partial = pieces.pop()!.slice(-4_096);
      lines = [...lines, ...pieces.map((l) => l.slice(0, 4_096))].slice(-max);
    },
    lines: () => [...lines, ...(partial ? [partial] : [])].slice(-max),
  };
}
