import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runLogs, type LogsOptions } from './logs.js';

let state = '';
beforeEach(() => {
  state = mkdtempSync(path.join(tmpdir(), 'hallcast-logs-cli-'));
  mkdirSync(path.join(state, 'logs'));
});
afterEach(() => rmSync(state, { recursive: true, force: true }));

const NOW = Date.parse('2026-12-07T12:00:00Z');
const line = (minutesAgo: number, level: number, msg: string, fields: Record<string, unknown> = {}): string =>
  `${JSON.stringify({ level, time: NOW - minutesAgo * 60_000, pid: 1, ...fields, msg })}\n`;

async function logs(options: Partial<LogsOptions> = {}): Promise<{ code: number; stdout: string[]; stderr: string[] }> {
  const stdout: string[] = [];
  const stderr: string[] = [];
  const code = await runLogs(
    { stateDir: state, since: undefined, follow: false, chromium: false, level: undefined, json: false, colors: false, now: NOW, ...options },
    { stdout: (l) => void stdout.push(l), stderr: (l) => void stderr.push(l) },
  );
  return { code, stdout, stderr };
}

describe('hallcast logs', () => {
  it('prints the rotated files and the current one in order, one readable line each, from --since on', async () => {
    writeFileSync(path.join(state, 'logs', 'player.log.2'), line(180, 30, 'oldest'));
    writeFileSync(path.join(state, 'logs', 'player.log.1'), line(30, 30, 'half an hour ago') + line(9, 40, 'clock stepped +3600 s', { health: 'clock-jumps' }));
    writeFileSync(path.join(state, 'logs', 'player.log'), line(1, 30, 'GET /api/status 200', { name: 'http', access: { status: 200 } }) + 'not json\n');
    const all = await logs();
    expect(all.code).toBe(0);
    expect(all.stdout.map((l) => l.replace(/^\[[^\]]+\] /, ''))).toEqual([
      'INFO: oldest',
      'INFO: half an hour ago',
      'WARN: clock stepped +3600 s {"health":"clock-jumps"}',
      'INFO (http): GET /api/status 200 {"access":{"status":200}}',
      'not json',
    ]);
    expect(all.stdout[0]).toMatch(/^\[\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}\.\d{3}\] /);
    const recent = await logs({ since: '10m' });
    expect(recent.stdout.map((l) => l.replace(/^\[[^\]]+\] /, '').split(' {')[0])).toEqual(['WARN: clock stepped +3600 s', 'INFO (http): GET /api/status 200', 'not json']);
    expect((await logs({ level: 'warn' })).stdout.map((l) => l.replace(/^\[[^\]]+\] /, '').split(' {')[0])).toEqual(['WARN: clock stepped +3600 s', 'not json']);
    expect((await logs({ since: '2m', json: true })).stdout).toEqual([line(1, 30, 'GET /api/status 200', { name: 'http', access: { status: 200 } }).trim(), 'not json']);
  });

  it('says where it looked when there is no log yet, exit 1', async () => {
    const none = await logs();
    expect(none).toEqual({ code: 1, stdout: [], stderr: [`hallcast logs: no log at ${path.join(state, 'logs', 'player.log')} yet (the player writes it once it runs with this --state)`] });
  });

  it('--chromium prints the browser\'s stderr as written; --since keeps the files written since then', async () => {
    writeFileSync(path.join(state, 'logs', 'chromium.log.1'), '[1:1:ERROR:x.cc:1] old\n');
    writeFileSync(path.join(state, 'logs', 'chromium.log'), '[2:2:ERROR:x.cc:1] Missing X server or $DISPLAY\n');
    utimesSync(path.join(state, 'logs', 'chromium.log.1'), new Date(NOW - 3_600_000), new Date(NOW - 3_600_000));
    utimesSync(path.join(state, 'logs', 'chromium.log'), new Date(NOW - 60_000), new Date(NOW - 60_000));
    expect((await logs({ chromium: true })).stdout).toEqual(['[1:1:ERROR:x.cc:1] old', '[2:2:ERROR:x.cc:1] Missing X server or $DISPLAY']);
    expect((await logs({ chromium: true, since: '10m' })).stdout).toEqual(['[2:2:ERROR:x.cc:1] Missing X server or $DISPLAY']);
  });
});
