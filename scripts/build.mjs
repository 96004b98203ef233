// Bundles the CLI and core (Node), the Electron main and preload, and the renderer, with esbuild.
//   node scripts/build.mjs                 production (npm run build, npm install's prepare)
//   node scripts/build.mjs --test-hooks    the test build: the display gets window.__hallcast, which
//                                          the e2e specs and benches read (Playwright's global setup
//                                          and npm run bench run this; HALLCAST_TEST_HOOKS=1 does the same)
//   node scripts/build.mjs --dev           the test build plus the fake-host page (bench/display-dev)
import { copyFile, mkdir, rm, writeFile } from 'node:fs/promises';
import { build } from 'esbuild';
import { displayBundle, TEST_BUILD_MARKER } from './display-bundle.mjs';

const dev = process.argv.includes('--dev');
const testHooks = dev || process.argv.includes('--test-hooks') || process.env.HALLCAST_TEST_HOOKS === '1';

const common = { bundle: true, sourcemap: true, logLevel: 'warning', legalComments: 'none' };

// Node ES modules, everything in one file (the HTTP stack too: loading fastify's many modules cost
// ~300 ms at start), with `require` for the CommonJS packages inside.
const nodeEsm = {
  ...common,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  // espeak-ng's WebAssembly build reads its voice data beside its own file: it stays in node_modules.
  external: ['electron', '@echogarden/espeak-ng-emscripten'],
  mainFields: ['module', 'main'],
  minifyWhitespace: true,
  minifySyntax: true,
  banner: { js: "import { createRequire as __hallcastRequire } from 'node:module'; const require = __hallcastRequire(import.meta.url);" },
};

// The test build's CLI can be made to hang (SIGUSR2: the watchdog test); production cannot.
await build({ ...nodeEsm, define: { HALLCAST_TEST_HOOKS: testHooks ? 'true' : 'false' }, entryPoints: { cli: 'electron/cli/bin.ts' }, outdir: 'dist' });
// The speech thread is loaded by file name, beside whichever bundle starts it.
for (const dir of ['dist', 'dist/electron']) {
  await mkdir(dir, { recursive: true });
  await copyFile('electron/host/services/speech/espeak-worker.mjs', `${dir}/espeak-worker.mjs`);
}

// The Electron shell. Main: an ES module like the CLI (run as `electron dist/electron/main.js`).
// Preload: one CommonJS file, because a sandboxed preload can require nothing but 'electron'.
await build({ ...nodeEsm, entryPoints: { main: 'electron/shell/main.ts' }, outdir: 'dist/electron' });
await build({
  ...common,
  entryPoints: { preload: 'electron/shell/preload.ts' },
  outdir: 'dist/electron',
  outExtension: { '.js': '.cjs' },
  platform: 'node',
  format: 'cjs',
  target: 'chrome134',
  external: ['electron'],
});

// The display: an ES module with its lazily loaded chunks (pixi is one: Engine.stage), its page and
// stylesheet, served as-is by Electron or the host (scripts/display-bundle.mjs).
await rm('dist/renderer', { recursive: true, force: true });
await build(displayBundle({ outdir: 'dist/renderer', testHooks }));
for (const file of ['index.html', 'style.css']) await copyFile(`renderer/display/${file}`, `dist/renderer/${file}`);
if (testHooks) await writeFile(TEST_BUILD_MARKER, 'dist/ holds the test build (the display has its test hooks): npm run build makes the production one\n');
else await rm(TEST_BUILD_MARKER, { force: true });

// The floor managers' console, served at /admin/ (renderer/console/README.md): its page, script (with
// its chunks) and one stylesheet bundled from renderer/console/styles/.
await rm('dist/admin', { recursive: true, force: true });
const browser = { ...common, platform: 'browser', format: 'esm', target: 'es2022', minify: true };
await build({ ...browser, splitting: true, entryPoints: { app: 'renderer/console/main.ts' }, outdir: 'dist/admin', chunkNames: 'chunks/[name]-[hash]' });
await build({ ...common, minify: true, entryPoints: { app: 'renderer/console/styles/app.css' }, outdir: 'dist/admin' });
await copyFile('renderer/console/index.html', 'dist/admin/index.html');

// `--dev`: a page with a fake host bridge, to try the display without the host (bench/display-dev/README.md).
if (dev) {
  await build({ ...browser, format: 'iife', entryPoints: { 'fake-bridge': 'bench/display-dev/fake-bridge.ts' }, outdir: 'dist/renderer-dev' });
  await copyFile('bench/display-dev/index.html', 'dist/renderer-dev/index.html');
}
