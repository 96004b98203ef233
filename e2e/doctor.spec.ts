/**
 * `hallcast doctor` as a technician meets it, on this machine with a part taken away: a fontconfig
 * that knows only DejaVu (no Chinese font) and no DISPLAY. Each missing part is one FAIL line with
 * its fix, the rest still checked, and the exit code 1.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { ROOT } from './serve-process.js';

function doctor(env: NodeJS.ProcessEnv, args: string[] = []): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, ['bin/hallcast.js', 'doctor', ...args], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk));
  const timer = setTimeout(() => child.kill('SIGKILL'), 120_000);
  return new Promise((resolve) => child.once('close', (code) => (clearTimeout(timer), resolve({ code, stdout, stderr }))));
}

test('without a Chinese font and without a display, doctor names both with their fixes and exits 1', async () => {
  test.setTimeout(150_000);
  const dir = mkdtempSync(path.join(tmpdir(), 'hallcast-doctor-'));
  try {
    // Only DejaVu: what a minimal Debian install has before fonts-noto-cjk.
    const fonts = path.join(dir, 'fonts.conf');
    writeFileSync(fonts, `<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "fonts.dtd">\n<fontconfig><dir>/usr/share/fonts/truetype/dejavu</dir><cachedir>${dir}/cache</cachedir></fontconfig>\n`);
    const env: NodeJS.ProcessEnv = { ...process.env, FONTCONFIG_FILE: fonts };
    delete env.DISPLAY;
    delete env.WAYLAND_DISPLAY;
    const ran = await doctor(env, ['--state', path.join(dir, 'state'), '--port', '0']);
    const line = (check: string): string => ran.stdout.split('\n').find((l) => new RegExp(`^\\S+\\s+${check}\\s`).test(l)) ?? '';
    const fixOf = (check: string): string => {
      const lines = ran.stdout.split('\n');
      const at = lines.findIndex((l) => new RegExp(`^\\S+\\s+${check}\\s`).test(l));
      return /^\s+fix: /.test(lines[at + 1] ?? '') ? lines[at + 1]!.trim() : '';
    };
    expect(ran.code, ran.stdout + ran.stderr).toBe(1);
    expect(line('cjk-font')).toMatch(/^FAIL\s+cjk-font\s+no font with Chinese characters/);
    expect(fixOf('cjk-font')).toBe('fix: apt-get install fonts-noto-cjk');
    expect(line('display')).toMatch(/^FAIL\s+display\s+no display: DISPLAY \(X\) and WAYLAND_DISPLAY are not set/);
    expect(fixOf('display')).toContain('graphical session');
    // The rest was still checked: the playlists and the state folder are fine.
    expect(line('playlists')).toMatch(/^ok\s+playlists\s+playlists: valid/);
    expect(line('state')).toMatch(/^ok\s+state\s/);
    expect(ran.stdout).toMatch(/\n\d+ of 11 checks fail/);
    expect(ran.stderr).toBe('');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('with the Chinese fonts there, the font check passes', async () => {
  test.setTimeout(150_000);
  const ran = await doctor({ ...process.env, DISPLAY: '' }, ['--port', '0']);
  expect(ran.stdout).toMatch(/^ok\s+cjk-font\s+\d+ Chinese font famil/m);
});
