import { describe, expect, it } from 'vitest';
import type { HallConfig } from '../../contract/hall-config.js';
import { checkAudio, checkClock, checkNode, checkPort, checkQueueFeed, checkState, type Context, type DoctorOptions } from './checks.js';
import { exitCodeOf, reportLines, versionAtLeast } from './finding.js';
import type { DoctorProbe, RunResult } from './probe.js';

const options: DoctorOptions = { browser: '/usr/bin/chromium', playlists: 'playlists', assets: undefined, state: '/var/lib/hallcast', host: '127.0.0.1', port: 8080, display: undefined };
const ran = (code: number | null, stdout = ''): RunResult => ({ code, stdout, stderr: '', timedOut: false });

function machine(parts: Partial<DoctorProbe> = {}): DoctorProbe {
  return {
    env: {},
    nodeVersion: '20.19.0',
    run: async () => ran(null),
    readText: () => null,
    executable: () => true,
    writable: () => null,
    freeBytes: () => 50 * 1024 ** 3,
    canListen: async () => null,
    get: async () => ({ error: 'ECONNREFUSED' }),
    ...parts,
  };
}
const context = (probe: DoctorProbe, config: Partial<HallConfig> | null = null, more: Partial<DoctorOptions> = {}): Context => ({ options: { ...options, ...more }, probe, config: config as HallConfig | null });
const speakerHall = { displays: { displays: { waiting: { name: { 'zh-CN': 'w' }, area: 'waiting' as const, pa: 'speaker' as const } } } };

describe('doctor checks', () => {
  it('Node: 22 and later pass; 20 (end of life) and Debian 12\'s 18 fail', () => {
    expect(checkNode(context(machine({ nodeVersion: '22.12.0' }))).verdict).toBe('ok');
    expect(checkNode(context(machine({ nodeVersion: '20.19.0' }))).verdict).toBe('fail');
    expect(checkNode(context(machine({ nodeVersion: '18.19.0' })))).toMatchObject({ verdict: 'fail', fix: expect.stringContaining('22 LTS') });
    expect(versionAtLeast('22.1.0', '20.19')).toBe(true);
    expect(versionAtLeast('20.18.9', '20.19')).toBe(false);
  });

  it('audio: no card is a failure on the PA speaker\'s machine, a warning elsewhere', () => {
    expect(checkAudio(context(machine(), speakerHall, { display: 'waiting' }))).toMatchObject({ verdict: 'fail', detail: expect.stringContaining("display waiting is the hall's PA speaker") });
    expect(checkAudio(context(machine(), speakerHall, { display: 'counter-5' })).verdict).toBe('warn');
    const cards = ' 0 [PCH            ]: HDA-Intel - HDA Intel PCH\n                      HDA Intel PCH at 0xf7f10000 irq 32\n';
    expect(checkAudio(context(machine({ readText: () => cards }), speakerHall, { display: 'waiting' }))).toMatchObject({ verdict: 'ok', detail: '1 sound card: HDA-Intel - HDA Intel PCH' });
  });

  it('state: not writable or nearly full fails, low space warns', () => {
    expect(checkState(context(machine({ writable: () => 'EACCES: permission denied' })))).toMatchObject({ verdict: 'fail', fix: expect.stringContaining('--state') });
    expect(checkState(context(machine({ freeBytes: () => 50 * 1024 ** 2 }))).verdict).toBe('fail');
    expect(checkState(context(machine({ freeBytes: () => 500 * 1024 ** 2 }))).verdict).toBe('warn');
  });

  it('port: free, or held by a running hallcast, passes; held by another program fails', async () => {
    expect((await checkPort(context(machine()))).verdict).toBe('ok');
    const busy = { canListen: async () => 'EADDRINUSE' };
    expect(await checkPort(context(machine({ ...busy, get: async () => ({ status: 200, body: '{"ok":true,"version":"0.1.0"}' }) })))).toMatchObject({ verdict: 'ok', detail: '127.0.0.1:8080: a hallcast player is running there' });
    expect(await checkPort(context(machine(busy)))).toMatchObject({ verdict: 'fail', detail: '127.0.0.1:8080 is in use by another program' });
  });

  it('clock: timedatectl\'s answer, then chrony\'s, else a warning', async () => {
    const hall = { schedule: { timezone: 'Asia/Shanghai', entries: [] } } as unknown as HallConfig;
    const at = Date.parse('2026-12-01T02:00:00Z');
    const with_ = (answers: Record<string, RunResult>) => machine({ run: async (command) => answers[command] ?? ran(null) });
    expect(await checkClock(context(with_({ timedatectl: ran(0, 'yes\n') }), hall), at)).toMatchObject({ verdict: 'ok', detail: expect.stringContaining('2026-12-01 10:00:00 Asia/Shanghai') });
    expect((await checkClock(context(with_({ timedatectl: ran(0, 'no\n') }), hall), at)).verdict).toBe('fail');
    expect((await checkClock(context(with_({ chronyc: ran(0, 'Leap status     : Normal\n') }), hall), at)).verdict).toBe('ok');
    expect((await checkClock(context(with_({}), hall), at)).verdict).toBe('warn');
  });

  it('queue feed: a pull feed must answer; push and the simulator need nothing', async () => {
    const pull = { queue: { feed: { kind: 'poll', url: 'http://queue.hall.lan/api/panel', intervalSeconds: 3 } } } as unknown as HallConfig;
    expect(await checkQueueFeed(context(machine(), pull))).toMatchObject({ verdict: 'fail', detail: 'poll feed http://queue.hall.lan/api/panel: not reachable (ECONNREFUSED)' });
    expect((await checkQueueFeed(context(machine({ get: async () => ({ status: 200, body: '[]' }) }), pull))).verdict).toBe('ok');
    expect((await checkQueueFeed(context(machine(), { queue: { feed: { kind: 'push' } } } as unknown as HallConfig))).verdict).toBe('ok');
  });

  it('the report: one line per check, the fix under a failure, the tally; exit 1 only on a failure', () => {
    const findings = [
      { check: 'node', verdict: 'ok' as const, detail: 'Node.js 20.19.0' },
      { check: 'cjk-font', verdict: 'fail' as const, detail: 'no font', fix: 'apt-get install fonts-noto-cjk' },
      { check: 'clock', verdict: 'warn' as const, detail: 'unknown', fix: 'install chrony' },
    ];
    expect(reportLines(findings)).toStrictEqual([
      'ok    node      Node.js 20.19.0',
      'FAIL  cjk-font  no font',
      '                fix: apt-get install fonts-noto-cjk',
      'warn  clock     unknown',
      '                fix: install chrony',
      '',
      '1 of 3 checks fail, 1 warn',
    ]);
    expect(exitCodeOf(findings)).toBe(1);
    expect(exitCodeOf([findings[0]!, findings[2]!])).toBe(0);
  });
});
