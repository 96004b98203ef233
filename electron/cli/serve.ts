/**
 * `hallcast serve`: the host with its HTTP server; any Chromium shows the hall at http://HOST:PORT/.
 */
import { existsSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createServer } from '../host/channels/http/server.js';
import { createCommands } from '../host/commands/commands.js';
import { createHost, type Host } from '../host/host.js';
import { isLoopback } from '../host/channels/http/guard.js';
import { systemClock, type Clock } from '../host/ports.js';
import { StartupError, UsageError } from './cli-errors.js';
import { listenProblem } from './listen-problem.js';
import { previewStart } from './preview-start.js';
import type { Output } from './output.js';
import { packageRoot, packageVersion } from './package-root.js';
import type { ScreenCaptures } from '../host/services/screens/screen-captures.js';
import type { PlayerLog } from '../host/services/log/player-log.js';

export interface ServeOptions {
  port: number;
  /** --host: the address to listen on. */
  bindAddress: string;
  playlists?: string;
  assets?: string;
  state?: string;
  token?: string;
  /** Preview: run the schedule as if the time were this (no offset: the hall's time), the clock running on from there. */
  at?: string;
  /** The console's largest media upload, in MB (default 512). */
  adminMaxUploadMb?: string;
}

/**
 * HALLCAST_ADMIN_SESSION_IDLE_SECONDS: how long a console session may sit idle, for tests that
 * must see one expire without waiting the default 30 minutes. Unset or empty: the default.
 */
export function sessionIdleMsOf(value: string | undefined): number | undefined {
  if (value === undefined || value === '') return undefined;
  const seconds = Number(value);
  if (!Number.isInteger(seconds) || seconds < 1 || seconds > 43_200) {
    throw new UsageError(`HALLCAST_ADMIN_SESSION_IDLE_SECONDS=${value}: give whole seconds 1-43200, e.g. 5 (default: 30 minutes)`);
  }
  return seconds * 1000;
}

export interface Running {
  host: Host;
  url: string;
  close(): Promise<void>;
}

/** The saved configuration, logs and kiosk profile: `--state`, or ~/.local/state/hallcast. */
export function stateDirOf(options: Pick<ServeOptions, 'state'>): string {
  return path.resolve(options.state ?? path.join(os.homedir(), '.local', 'state', 'hallcast'));
}

/** Where a browser on this machine finds a player bound to `host`:`port`. */
export function playerUrl(host: string, port: number): string {
  const shown = host.includes(':') ? `[${host}]` : host;
  return `http://${shown === '0.0.0.0' || shown === '[::]' ? '127.0.0.1' : shown}:${port}/`;
}

/** What `serve` will run, checked before anything starts (the kiosk's browser included). */
export interface ServePlan {
  options: ServeOptions;
  playlistsDir: string;
  assetsDir: string;
  stateDir: string;
  rendererDir: string;
  token: string | null;
  sessionIdleMs: number | undefined;
  maxUploadMb: number;
  clock: Clock;
  /** For the log: where a preview starts, in the hall's time and zone. */
  preview: string | null;
}

/**
 * Checks the options against this machine: UsageError for a combination that cannot work (bound
 * beyond loopback without a token), StartupError for a folder that is not there.
 */
export function planServe(options: ServeOptions): ServePlan {
  const root = packageRoot();
  const playlistsDir = path.resolve(options.playlists ?? path.join(root, 'playlists'));
  const assetsDir = path.resolve(options.assets ?? path.join(playlistsDir, '..', 'assets'));
  const rendererDir = path.join(root, 'dist', 'renderer');
  if (!existsSync(path.join(rendererDir, 'index.html'))) throw new StartupError(`${rendererDir}/index.html is missing: run npm run build`);
  const token = options.token ?? (process.env.HALLCAST_TOKEN || null);
  if (!isLoopback(options.bindAddress) && !token) {
    throw new UsageError(`--host ${options.bindAddress} lets other machines in: give --token T (or set HALLCAST_TOKEN) too, or leave --host out to stay on 127.0.0.1`);
  }
  // The watcher of a missing folder throws once the player runs; say so now, in a line.
  if (!isFolder(playlistsDir)) throw new StartupError(`--playlists ${playlistsDir}: no such folder (give the folder that holds schedule.json)`);
  if (options.assets !== undefined && !isFolder(assetsDir)) throw new StartupError(`--assets ${assetsDir}: no such folder (give the folder that holds the media and voice packs)`);
  let clock: Clock = systemClock;
  let preview: string | null = null;
  if (options.at !== undefined) {
    const { at, shown } = previewStart(options.at, playlistsDir);
    const offset = at - Date.now();
    clock = { now: () => Date.now() + offset, monotonic: systemClock.monotonic };
    preview = shown;
  }
  return {
    options,
    playlistsDir,
    assetsDir,
    stateDir: stateDirOf(options),
    rendererDir,
    token,
    sessionIdleMs: sessionIdleMsOf(process.env.HALLCAST_ADMIN_SESSION_IDLE_SECONDS),
    maxUploadMb: Number(options.adminMaxUploadMb ?? '512'),
    clock,
    preview,
  };
}

function isFolder(dir: string): boolean {
  try {
    return statSync(dir).isDirectory();
  } catch {
    return false;
  }
}

/**
 * `log`: the player's log (player-log.ts), the host's and the access log's; `screens`: the
 * displays this player's shell captures (the kiosk's browser); absent: none.
 */
export async function startServe(plan: ServePlan, out: Output, log: PlayerLog, screens?: ScreenCaptures): Promise<Running> {
  const { options, playlistsDir, assetsDir, stateDir, rendererDir, token, sessionIdleMs, maxUploadMb, clock } = plan;
  const root = packageRoot();
  const host = createHost({ playlistsDir, assetsDir, stateDir, clock, log: log.log });
  const commands = await createCommands(host, {
    version: packageVersion(),
    assetsDir,
    now: clock.now,
    ...(screens ? { screens } : {}),
    console: { playlistsDir, stateDir, password: process.env.HALLCAST_ADMIN_PASSWORD || null, maxUploadBytes: Math.round(maxUploadMb * 1024 * 1024) },
  });
  const app = await createServer({
    commands,
    rendererDir,
    assetsDir,
    adminDir: path.join(root, 'dist', 'admin'),
    ...(sessionIdleMs ? { adminTuning: { sessionIdleMs } } : {}),
    bindAddress: options.bindAddress,
    port: options.port,
    token,
    now: clock.now,
    logger: log.logger,
  });
  try {
    await app.listen({ host: options.bindAddress, port: options.port });
  } catch (error) {
    // The host's speech thread and timers exist already; left running, the process never ends.
    host.stop();
    await app.close();
    throw listenProblem(error as NodeJS.ErrnoException, options) ?? error;
  }
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : options.port;
  const url = playerUrl(options.bindAddress, port);
  out.stdout(`hallcast: playing ${playlistsDir} at ${url} (API ${url}api/status; console ${url}admin/; state in ${stateDir})${plan.preview ? `; preview from ${plan.preview}` : ''}`);
  log.log.info('player started', { version: packageVersion(), url, playlists: playlistsDir, state: stateDir, ...(plan.preview ? { preview: plan.preview } : {}) });
  // Listening first lets a browser launched on this line start while the playlists load. start()
  // runs before any request is served (it is synchronous), so no display sees a half-loaded host.
  host.start();
  return {
    host,
    url,
    async close() {
      host.stop();
      await app.close();
      log.log.info('player stopped');
    },
  };
}
