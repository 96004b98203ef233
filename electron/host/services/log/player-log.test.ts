import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createHealth, type Health } from '../../domain/health/health.js';
import { fakeDisk } from './fake-disk.test-support.js';
import { openPlayerLog, PLAYER_LOG_BOUNDS } from './player-log.js';
import type { RotatingIo } from './rotating-log.js';

const STATE = path.normalize('/state');
const FILE = path.join(STATE, 'logs', 'player.log');

function rotatingFake(free = Infinity) {
  const disk = fakeDisk(free);
  const io: RotatingIo = Object.assign(disk, {
    rename(from: string, to: string) {
      const bytes = disk.files.get(from);
      disk.files.delete(from);
      if (bytes) disk.files.set(to, bytes);
    },
    modifiedAt: (file: string) => (disk.files.has(file) ? Date.now() : null),
    remove: (file: string) => void disk.files.delete(file),
  });
  return { disk, io };
}

function terminal() {
  const out: string[] = [];
  const err: string[] = [];
  return { out, err, stdout: (t: string) => void out.push(t), stderr: (t: string) => void err.push(t) };
}

describe('the player log', () => {
  it('writes JSON to the file and the terminal, warnings and worse on stderr, below the level nowhere', () => {
    const { disk, io } = rotatingFake();
    const t = terminal();
    const log = openPlayerLog({ level: 'info', stateDir: STATE, pretty: false, stdout: t.stdout, stderr: t.stderr, file: { io } });
    log.logger.debug('not written');
    log.log.info('schedule switch', { programme: 'morning', next: 1 });
    log.log.warn('clock stepped +3600 s');
    log.logger.error('a bug');
    const lines = disk.text(FILE).trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines.map((l) => [l.level, l.msg])).toEqual([
      [30, 'schedule switch'],
      [40, 'clock stepped +3600 s'],
      [50, 'a bug'],
    ]);
    expect(lines[0]).toMatchObject({ programme: 'morning', next: 1, time: expect.any(Number) });
    expect(t.out.map((l) => JSON.parse(l).msg)).toEqual(['schedule switch']);
    expect(t.err.map((l) => JSON.parse(l).msg)).toEqual(['clock stepped +3600 s', 'a bug']);
  });

  it('keeps a field named like one of pino\'s own (an emergency\'s level) apart from the line\'s level', () => {
    const { disk, io } = rotatingFake();
    const t = terminal();
    const log = openPlayerLog({ level: 'info', stateDir: STATE, pretty: false, stdout: t.stdout, stderr: t.stderr, file: { io } });
    log.log.info('emergency-raised', { level: 'evacuate', msg: 'x' });
    expect(JSON.parse(disk.text(FILE))).toMatchObject({ level: 30, level_: 'evacuate', msg: 'emergency-raised', msg_: 'x' });
  });

  it('prints one readable line on a terminal, the file staying JSON', () => {
    const { disk, io } = rotatingFake();
    const t = terminal();
    const log = openPlayerLog({ level: 'info', stateDir: STATE, pretty: true, stdout: t.stdout, stderr: t.stderr, file: { io } });
    log.log.info('playlists applied', { files: 15 });
    // eslint-disable-next-line no-control-regex
    const plain = t.out.join('').replace(/\u001b\[\d+m/g, '');
    expect(plain).toMatch(/^\[\d{2}:\d{2}:\d{2}\.\d{3}\] INFO: playlists applied \{"files":15\}\n$/);
    expect(JSON.parse(disk.text(FILE))).toMatchObject({ msg: 'playlists applied', files: 15 });
  });

  it('on a full disk drops what it cannot keep, says so in health and on the terminal, never throws, and resumes', () => {
    const { disk, io } = rotatingFake();
    const t = terminal();
    let health: Health | null = null;
    const log = openPlayerLog({ level: 'info', stateDir: STATE, pretty: false, stdout: t.stdout, stderr: t.stderr, file: { io }, health: () => health });
    health = createHealth({ now: () => 0, log: log.log });
    log.log.info('one');
    disk.free = 0;
    expect(() => {
      for (let n = 0; n < 100; n++) log.log.info(`lost ${n}`);
    }).not.toThrow();
    // The 100 lines, and the line that said the disk was full (it could not be kept either).
    expect(health.view().classes.disk.active).toEqual([expect.objectContaining({ key: 'player-log', fields: expect.objectContaining({ code: 'ENOSPC', dropped: 101 }) })]);
    // The terminal still has every line, and the condition raised while the disk was full.
    expect(t.out.filter((l) => l.includes('"lost '))).toHaveLength(100);
    expect(t.err.some((l) => l.includes('player-log: cannot write (ENOSPC)'))).toBe(true);
    disk.free = Infinity;
    log.log.info('two');
    expect(health.view().classes.disk.active).toEqual([]);
    const kept = disk.text(FILE).trim().split('\n').map((l) => JSON.parse(l).msg);
    expect(kept[0]).toBe('one');
    expect(kept).toContain('two');
    expect(kept).toContain('player-log: writing again; 101 lines were dropped while it could not');
    expect(kept.some((m: string) => m.startsWith('lost'))).toBe(false);
  });

  it('begins its file when a shell learns its state folder late (the Electron shell), the terminal having had every line', () => {
    const { disk, io } = rotatingFake();
    const t = terminal();
    const log = openPlayerLog({ level: 'info', stateDir: null, pretty: false, stdout: t.stdout, stderr: t.stderr, file: { io } });
    log.log.info('before the config');
    expect(log.file).toBeNull();
    log.keepIn(STATE);
    log.log.info('after the config');
    log.keepIn(path.join(STATE, 'elsewhere'));
    expect(log.file).toBe(FILE);
    expect(disk.text(FILE).trim().split('\n').map((l) => JSON.parse(l).msg)).toEqual(['after the config']);
    expect(t.out).toHaveLength(2);
  });

  it('is bounded: 5 MiB × 20 files and 14 days', () => {
    expect(PLAYER_LOG_BOUNDS).toEqual({ maxBytes: 5 * 1024 * 1024, files: 20, maxAgeMs: 14 * 86_400_000 });
  });
});
