import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { hallcastUnit, type UnitOptions } from './units.js';
import { startWatchdogNotify } from './watchdog-notify.js';

const base: UnitOptions = {
  user: 'hall',
  home: '/home/hall',
  display: 'waiting',
  node: process.execPath,
  bin: '/opt/hallcast/bin/hallcast.js',
  playlists: '/srv/hall/playlists',
  state: '/home/hall/.local/state/hallcast',
  port: 8080,
  cage: false,
};

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

/** `systemd-analyze verify` of the unit: its own findings only (the machine's other units are not ours). */
function verify(unit: string): { code: number; output: string } {
  const dir = mkdtempSync(path.join(tmpdir(), 'hallcast-unit-'));
  dirs.push(dir);
  const file = path.join(dir, 'hallcast.service');
  writeFileSync(file, unit);
  // verify checks that ExecStart's binary exists: the test's node stands in for the installed one.
  const ran = spawnSync('systemd-analyze', ['verify', '--man=no', file], { encoding: 'utf8', env: { ...process.env, SYSTEMD_LOG_LEVEL: 'warning' } });
  const output = `${ran.stdout}${ran.stderr}`.split('\n').filter((l) => l.includes('hallcast.service')).join('\n');
  return { code: ran.status ?? 1, output };
}
const haveSystemd = spawnSync('systemd-analyze', ['--version']).status === 0;

describe('the systemd unit', () => {
  it('restarts the player whenever it ends, by a watchdog when its loop hangs, and stops after 10 starts in 10 minutes', () => {
    const unit = hallcastUnit(base);
    expect(unit).toContain('Type=notify\nNotifyAccess=all\nWatchdogSec=30\nRestart=always\nRestartSec=5\n');
    expect(unit).toContain('StartLimitIntervalSec=600\nStartLimitBurst=10\n');
    expect(unit).toContain(`ExecStart=${process.execPath} /opt/hallcast/bin/hallcast.js kiosk --port 8080 --playlists /srv/hall/playlists --state /home/hall/.local/state/hallcast --display waiting`);
    expect(unit).toContain('Environment=DISPLAY=:0\nEnvironment=XAUTHORITY=/home/hall/.Xauthority');
    expect(unit).toContain('WantedBy=graphical.target');
  });

  it('without a screen runs serve; with cage, the kiosk on tty1', () => {
    expect(hallcastUnit({ ...base, display: undefined })).toMatch(/ExecStart=\S+ \S+ serve --port 8080/);
    const cage = hallcastUnit({ ...base, cage: true });
    expect(cage).toMatch(/ExecStart=\/usr\/bin\/cage -s -- \S+ \S+ kiosk /);
    expect(cage).toContain('TTYPath=/dev/tty1');
    expect(cage).toContain('Conflicts=getty@tty1.service');
  });

  it('quotes what systemd would split', () => {
    expect(hallcastUnit({ ...base, playlists: '/srv/hall 1/playlists' })).toContain('--playlists "/srv/hall 1/playlists"');
  });

  it.skipIf(!haveSystemd)('passes systemd-analyze verify, in each form', () => {
    for (const unit of [hallcastUnit(base), hallcastUnit({ ...base, display: undefined }), hallcastUnit({ ...base, playlists: '/srv/hall 1/playlists' })]) {
      const { output } = verify(unit);
      expect(output).toBe('');
    }
    // And verify does find a broken one (so the check above can fail).
    expect(verify(hallcastUnit(base).replace('Restart=always', 'Restart=sometimes')).output).toMatch(/restart specifier/i);
  });
});

describe('watchdog notifications', () => {
  it('say ready, then alive at half the watchdog interval; nothing without NOTIFY_SOCKET', async () => {
    const sent: string[][] = [];
    let tick: (() => void) | null = null;
    let every = 0;
    const stop = startWatchdogNotify({
      env: { NOTIFY_SOCKET: '/run/systemd/notify', WATCHDOG_USEC: '30000000' },
      send: async (a) => void sent.push(a),
      every: (ms, run) => ((every = ms), (tick = run), () => (tick = null)),
      warn: () => undefined,
    });
    expect(sent).toStrictEqual([['--ready', 'STATUS=playing']]);
    expect(every).toBe(15_000);
    tick!();
    expect(sent.at(-1)).toStrictEqual(['WATCHDOG=1']);
    stop();
    expect(tick).toBeNull();
    const none: string[][] = [];
    startWatchdogNotify({ env: {}, send: async (a) => void none.push(a), every: () => () => undefined, warn: () => undefined });
    expect(none).toStrictEqual([]);
  });
});

