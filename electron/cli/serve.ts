/**
 * `hallcast serve`: the host with its HTTP server; any Chromium shows the hall at http://HOST:PORT/.
 */
import { existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createServer } from '../core/api/server.js';
import { createHost, type Host } from '../core/host/host.js';
import { systemClock } from '../core/scheduler/ports.js';
import type { Output } from './output.js';
import { packageRoot, packageVersion } from './package-root.js';

export interface ServeOptions {
  port: number;
  host: string;
  playlists?: string;
  assets?: string;
  state?: string;
  token?: string;
  /** Preview: run the schedule as if the time were this (ISO 8601), the clock running on from there. */
  at?: string;
  /** The console's largest media upload, in MB (default 512). */
  adminMaxUploadMb?: string;
}

export const SERVE_FLAGS = {
  port: { type: 'string', default: '8080' },
  host: { type: 'string', default: '127.0.0.1' },
  playlists: { type: 'string' },
  assets: { type: 'string' },
  state: { type: 'string' },
  token: { type: 'string' },
  at: { type: 'string' },
  'admin-max-upload-mb': { type: 'string' },
} as const;

/**
 * HALLCAST_ADMIN_SESSION_IDLE_SECONDS: how long a console session may sit idle, for tests that
 * must see one expire without waiting the default 30 minutes. Unset or empty: the default.
 */
export function sessionIdleMsOf(value: string | undefined): number | undefined {
  if (value === undefined || value === '') return undefined;
  const seconds = Number(value);
  if (!Number.isInteger(seconds) || seconds < 1 || seconds > 43_200) {
    throw new Error(`HALLCAST_ADMIN_SESSION_IDLE_SECONDS=${value}: give whole seconds 1-43200, e.g. 5 (default: 30 minutes)`);
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

export async function startServe(options: ServeOptions, out: Output): Promise<Running> {
  const root = packageRoot();
  const playlistsDir = path.resolve(options.playlists ?? path.join(root, 'playlists'));
  const assetsDir = path.resolve(options.assets ?? path.join(playlistsDir, '..', 'assets'));
  const stateDir = stateDirOf(options);
  const rendererDir = path.join(root, 'dist', 'renderer');
  if (!existsSync(path.join(rendererDir, 'index.html'))) throw new Error(`${rendererDir}/index.html is missing: run npm run build`);
  if (!Number.isInteger(options.port) || options.port < 0 || options.port > 65_535) throw new Error(`--port ${options.port}: give a port number 0-65535`);
  const token = options.token ?? process.env.HALLCAST_TOKEN ?? null;
  const sessionIdleMs = sessionIdleMsOf(process.env.HALLCAST_ADMIN_SESSION_IDLE_SECONDS);
  const maxUploadMb = Number(options.adminMaxUploadMb ?? '512');
  if (!(maxUploadMb > 0 && maxUploadMb <= 65_536)) throw new Error(`--admin-max-upload-mb ${options.adminMaxUploadMb}: give a size in MB, e.g. 2048`);

  let clock = systemClock;
  if (options.at !== undefined) {
    const start = Date.parse(options.at);
    if (Number.isNaN(start)) throw new Error(`--at "${options.at}": give a time such as 2026-12-01T10:17:00+08:00`);
    const offset = start - Date.now();
    clock = { now: () => Date.now() + offset, monotonic: systemClock.monotonic };
  }
  const host = createHost({ playlistsDir, assetsDir, stateDir, clock });
  const app = await createServer({
    host,
    rendererDir,
    assetsDir,
    playlistsDir,
    stateDir,
    adminDir: path.join(root, 'dist', 'admin'),
    adminPassword: process.env.HALLCAST_ADMIN_PASSWORD ?? null,
    adminMaxUploadBytes: Math.round(maxUploadMb * 1024 * 1024),
    ...(sessionIdleMs ? { adminTuning: { sessionIdleMs } } : {}),
    bindHost: options.host,
    port: options.port,
    token,
    version: packageVersion(),
    now: clock.now,
  });
  await app.listen({ host: options.host, port: options.port });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : options.port;
  const url = playerUrl(options.host, port);
  out.stdout(`hallcast: playing ${playlistsDir} at ${url} (API ${url}api/status; console ${url}admin/; state in ${stateDir})${options.at ? `; preview from ${options.at}` : ''}`);
  // Listening first lets a browser launched on this line start while the playlists load. start()
  // runs before any request is served (it is synchronous), so no display sees a half-loaded host.
  host.start();
  return {
    host,
    url,
    async close() {
      host.stop();
      await app.close();
    },
  };
}
