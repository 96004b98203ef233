/**
 * Playwright fixtures: `hall()` starts `hallcast serve` on a free port over a copy of a playlist
 * folder (optionally previewing another time with --at, with a console password, on a small disk)
 * and stops it after the test. Page errors and console errors go to the test log; each test can save
 * screenshots with `shot()`.
 */
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test as base, expect, type Page } from '@playwright/test';
import type { DisplayState, QueueBoardState } from '../electron/contract/messages.js';
import { ROOT, startServeProcess, type ServeProcess } from './serve-process.js';
import { mountSmallDisk, unmountSmallDisk } from './small-disk.js';

export { ROOT };

export interface HallOptions {
  /** Playlist folder to copy (default: e2e/hall). */
  playlists?: string;
  /** Media folder (default: the repository's assets/); `copyAssets` copies it first. */
  assets?: string;
  copyAssets?: boolean;
  /** --at: preview time for the schedule. */
  at?: string;
  /** Changes the copied playlist folder (and, with copyAssets, the media) before the player starts. */
  edit?: (playlists: string, assets: string) => void;
  /** The console's password (HALLCAST_ADMIN_PASSWORD); without one the console answers 503. */
  adminPassword?: string;
  /** More environment for the player, e.g. HALLCAST_ADMIN_SESSION_IDLE_SECONDS. */
  env?: Record<string, string>;
  /** More `hallcast serve` flags, e.g. ['--admin-max-upload-mb', '64']. */
  serveArgs?: string[];
  /** Puts the copied playlist folder on a tmpfs of this many bytes (needs root: small-disk.ts). */
  playlistsDiskBytes?: number;
  /** Puts the state folder (logs, saved copy, history, speech) on a tmpfs of this many bytes (needs root). */
  stateDiskBytes?: number;
}

export interface Hall {
  url: string;
  dir: string;
  playlists: string;
  assets: string;
  state: string;
  api<T = unknown>(route: string): Promise<T>;
  /** POSTs JSON to a route; resolves with the status and the parsed body. */
  post<T = unknown>(route: string, body: unknown): Promise<{ status: number; body: T }>;
  /** Lines written to the proof-of-play log so far. */
  proofOfPlay(): Record<string, unknown>[];
  /** Lines written to the announcement log so far. */
  announcementLog(): Record<string, unknown>[];
  /** The player's exit code, or null while it runs. */
  exitCode(): number | null;
  /** Stops the player and starts it again on the same port and folders; open pages reconnect. */
  restart(): Promise<void>;
  /** What the player wrote to stderr so far (its warnings: one JSON line each, and any library's noise). */
  stderr(): string;
}

export interface NowPlaying {
  programme: string | null;
  item: string | null;
  position: number | null;
  element: string;
}

export const test = base.extend<{ hall: (options?: HallOptions) => Promise<Hall>; shot: (name: string, of?: Page) => Promise<string> }>({
  hall: async ({ page }, use) => {
    const started: { server: ServeProcess | null; dir: string; mounted: string[] }[] = [];
    page.on('pageerror', (error) => console.log(`[page error] ${error.message}`));
    page.on('console', (message) => message.type() === 'error' && console.log(`[console error] ${message.text()}`));
    await use(async (options = {}) => {
      const dir = mkdtempSync(path.join(tmpdir(), 'hallcast-e2e-'));
      const playlists = path.join(dir, 'playlists');
      const run = { server: null as ServeProcess | null, dir, mounted: [] as string[] };
      started.push(run);
      if (options.playlistsDiskBytes) {
        mkdirSync(playlists);
        const refused = mountSmallDisk(playlists, options.playlistsDiskBytes);
        if (refused) throw new Error(`cannot put the playlists on a ${options.playlistsDiskBytes}-byte disk: ${refused}`);
        run.mounted.push(playlists);
      }
      const state = path.join(dir, 'state');
      if (options.stateDiskBytes) {
        mkdirSync(state);
        const refused = mountSmallDisk(state, options.stateDiskBytes);
        if (refused) throw new Error(`cannot put the state folder on a ${options.stateDiskBytes}-byte disk: ${refused}`);
        run.mounted.push(state);
      }
      cpSync(options.playlists ?? path.join(ROOT, 'e2e', 'hall'), playlists, { recursive: true });
      let assets = options.assets ?? path.join(ROOT, 'assets');
      if (options.copyAssets) {
        cpSync(assets, path.join(dir, 'assets'), { recursive: true });
        assets = path.join(dir, 'assets');
      }
      options.edit?.(playlists, assets);
      const args = ['--playlists', playlists, '--assets', assets, '--state', state, ...(options.at ? ['--at', options.at] : []), ...(options.serveArgs ?? [])];
      const env = { ...options.env, ...(options.adminPassword ? { HALLCAST_ADMIN_PASSWORD: options.adminPassword } : {}) };
      let stderr = '';
      const onStderr = (text: string): void => {
        stderr += text;
        process.stdout.write(`[hallcast] ${text}`);
      };
      const server = await startServeProcess(args, onStderr, env);
      run.server = server;
      const { url } = server;
      return {
        url,
        dir,
        playlists,
        assets,
        state,
        api: async <T>(route: string) => (await (await fetch(new URL(route, url))).json()) as T,
        post: async <T>(route: string, body: unknown) => {
          const response = await fetch(new URL(route, url), { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
          return { status: response.status, body: (await response.json()) as T };
        },
        proofOfPlay: () => jsonLines(path.join(state, 'proof-of-play')),
        announcementLog: () => jsonLines(path.join(state, 'announcements')),
        exitCode: () => run.server?.child.exitCode ?? null,
        async restart() {
          await run.server?.stop();
          run.server = await startServeProcess([...args, '--port', new URL(url).port], onStderr, env);
        },
        stderr: () => stderr,
      };
    });
    // Close the page first, so its WebSocket does not log the server going away as an error.
    await page.close();
    for (const { server, dir, mounted } of started) {
      await server?.stop();
      for (const folder of mounted) unmountSmallDisk(folder);
      rmSync(dir, { recursive: true, force: true });
    }
  },
  shot: async ({ page }, use, testInfo) => {
    // `of`: another page of the test (a second tab or browser context); default the test's page.
    await use(async (name, of = page) => {
      const file = testInfo.outputPath(`${name}.png`);
      await of.screenshot({ path: file });
      await testInfo.attach(name, { path: file, contentType: 'image/png' });
      return file;
    });
  },
});

export { expect };

/** Every line of the daily JSONL files in `folder`, oldest file first; [] before the first. */
function jsonLines(folder: string): Record<string, unknown>[] {
  let lines: string[] = [];
  try {
    for (const file of readdirSync(folder).sort()) lines = lines.concat(readFileSync(path.join(folder, file), 'utf8').trim().split('\n'));
  } catch {
    return [];
  }
  return lines.filter(Boolean).map((l) => JSON.parse(l) as Record<string, unknown>);
}

export async function nowPlaying(page: Page): Promise<NowPlaying> {
  return page.evaluate(() => (globalThis as unknown as { __hallcast: { nowPlaying(): NowPlaying } }).__hallcast.nowPlaying());
}

export async function displayState(page: Page): Promise<DisplayState | null> {
  return page.evaluate(() => (globalThis as unknown as { __hallcast: { state(): DisplayState | null } }).__hallcast.state());
}

export interface QueueHooks {
  board: QueueBoardState | null;
  painted: Record<string, number>;
}

export async function queueHooks(page: Page): Promise<QueueHooks> {
  return page.evaluate(() => (globalThis as unknown as { __hallcast: { queue(): QueueHooks } }).__hallcast.queue());
}

/** Opens the hall's page, calls A023 to counter 5 once the board is live, and waits until the queue zone has painted it. */
export async function boardShowsCall(page: Page, h: Hall): Promise<void> {
  page.on('console', (m) => m.text().startsWith('hallcast:') && console.log(`[page ${m.type()}] ${m.text()}`));
  await page.goto(h.url);
  await expect.poll(async () => (await queueHooks(page)).board?.feed.kind ?? null, { timeout: 20_000 }).toBe('push');
  const call = await h.post<{ call: { key: string } }>('/api/queue/call', { ticket: 'A023', counter: 5 });
  expect(call.status).toBe(200);
  await expect.poll(async () => (await queueHooks(page)).painted[call.body.call.key] ?? null, { timeout: 40_000 }).not.toBeNull();
}

/** Waits until the page reports a programme playing, and returns it. */
export async function waitForProgramme(page: Page, programme: string, timeout = 20_000): Promise<NowPlaying> {
  await expect.poll(async () => (await nowPlaying(page).catch(() => null))?.programme ?? null, { timeout }).toBe(programme);
  return nowPlaying(page);
}
