/**
 * The player under systemd's watchdog (issue 15, item 4), without systemd: `hallcast serve` is run
 * as hallcast.service would run it ($NOTIFY_SOCKET, $WATCHDOG_USEC), with a stand-in
 * `systemd-notify` first on PATH that writes down each notification and when. The player says
 * READY=1, then WATCHDOG=1 at half the interval; when its event loop hangs (SIGUSR2, a handler only
 * the test build has) the notifications stop — which is what makes systemd kill and restart it.
 */
import { spawn } from 'node:child_process';
import { chmodSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { ROOT } from './serve-process.js';

test('READY=1, WATCHDOG=1 every second for a 2-s watchdog, and none while the event loop hangs', async () => {
  test.setTimeout(90_000);
  const dir = mkdtempSync(path.join(tmpdir(), 'hallcast-watchdog-'));
  const heard = path.join(dir, 'notifications');
  // The stand-in: what systemd-notify was asked to send, with the time (ms) it was asked.
  const bin = path.join(dir, 'bin');
  cpSync(path.join(ROOT, 'e2e', 'hall'), path.join(dir, 'playlists'), { recursive: true });
  mkdirSync(bin);
  writeFileSync(path.join(bin, 'systemd-notify'), `#!/bin/sh\necho "$(date +%s%3N) $*" >> ${heard}\n`);
  chmodSync(path.join(bin, 'systemd-notify'), 0o755);
  const child = spawn(process.execPath, ['bin/hallcast.js', 'serve', '--port', '0', '--playlists', path.join(dir, 'playlists'), '--assets', path.join(ROOT, 'assets'), '--state', path.join(dir, 'state')], {
    cwd: ROOT,
    env: { ...process.env, PATH: `${bin}:${process.env.PATH}`, NOTIFY_SOCKET: path.join(dir, 'notify.sock'), WATCHDOG_USEC: '2000000' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const lines = (): { at: number; text: string }[] =>
    existsSync(heard)
      ? readFileSync(heard, 'utf8')
          .trim()
          .split('\n')
          .map((l) => ({ at: Number(l.slice(0, l.indexOf(' '))), text: l.slice(l.indexOf(' ') + 1) }))
      : [];
  try {
    await expect.poll(() => lines().some((l) => l.text.includes('--ready')), { timeout: 30_000 }).toBe(true);
    expect(lines()[0]!.text).toBe(`--pid=${child.pid} --ready STATUS=playing`);
    await expect.poll(() => lines().filter((l) => l.text.endsWith('WATCHDOG=1')).length, { timeout: 15_000 }).toBeGreaterThanOrEqual(4);
    const beats = lines().filter((l) => l.text.endsWith('WATCHDOG=1'));
    const gaps = beats.slice(1).map((b, i) => b.at - beats[i]!.at);
    console.log(`[watchdog] gaps between notifications (ms): ${gaps.join(', ')}`);
    expect(Math.max(...gaps)).toBeLessThan(2_000);

    // Hang the loop: 20 s of nothing, far past the 2-s watchdog.
    child.kill('SIGUSR2');
    const hungAt = Date.now();
    await new Promise((r) => setTimeout(r, 6_000));
    const during = lines().filter((l) => l.text.endsWith('WATCHDOG=1') && l.at > hungAt + 500);
    expect(during, 'notifications while the loop hangs').toStrictEqual([]);
  } finally {
    child.kill('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
  }
});

