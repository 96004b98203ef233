/**
 * Killed, the player comes back (issue 15, item 4): `hallcast serve` run as hallcast.service runs
 * it ($NOTIFY_SOCKET with a stand-in `systemd-notify`), a display page open on it, then the process
 * killed the ways a hall PC loses it — SIGKILL (the OOM killer, a crash) and SIGABRT (what systemd
 * sends when the watchdog runs out). For each end, the unit `hallcast install-service` writes is
 * asked whether systemd restarts it (its `Restart=` by systemd's own table, e2e/systemd-restart.ts:
 * a stand-in for systemd, there is none as PID 1 here), and the test restarts the same command
 * after the unit's `RestartSec=`. The restarted player must say READY again, answer /api/status
 * with its playlists, the page must get its programme back by itself, and the proof-of-play log
 * must hold only whole lines. The second kill comes during an evacuation, which the restarted
 * player must show again at once (the emergency is kept in the state folder).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { hallcastUnit } from '../electron/cli/service/units.js';
import { expect, nowPlaying, test } from './fixtures.js';
import { ROOT } from './serve-process.js';
import { exitCause, systemdRestarts, unitSetting } from './systemd-restart.js';

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as { port: number }).port;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

test('SIGKILL and the watchdog\'s SIGABRT: the unit\'s policy restarts the player, which comes back READY with the page playing and its logs whole', async ({ page }) => {
  test.setTimeout(120_000);
  const dir = mkdtempSync(path.join(tmpdir(), 'hallcast-restart-'));
  const playlists = path.join(dir, 'playlists');
  const state = path.join(dir, 'state');
  cpSync(path.join(ROOT, 'e2e', 'hall'), playlists, { recursive: true });
  const bin = path.join(dir, 'bin');
  mkdirSync(bin);
  const heard = path.join(dir, 'notifications');
  writeFileSync(path.join(bin, 'systemd-notify'), `#!/bin/sh\necho "$*" >> ${heard}\n`);
  chmodSync(path.join(bin, 'systemd-notify'), 0o755);
  const port = await freePort();
  const unit = hallcastUnit({ user: 'hall', home: '/home/hall', display: undefined, node: process.execPath, bin: path.join(ROOT, 'bin', 'hallcast.js'), playlists, state, port, cage: false });
  const restart = unitSetting(unit, 'Restart');
  const restartSec = Number(unitSetting(unit, 'RestartSec'));
  expect(restart).toBe('always');
  const url = `http://127.0.0.1:${port}/`;

  const readies = (): number => (existsSync(heard) ? readFileSync(heard, 'utf8').split('\n').filter((l) => l.includes('--ready')).length : 0);
  const start = (): ChildProcess =>
    spawn(process.execPath, ['bin/hallcast.js', 'serve', '--port', String(port), '--playlists', playlists, '--assets', path.join(ROOT, 'assets'), '--state', state, '--at', '2026-12-01T10:00:00+08:00'], {
      cwd: ROOT,
      env: { ...process.env, PATH: `${bin}:${process.env.PATH}`, NOTIFY_SOCKET: path.join(dir, 'notify.sock'), WATCHDOG_USEC: '30000000' },
      stdio: 'ignore',
    });
  let child = start();
  try {
    await expect.poll(readies, { timeout: 30_000 }).toBe(1);
    await page.goto(url);
    await expect.poll(async () => (await nowPlaying(page).catch(() => null))?.programme ?? null, { timeout: 20_000 }).not.toBeNull();

    // The second restart comes in the middle of an evacuation: the player must take the hall over
    // again as it starts (kept-emergency.ts), not go back to the programme.
    const emergencyOf = (page_: typeof page) => page_.evaluate(() => (globalThis as unknown as { __hallcast: { emergency(): { shown: { id: string; level: string } | null } } }).__hallcast.emergency().shown);
    let raised: string | null = null;
    for (const [signal, watchdog] of [['SIGKILL', false], ['SIGABRT', true]] as const) {
      if (signal === 'SIGABRT') {
        const response = await fetch(new URL('/api/emergency', url), { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ level: 'evacuate', text: { 'zh-CN': '请立即疏散', en: 'Please leave now' } }) });
        expect(response.status).toBe(201);
        raised = ((await response.json()) as { id: string }).id;
        await expect.poll(async () => (await emergencyOf(page))?.id ?? null, { timeout: 10_000 }).toBe(raised);
      }
      const ended = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.once('exit', (code, sig) => resolve({ code, signal: sig })));
      child.kill(signal);
      const end = await ended;
      expect(end.signal).toBe(signal);
      const cause = exitCause(end.code, end.signal, watchdog);
      expect(systemdRestarts(restart!, cause), `Restart=${restart} restarts a ${cause}`).toBe(true);
      const readyBefore = readies();
      await new Promise((r) => setTimeout(r, restartSec * 1000));
      const restartedAt = Date.now();
      child = start();
      await expect.poll(readies, { timeout: 30_000 }).toBe(readyBefore + 1);
      const status = (await (await fetch(new URL('/api/status', url))).json()) as { playlists: { from: string | null; errors: string[] } };
      expect(status.playlists).toMatchObject({ from: 'folder', errors: [] });
      // The page finds the new player by itself: the new player counts it alive and playing, and it plays.
      const displays = async () => ((await (await fetch(new URL('/api/status', url))).json()) as { displays: { alive: boolean; programme: string | null }[] }).displays;
      await expect.poll(async () => (await displays()).filter((d) => d.alive && d.programme !== null).length, { timeout: 30_000 }).toBe(1);
      await expect.poll(async () => (await nowPlaying(page).catch(() => null))?.programme ?? null, { timeout: 20_000 }).not.toBeNull();
      console.log(`[restart] ${signal} (${cause}): READY and the page playing again ${Date.now() - restartedAt} ms after the restart (RestartSec=${restartSec})`);
      if (raised) {
        // The same emergency, on the screen and in status, after the restart.
        await expect.poll(async () => (await emergencyOf(page))?.id ?? null, { timeout: 10_000 }).toBe(raised);
        const after = (await (await fetch(new URL('/api/emergency', url))).json()) as { emergency: { id: string; level: string } | null };
        expect(after.emergency).toMatchObject({ id: raised, level: 'evacuate' });
      }
    }
    expect((await fetch(new URL('/api/emergency', url), { method: 'DELETE' })).status).toBe(200);
    await expect.poll(async () => (await emergencyOf(page))?.id ?? null, { timeout: 10_000 }).toBeNull();

    // Killed mid-write or not, every proof-of-play line is a whole record.
    const logs = path.join(state, 'proof-of-play');
    const lines = readdirSync(logs).flatMap((f) => readFileSync(path.join(logs, f), 'utf8').split('\n').filter(Boolean));
    expect(lines.length).toBeGreaterThan(0);
    for (const line of lines) expect(() => JSON.parse(line), line).not.toThrow();
  } finally {
    child.kill('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
  }
});
