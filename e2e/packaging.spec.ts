/**
 * The Electron package's LAYOUT, not that Electron runs (issue 15, item 2). No Electron binary can
 * be downloaded on our build machines, so `npm run dist` packs the `dir` target against an Electron
 * stand-in (scripts/electron-stand-in.mjs: the file names of a Linux x64 distribution, and an
 * `electron` that only says it is a stand-in). This test runs `npm run dist` on a copy of the
 * checkout, opens the produced app.asar with @electron/asar and checks that the shell's entry, its
 * preload, the display and console bundles, the speech worker and espeak-ng's data (unpacked, as
 * real files), the voice packs, the sample hall and its schemas are where the packed shell looks,
 * and that every relative import of the main bundle resolves inside the archive. Whether the packed
 * app starts is for a machine with a real Electron (.github/workflows/release.yml builds there).
 *
 * The copy keeps `npm run dist`'s production build from overwriting the test build the other specs
 * run against.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { Worker } from 'node:worker_threads';
import { tmpdir } from 'node:os';
import path from 'node:path';
import * as asar from '@electron/asar';
import { expect, test } from '@playwright/test';
import { ROOT } from './serve-process.js';

/** The checkout as git sees it (tracked and new files, nothing ignored), with its node_modules. */
function copyCheckout(to: string): void {
  const files = execFileSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], { cwd: ROOT, encoding: 'utf8' }).split('\0');
  for (const file of files.filter((f) => f && existsSync(path.join(ROOT, f)))) {
    mkdirSync(path.dirname(path.join(to, file)), { recursive: true });
    cpSync(path.join(ROOT, file), path.join(to, file));
  }
  symlinkSync(path.join(ROOT, 'node_modules'), path.join(to, 'node_modules'));
}

/** Module specifiers a bundle loads: static imports (must resolve) and dynamic ones, with `new URL('./x', import.meta.url)`. */
function specifiers(code: string): { imports: string[]; relative: string[] } {
  const imports = [...code.matchAll(/(?:^|[;}\s])import(?:[\s{*][^;]*?from)?\s*["']([^"']+)["']/g)].map((m) => m[1]!);
  const loaded = [...code.matchAll(/(?:\bimport\(|\brequire\(|new URL\()\s*["']([^"']+)["']/g)].map((m) => m[1]!);
  return { imports, relative: [...imports, ...loaded].filter((s) => s.startsWith('./') || s.startsWith('../')) };
}

const builtin = (s: string): boolean => s.startsWith('node:') || builtinModules.includes(s.split('/')[0]!);
const packageName = (s: string): string => s.split('/').slice(0, s.startsWith('@') ? 2 : 1).join('/');

test('npm run dist packs the dir target against the Electron stand-in: app.asar holds the whole app, the hall files sit in resources/', async () => {
  test.skip(process.platform !== 'linux' || process.arch !== 'x64', 'the Electron stand-in is a Linux x64 distribution');
  test.setTimeout(240_000);
  const dir = mkdtempSync(path.join(tmpdir(), 'hallcast-packaging-'));
  try {
    const checkout = path.join(dir, 'checkout');
    copyCheckout(checkout);
    const said = execFileSync('npm', ['run', 'dist'], { cwd: checkout, encoding: 'utf8', timeout: 200_000, stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 64 * 1024 * 1024 });
    expect(said, 'says in one line that it packs against a stand-in').toMatch(/^dist: no Electron binary here — building only the dir layout .* stand-in.*cannot run$/m);

    const unpacked = path.join(checkout, 'release', 'linux-unpacked');
    const resources = path.join(unpacked, 'resources');
    const archive = path.join(resources, 'app.asar');
    // The stand-in's executable, renamed by electron-builder to the configured executableName.
    expect(statSync(path.join(unpacked, 'hallcast')).mode & 0o111).not.toBe(0);
    expect(readdirSync(path.join(checkout, 'dist')), "the app's own build stays in dist/, the package goes to release/").not.toContain('linux-unpacked');

    const listed = new Set(asar.listPackage(archive, { isPack: false }).map((f) => f.replaceAll('\\', '/')));
    const inArchive = (file: string): boolean => listed.has(`/${file}`);
    const manifest = JSON.parse(asar.extractFile(archive, 'package.json').toString('utf8')) as { name: string; main: string };
    expect(manifest).toMatchObject({ name: 'hallcast', main: 'dist/electron/main.js' });
    for (const file of [
      'dist/electron/main.js',
      'dist/electron/preload.cjs',
      'dist/renderer/index.html',
      'dist/renderer/app.js',
      'dist/renderer/style.css',
      'dist/admin/index.html',
      'dist/admin/app.js',
      'dist/admin/app.css',
    ]) {
      expect(inArchive(file), `${file} in app.asar`).toBe(true);
      expect(asar.statFile(archive, file), `${file} packed, not unpacked`).not.toHaveProperty('unpacked', true);
    }
    // Nothing the app does not run: no CLI bundle, no source maps, no test build, no sources.
    for (const file of listed) expect(file).not.toMatch(/^\/(dist\/cli\.js|dist\/.*\.map|dist\/test-build|electron\/|renderer\/|scripts\/|e2e\/)/);

    // The speech thread and espeak-ng's module and voice data: real files beside the archive.
    for (const file of ['dist/electron/espeak-worker.mjs', 'node_modules/@echogarden/espeak-ng-emscripten/espeak-ng.js', 'node_modules/@echogarden/espeak-ng-emscripten/espeak-ng.data']) {
      expect(asar.statFile(archive, file), `${file} marked unpacked`).toHaveProperty('unpacked', true);
      expect(statSync(path.join(resources, 'app.asar.unpacked', file)).size, `${file} in app.asar.unpacked`).toBe(statSync(path.join(checkout, file)).size);
    }

    // The unpacked folder speaks on its own: copied away from any other node_modules, its worker
    // loads espeak-ng's module and voice data from there and reads Mandarin (in Node, not Electron).
    const isolated = path.join(dir, 'unpacked-alone');
    cpSync(path.join(resources, 'app.asar.unpacked'), isolated, { recursive: true });
    const reply = await new Promise<{ samples?: Int16Array; error?: string }>((resolve, reject) => {
      const worker = new Worker(path.join(isolated, 'dist/electron/espeak-worker.mjs'));
      worker.once('message', (message) => void worker.terminate().then(() => resolve(message)));
      worker.once('error', reject);
      worker.postMessage({ id: 1, op: 'speak', voice: 'sit/cmn', text: '请到五号窗口', wordsPerMinute: 175 });
    });
    expect(reply.error).toBeUndefined();
    expect(reply.samples!.length, 'samples of speech').toBeGreaterThan(10_000);

    // electron-builder rewrites a packed package.json: only its presence, so the worker's import resolves.
    expect(existsSync(path.join(resources, 'app.asar.unpacked', 'node_modules/@echogarden/espeak-ng-emscripten/package.json'))).toBe(true);

    // Every relative import of the main bundle resolves inside the archive, and each package it
    // imports statically is Node's, Electron's or packed; the same for the speech thread, from its
    // unpacked folder.
    const main = specifiers(asar.extractFile(archive, 'dist/electron/main.js').toString('utf8'));
    expect(main.imports, 'the main bundle imports Electron').toContain('electron');
    expect(main.relative, 'the main bundle loads the speech worker by a relative URL').toContain('./espeak-worker.mjs');
    for (const s of main.relative) expect(inArchive(path.posix.join('dist/electron', s)), `main.js → ${s}`).toBe(true);
    for (const s of main.imports.filter((i) => !i.startsWith('.') && !builtin(i) && i !== 'electron')) expect(inArchive(`node_modules/${packageName(s)}/package.json`), `main.js → ${s}`).toBe(true);
    const worker = specifiers(readFileSync(path.join(resources, 'app.asar.unpacked', 'dist/electron/espeak-worker.mjs'), 'utf8'));
    expect(worker.imports).toContain('@echogarden/espeak-ng-emscripten');
    for (const s of worker.imports.filter((i) => !builtin(i))) expect(existsSync(path.join(resources, 'app.asar.unpacked', 'node_modules', packageName(s), 'package.json')), `espeak-worker.mjs → ${s}`).toBe(true);
    // electron-updater is bundled into the main bundle (a build-time dependency, like the display's packages).
    expect(asar.extractFile(archive, 'dist/electron/main.js').toString('utf8')).toContain('AppImageUpdater');
    // A sandboxed preload can require nothing but Electron's few modules.
    const preload = asar.extractFile(archive, 'dist/electron/preload.cjs').toString('utf8');
    expect([...new Set([...preload.matchAll(/\brequire\("([^"]+)"\)/g)].map((m) => m[1]))]).toStrictEqual(['electron']);
    // The display's page loads what is packed beside it.
    const page = asar.extractFile(archive, 'dist/renderer/index.html').toString('utf8');
    for (const [, ref] of page.matchAll(/(?:src|href)="\.?\/?([^":]+)"/g)) expect(inArchive(`dist/renderer/${ref}`), `index.html → ${ref}`).toBe(true);

    // The hall's files as extra resources, where the packed shell looks (process.resourcesPath).
    for (const lang of ['zh-CN', 'en']) {
      const voice = JSON.parse(readFileSync(path.join(resources, 'assets', 'voice', lang, 'manifest.json'), 'utf8')) as { clips: Record<string, { file: string }> };
      const clips = Object.values(voice.clips);
      expect(clips.length, `${lang} voice pack's clips`).toBeGreaterThan(10);
      for (const clip of clips) expect(existsSync(path.join(resources, 'assets', 'voice', lang, clip.file)), `${lang}/${clip.file}`).toBe(true);
    }
    for (const file of readdirSync(path.join(ROOT, 'playlists'), { recursive: true, encoding: 'utf8' })) {
      if (statSync(path.join(ROOT, 'playlists', file)).isFile()) expect(existsSync(path.join(resources, 'playlists', file)), `playlists/${file}`).toBe(true);
    }
    expect(readdirSync(path.join(resources, 'playlists', 'schema')).filter((f) => f.endsWith('.schema.json')).length).toBeGreaterThanOrEqual(9);
    // Auto-update's provider is the generic one; the hall sets its URL at run time.
    expect(readFileSync(path.join(resources, 'app-update.yml'), 'utf8')).toMatch(/^provider: generic$/m);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
