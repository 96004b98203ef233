// Bundles the CLI and core (Node), the Electron main and preload, and the renderer, with esbuild.
import { copyFile, mkdir, rm } from 'node:fs/promises';
import { build } from 'esbuild';

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

await build({ ...nodeEsm, entryPoints: { cli: 'electron/cli/bin.ts' }, outdir: 'dist' });
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
// stylesheet, served as-is by Electron or the host. Minified: parsing 1.8 MB of pixi.js unminified
// cost ~200 ms of the cold start.
const browser = { ...common, platform: 'browser', format: 'esm', target: 'es2022', minify: true };
await rm('dist/renderer', { recursive: true, force: true });
await build({ ...browser, splitting: true, entryPoints: { app: 'renderer/display/main.ts' }, outdir: 'dist/renderer', chunkNames: 'chunks/[name]-[hash]' });
for (const file of ['index.html', 'style.css']) await copyFile(`renderer/display/${file}`, `dist/renderer/${file}`);

// The floor managers' console, served at /admin/ (renderer/console/README.md): its page, script (with
// its chunks) and one stylesheet bundled from renderer/console/styles/.
await rm('dist/admin', { recursive: true, force: true });
await build({ ...browser, splitting: true, entryPoints: { app: 'renderer/console/main.ts' }, outdir: 'dist/admin', chunkNames: 'chunks/[name]-[hash]' });
await build({ ...common, minify: true, entryPoints: { app: 'renderer/console/styles/app.css' }, outdir: 'dist/admin' });
await copyFile('renderer/console/index.html', 'dist/admin/index.html');

// `--dev`: a page with a fake host bridge, to try the display without the host (bench/display-dev/README.md).
if (process.argv.includes('--dev')) {
  await build({ ...browser, format: 'iife', entryPoints: { 'fake-bridge': 'bench/display-dev/fake-bridge.ts' }, outdir: 'dist/renderer-dev' });
  await copyFile('bench/display-dev/index.html', 'dist/renderer-dev/index.html');
}
