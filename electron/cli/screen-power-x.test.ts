/**
 * The real xset against a real X server without DPMS (Xvfb has none, like some VNC servers): xset
 * says so on stderr and still exits 0, so only reading its stderr tells the kiosk the backlight
 * did not go off. Skipped where Xvfb or xset (x11-xserver-utils) is missing.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCommand, systemProbe } from './run-command.js';
import { xDpmsPower } from './screen-power.js';

const present = systemProbe.hasCommand('Xvfb') && systemProbe.hasCommand('xset');
let xvfb: ChildProcess | null = null;
let display = '';

beforeAll(async () => {
  if (!present) return;
  // -displayfd: Xvfb picks a free display and writes its number to fd 3 once it accepts clients.
  xvfb = spawn('Xvfb', ['-displayfd', '3', '-screen', '0', '320x240x24', '-nolisten', 'tcp'], { stdio: ['ignore', 'ignore', 'ignore', 'pipe'] });
  display = await new Promise<string>((resolve, reject) => {
    let out = '';
    xvfb!.stdio[3]!.on('data', (chunk: Buffer) => {
      out += String(chunk);
      if (out.includes('\n')) resolve(`:${out.trim()}`);
    });
    xvfb!.once('exit', (code) => reject(new Error(`Xvfb exited (${code})`)));
  });
});

afterAll(() => {
  xvfb?.kill();
});

describe.skipIf(!present)('X DPMS with the real xset', () => {
  it('on a server without DPMS, off and on fail with xset\'s own words (it exits 0)', async () => {
    const screen = xDpmsPower(runCommand, display);
    await expect(runCommand('xset', ['dpms', 'force', 'off'], { env: { ...process.env, DISPLAY: display }, timeoutMs: 5_000 })).resolves.toMatchObject({
      stderr: expect.stringContaining('server does not have extension for dpms option'),
    });
    await expect(screen.off()).rejects.toThrow('xset dpms force off: server does not have extension for dpms option');
    await expect(screen.on()).rejects.toThrow('xset dpms force on: server does not have extension for dpms option');
  });
});
