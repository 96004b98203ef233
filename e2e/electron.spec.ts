/**
 * The Electron shell end to end: the bundled main (dist/electron/main.js) in a real Electron, its
 * window on hallcast://app/ showing the hall. Electron's binary is downloaded at install time,
 * which some machines block; there the whole file is skipped with the reason, not failed.
 */
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { _electron, test as base, expect, type ElectronApplication, type Page } from '@playwright/test';
import type { DisplayState } from '../electron/contract/messages.js';

const ROOT = path.resolve(import.meta.dirname, '..');
const MAIN = path.join(ROOT, 'dist', 'electron', 'main.js');
const NO_BINARY =
  'no Electron binary on this machine (download blocked); set ELECTRON_OVERRIDE_DIST_PATH to a local Electron distribution';

/** The Electron executable, found the way the electron package finds it, or null. */
function electronBinary(): string | null {
  const pkg = path.join(ROOT, 'node_modules', 'electron');
  const pathTxt = path.join(pkg, 'path.txt');
  const name = existsSync(pathTxt) ? readFileSync(pathTxt, 'utf8').trim() : 'electron';
  const override = process.env.ELECTRON_OVERRIDE_DIST_PATH;
  const candidate = override ? path.join(override, name) : existsSync(pathTxt) ? path.join(pkg, 'dist', name) : null;
  return candidate && existsSync(candidate) ? candidate : null;
}

interface Player {
  app: ElectronApplication;
  window: Page;
}

/** Page globals this spec reads (the node tsconfig has no DOM types). */
type PageGlobals = {
  __hallcast?: { state(): DisplayState | null };
  hallcast?: Record<string, unknown>;
  open(url: string): unknown;
};
const page = (): PageGlobals => globalThis as unknown as PageGlobals;

const binary = electronBinary();

// One player per worker: starting Electron takes seconds and the tests only look at it.
const test = base.extend<object, { player: Player }>({
  player: [
    // Playwright reads the fixtures a fixture needs from this destructuring: it must be there, empty.
    // eslint-disable-next-line no-empty-pattern
    async ({}, use) => {
      expect(existsSync(MAIN), `${MAIN} is missing: run npm run build`).toBe(true);
      const dir = mkdtempSync(path.join(tmpdir(), 'hallcast-electron-'));
      cpSync(path.join(ROOT, 'e2e', 'hall'), path.join(dir, 'playlists'), { recursive: true });
      const app = await _electron.launch({
        executablePath: binary!,
        // Chromium refuses to run as root with its sandbox on (containers, CI).
        args: [MAIN, ...(process.getuid?.() === 0 ? ['--no-sandbox'] : [])],
        env: {
          ...process.env,
          // Own user-data folder: the single-instance lock must not meet a player already running here.
          XDG_CONFIG_HOME: path.join(dir, 'config'),
          HALLCAST_PORT: '0',
          HALLCAST_PLAYLISTS: path.join(dir, 'playlists'),
          HALLCAST_ASSETS: path.join(ROOT, 'assets'),
          HALLCAST_STATE: path.join(dir, 'state'),
        },
      });
      app.process().stdout?.on('data', (chunk: Buffer) => process.stdout.write(`[electron] ${chunk}`));
      app.process().stderr?.on('data', (chunk: Buffer) => process.stdout.write(`[electron] ${chunk}`));
      const window = await app.firstWindow();
      window.on('pageerror', (error) => console.log(`[page error] ${error.message}`));
      window.on('console', (message) => message.type() === 'error' && console.log(`[console error] ${message.text()}`));
      await use({ app, window });
      await app.close();
      rmSync(dir, { recursive: true, force: true });
    },
    { scope: 'worker' },
  ],
});

test.describe('the Electron shell', () => {
  test.skip(binary === null, NO_BINARY);

  test.afterEach(async ({ player }, testInfo) => {
    if (testInfo.status !== testInfo.expectedStatus) {
      const file = testInfo.outputPath('failure.png');
      await player.window.screenshot({ path: file });
      await testInfo.attach('failure', { path: file, contentType: 'image/png' });
    }
  });

  test('shows the hall from hallcast://app/', async ({ player: { window } }) => {
    expect(window.url()).toBe('hallcast://app/');
    await expect(window).toHaveTitle('hallcast');
    await expect.poll(() => window.evaluate(() => page().__hallcast?.state() ?? null), { timeout: 20_000 }).not.toBeNull();
    const state = await window.evaluate(() => page().__hallcast!.state()!);
    expect(state.layout.zones.length).toBeGreaterThan(0);
    await expect(window.locator('canvas').first()).toBeVisible();
  });

  test('exposes only the bridge\'s named functions, and no Node', async ({ player: { window } }) => {
    const seen = await window.evaluate(() => {
      const bridge = page().hallcast ?? {};
      const scope = globalThis as Record<string, unknown>;
      return {
        keys: Object.getOwnPropertyNames(bridge).sort(),
        types: Object.values(bridge).map((v) => typeof v),
        require: typeof scope.require,
        process: typeof scope.process,
        ipcRenderer: 'ipcRenderer' in scope,
      };
    });
    expect(seen).toStrictEqual({
      // The same list electron/shell/preload.test.ts checks against the preload's source.
      keys: ['audio', 'fault', 'heartbeat', 'hello', 'onAnnounce', 'onQueue', 'onState', 'report', 'reportAnnouncement'],
      types: Array(9).fill('function'),
      require: 'undefined',
      process: 'undefined',
      ipcRenderer: false,
    });
  });

  test('stays on its own origin and opens no other window', async ({ player: { app, window } }) => {
    expect(await window.evaluate(() => page().open('https://example.com/') === null)).toBe(true);
    await window.evaluate(() => ((globalThis as unknown as { location: { href: string } }).location.href = 'https://example.com/')).catch(() => undefined);
    await window.waitForTimeout(1_000);
    expect(window.url()).toBe('hallcast://app/');
    expect(app.windows()).toHaveLength(1);
    expect(await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().length)).toBe(1);
  });
});

if (binary === null) console.log(`e2e/electron.spec.ts: skipped: ${NO_BINARY}`);
