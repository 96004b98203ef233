/**
 * The built `hallcast` command as a person meets it: the real bin, run as a child process. Each
 * start-up failure is one line on stderr (well under 500 bytes, no stack, no bundle), exit 2 for
 * what was typed wrong and 1 for what the machine refused; a bug is reported in the TypeScript
 * sources' file:line; `--at` without an offset is the hall's time, and the log shows local times.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { COMMANDS, type CommandSpec } from '../electron/cli/commands.js';
import { parserOptions } from '../electron/cli/parse-command.js';
import { ROOT } from './serve-process.js';

interface Ran {
  code: number | null;
  stdout: string;
  stderr: string;
}

let state: string;
test.beforeEach(() => {
  state = mkdtempSync(path.join(tmpdir(), 'hallcast-cli-'));
});
test.afterEach(() => rmSync(state, { recursive: true, force: true }));

/**
 * Runs `node [nodeArgs] bin/hallcast.js args`; `until` ends a command that would run on (serve)
 * once its output matches, with SIGTERM.
 */
function hallcast(args: string[], options: { nodeArgs?: string[]; until?: RegExp } = {}): Promise<Ran> {
  const env = { ...process.env };
  delete env.HALLCAST_TOKEN;
  const child = spawn(process.execPath, [...(options.nodeArgs ?? []), 'bin/hallcast.js', ...args], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => {
    stdout += chunk;
    if (options.until?.test(stdout)) child.kill('SIGTERM');
  });
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk));
  const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
  return new Promise((resolve) =>
    child.once('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    }),
  );
}

/** One line, under 500 bytes, naming what was wrong; nothing on stdout. */
function expectOneLine(ran: Ran, code: number, line: RegExp): void {
  expect(ran.stderr).toMatch(/^[^\n]+\n$/);
  expect(ran.stderr).toMatch(line);
  expect(Buffer.byteLength(ran.stderr)).toBeLessThan(500);
  expect(ran.stdout).toBe('');
  expect(ran.code).toBe(code);
}

test.describe('start-up failures: one line, its exit status, under 500 bytes', () => {
  test('--host 0.0.0.0 without a token', async () => {
    const ran = await hallcast(['serve', '--host', '0.0.0.0', '--port', '0', '--state', state]);
    expectOneLine(ran, 2, /^hallcast serve: --host 0\.0\.0\.0 lets other machines in: give --token T/);
  });

  test('--port 99999', async () => {
    expectOneLine(await hallcast(['serve', '--port', '99999', '--state', state]), 2, /^hallcast serve: --port "99999": give a port number 0-65535/);
  });

  test('--at tomorrow', async () => {
    expectOneLine(await hallcast(['serve', '--at', 'tomorrow', '--port', '0', '--state', state]), 2, /^hallcast serve: --at "tomorrow": give a date and time, e.g. 2026-12-01T10:17/);
  });

  test('kiosk --window-size 1920', async () => {
    const ran = await hallcast(['kiosk', '--window-size', '1920', '--port', '0', '--state', state, '--browser', '/nonexistent/chromium']);
    expectOneLine(ran, 2, /^hallcast kiosk: --window-size "1920": write WIDTHxHEIGHT in pixels, e.g. 1920x1080/);
  });

  test('kiosk --display Counter_5', async () => {
    const ran = await hallcast(['kiosk', '--display', 'Counter_5', '--port', '0', '--state', state, '--browser', '/nonexistent/chromium']);
    expectOneLine(ran, 2, /^hallcast kiosk: --display "Counter_5": not a display id — use 1–40 of a–z, 0–9 and '-'/);
  });

  test('a port already in use', async () => {
    const holder: Server = createServer();
    await new Promise<void>((done) => holder.listen(0, '127.0.0.1', done));
    const port = (holder.address() as { port: number }).port;
    try {
      const ran = await hallcast(['serve', '--port', String(port), '--state', state]);
      expectOneLine(ran, 1, new RegExp(`^hallcast serve: cannot listen on 127\\.0\\.0\\.1:${port}: the port is in use`));
    } finally {
      holder.close();
    }
  });

  test('--playlists /nonexistent', async () => {
    expectOneLine(await hallcast(['serve', '--playlists', '/nonexistent', '--port', '0', '--state', state]), 1, /^hallcast serve: --playlists \/nonexistent: no such folder/);
  });
});

test('a bug is reported in the TypeScript sources, never as bundle text', async () => {
  // Standard output that throws: an error no command expects, as a broken terminal would give.
  const breakStdout = 'data:text/javascript,process.stdout.write=()=>{throw new Error("stdout is on fire")}';
  const ran = await hallcast(['timeline', '--date', '2026-12-01'], { nodeArgs: ['--import', breakStdout] });
  expect(ran.code).toBe(1);
  const lines = ran.stderr.trimEnd().split('\n');
  expect(lines[0]).toBe('hallcast: unexpected error (a bug: please report these lines): Error: stdout is on fire');
  expect(ran.stderr).toMatch(/\(electron\/cli\/timeline\.ts:\d+:\d+\)/);
  expect(ran.stderr).toMatch(/\(electron\/cli\/main\.ts:\d+:\d+\)/);
  expect(ran.stderr).not.toContain('dist/cli.js');
  expect(Math.max(...lines.map((l) => l.length))).toBeLessThan(200);
  expect(Buffer.byteLength(ran.stderr)).toBeLessThan(2000);
});

test('--at without an offset is the hall’s time, and the log says the local time and zone', async () => {
  // Monday 2026-12-07 12:30 in Shanghai: the midday peak, until 14:00 there (06:00 UTC).
  const ran = await hallcast(['serve', '--at', '2026-12-07T12:30:00', '--port', '0', '--state', state], { until: /"schedule switch"/ });
  expect(ran.stdout).toContain("preview from 2026-12-07 12:30:00 +08:00 (Asia/Shanghai, the hall's time)");
  const switched = ran.stdout.split('\n').find((line) => line.includes('"schedule switch"'))!;
  expect(JSON.parse(switched)).toMatchObject({ programme: 'midday-peak', next: Date.parse('2026-12-07T06:00:00Z'), nextLocal: '2026-12-07 14:00:00 +08:00' });
});

test('--help for every command lists every flag its parser takes; --version', async () => {
  for (const [name, spec] of Object.entries(COMMANDS as Readonly<Record<string, CommandSpec>>)) {
    const ran = await hallcast([name, '--help']);
    expect(ran.code, name).toBe(0);
    for (const flag of Object.keys(parserOptions(spec))) expect(ran.stdout, `${name} --${flag}`).toMatch(new RegExp(`(^|\\s)--${flag} `, 'm'));
  }
  const version = await hallcast(['--version']);
  const { version: expected } = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string };
  expect(version).toEqual({ code: 0, stdout: `hallcast ${expected}\n`, stderr: '' });
});
