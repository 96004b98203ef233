// DEV ONLY: launches Debian Chromium the way the kiosk does (flags from shared/LAB-NOTES.md).
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { chromium } from 'playwright-core';

export const FLAGS = [
  '--autoplay-policy=no-user-gesture-required',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
  '--enable-unsafe-swiftshader',
  '--disable-features=Translate',
];

/** A fresh profile each time; `autoplay: false` drops the autoplay flag to exercise the fallback. */
export async function launch({ width = 1920, height = 1080, autoplay = true } = {}) {
  const dir = await mkdtemp(join(tmpdir(), 'hallcast-dev-'));
  const context = await chromium.launchPersistentContext(dir, {
    executablePath: '/usr/bin/chromium',
    headless: true,
    viewport: { width, height },
    args: autoplay ? FLAGS : FLAGS.filter((f) => !f.startsWith('--autoplay-policy')),
  });
  const page = context.pages()[0] ?? (await context.newPage());
  const log = [];
  page.on('console', (m) => log.push(`[${m.type()}] ${m.text()}`));
  page.on('pageerror', (e) => log.push(`[pageerror] ${e.message}`));
  return { context, page, log };
}

/**
 * A dev page of bench/display-dev served by serve-fake.mjs on `port`, its script built in memory
 * (dist/ belongs to scripts/build.mjs) and routed at /NAME/NAME-dev.js, its page at /NAME/.
 */
export async function devPage(name, port, viewport) {
  const root = resolve(fileURLToPath(import.meta.url), '../../..');
  const bundle = await build({ entryPoints: [resolve(root, `bench/display-dev/${name}-dev.ts`)], bundle: true, format: 'esm', target: 'es2022', write: false, logLevel: 'warning' });
  const server = spawn(process.execPath, [resolve(root, 'bench/display-dev/serve-fake.mjs'), String(port)], { stdio: ['ignore', 'pipe', 'inherit'] });
  await new Promise((ok) => server.stdout.once('data', ok));
  const launched = await launch(viewport);
  const { page } = launched;
  await page.route((url) => url.pathname === `/${name}/`, (r) =>
    r.fulfill({ contentType: 'text/html', body: `<!doctype html><meta charset="utf-8"><title>${name} probe</title><body style="margin:0"><script type="module" src="/${name}/${name}-dev.js"></script>` }),
  );
  await page.route((url) => url.pathname === `/${name}/${name}-dev.js`, (r) => r.fulfill({ contentType: 'text/javascript', body: bundle.outputFiles[0].text }));
  return { ...launched, base: `http://127.0.0.1:${port}`, stop: () => server.kill() };
}

/** Runs a probe: a failure prints the error and the page's console and sets the exit code; the browser is closed either way. */
export async function probe({ context, log, stop }, body) {
  try {
    await body();
  } catch (err) {
    console.error(String(err));
    console.error(log.join('\n'));
    process.exitCode = 1;
  } finally {
    await context.close();
    stop?.();
  }
}
