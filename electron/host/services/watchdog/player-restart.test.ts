import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createHealth } from '../../domain/health/health.js';
import { openPlayerRestarts, RESTART_RECORD, supervisorOf } from './player-restart.js';

let dir: string;
let now: number;
let lines: string[];
const quiet = { info: () => undefined, warn: () => undefined };
const open = (supervisor: string | null = 'systemd') => openPlayerRestarts({ stateDir: dir, supervisor, now: () => now, log: (m) => lines.push(m) });

beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'hallcast-restarts-'));
  now = Date.UTC(2026, 11, 7, 9, 0);
  lines = [];
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('player restarts (the picture watchdog\'s last rung)', () => {
  it('is supervised under systemd or with HALLCAST_SUPERVISED=1, and not otherwise', () => {
    expect(supervisorOf({ INVOCATION_ID: 'abc' })).toBe('systemd');
    expect(supervisorOf({ NOTIFY_SOCKET: '/run/x' })).toBe('systemd');
    expect(supervisorOf({ HALLCAST_SUPERVISED: '1' })).toBe('HALLCAST_SUPERVISED=1');
    expect(supervisorOf({})).toBeNull();
  });

  it('unsupervised, never exits, and says why once', async () => {
    const restarts = open(null);
    expect(await restarts.spent('display gone', null)).toBe(false);
    expect(await restarts.spent('display gone', null)).toBe(false);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain('not restarting the player: nothing would start it again');
  });

  it('records each restart before the exit, reads them back into health after it, and caps at three an hour', async () => {
    for (let i = 0; i < 3; i++) {
      const health = createHealth({ now: () => now, log: quiet });
      const restarts = open();
      restarts.report(health);
      expect(health.view().classes['player-restarts'].count).toBe(i);
      expect(await restarts.spent(`display gone ${i}`, health)).toBe(true);
      now += 5 * 60_000;
    }
    const health = createHealth({ now: () => now, log: quiet });
    const restarts = open();
    restarts.report(health);
    expect(health.view().classes['player-restarts']).toMatchObject({ count: 3, last: { fields: { reason: 'display gone 2', inLastHour: 3 } } });
    expect(await restarts.spent('display gone 3', health)).toBe(false);
    expect(health.view().classes['player-restarts'].active).toMatchObject([{ key: 'picture-watchdog', fields: { since: now - 5 * 60_000 } }]);
    expect(lines.at(-1)).toContain('the picture watchdog is capped');
    expect(JSON.parse(readFileSync(path.join(dir, RESTART_RECORD), 'utf8')).restarts).toHaveLength(3);
  });

  it('a truncated record does not stop the start: read as none, one line in the log', async () => {
    writeFileSync(path.join(dir, RESTART_RECORD), '{"restarts":[{"at":17');
    const restarts = open();
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain('was not a restart record');
    expect(await restarts.spent('display gone', null)).toBe(true);
    expect(JSON.parse(readFileSync(path.join(dir, RESTART_RECORD), 'utf8'))).toStrictEqual({ restarts: [{ at: now, reason: 'display gone' }] });
  });

  it('does not exit when the restart cannot be recorded (an uncounted restart could loop)', async () => {
    const restarts = openPlayerRestarts({ stateDir: dir, supervisor: 'systemd', now: () => now, log: (m) => lines.push(m), write: () => Promise.reject(new Error('ENOSPC')) });
    expect(await restarts.spent('display gone', null)).toBe(false);
    expect(lines.at(-1)).toContain('could not be recorded');
  });
});
