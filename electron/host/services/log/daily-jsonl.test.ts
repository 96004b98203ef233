import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createHealth } from '../../domain/health/health.js';
import { TimeZone } from '../../domain/time/time-zone.js';
import { openDailyJsonl } from './daily-jsonl.js';
import { fakeDisk } from './fake-disk.test-support.js';

const quiet = { info: () => undefined, warn: () => undefined };
const zone = () => TimeZone.of('Asia/Shanghai');
// 2026-03-02 10:00 in Shanghai.
const AT = Date.UTC(2026, 2, 2, 2, 0, 0);
const FILE = path.normalize('/state/log/2026-03-02.jsonl');

const parsed = (text: string): unknown[] =>
  text
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as unknown);

describe('daily JSON-lines log on a failing disk', () => {
  const setup = (free = Infinity) => {
    const disk = fakeDisk(free);
    const health = createHealth({ now: () => AT, log: quiet });
    const log = openDailyJsonl<{ n: number; pad?: string }>('/state/log', zone, { name: 'proof-of-play', health, io: disk });
    return { disk, health, log };
  };

  it('drops what a full disk cannot take, with no torn line, and resumes when space returns', () => {
    const { disk, health, log } = setup();
    expect(log.write({ n: 1 }, AT)).toBe(true);
    disk.free = 5; // part of the next line fits, none of the one after
    expect(log.write({ n: 2, pad: 'x'.repeat(40) }, AT)).toBe(false);
    expect(log.write({ n: 3 }, AT)).toBe(false);
    expect(disk.text(FILE)).toBe('{"n":1}\n');
    const disk1 = health.view().classes.disk;
    expect(disk1.count).toBe(1);
    expect(disk1.active).toEqual([
      expect.objectContaining({ key: 'proof-of-play', message: 'proof-of-play: cannot write (ENOSPC), 2 records dropped', fields: { code: 'ENOSPC', dropped: 2, droppedSinceStart: 2 } }),
    ]);

    disk.free = Infinity;
    expect(log.write({ n: 4 }, AT)).toBe(true);
    expect(parsed(disk.text(FILE))).toEqual([{ n: 1 }, { n: 4 }]);
    expect(health.view().classes.disk.active).toEqual([]);
    expect(health.view().ok).toBe(true);
  });

  it('cuts a line back when the sync fails (EIO)', () => {
    const { disk, health, log } = setup();
    log.write({ n: 1 }, AT);
    disk.fail.sync = 'EIO';
    expect(log.write({ n: 2 }, AT)).toBe(false);
    expect(disk.text(FILE)).toBe('{"n":1}\n');
    expect(health.isActive('disk', 'proof-of-play')).toBe(true);
    disk.fail.sync = null;
    log.write({ n: 3 }, AT);
    expect(parsed(disk.text(FILE))).toEqual([{ n: 1 }, { n: 3 }]);
  });

  it('starts on a fresh line when a torn line could not be cut back', () => {
    const { disk, log } = setup();
    log.write({ n: 1 }, AT);
    disk.free = 5;
    disk.fail.truncate = 'EIO';
    expect(log.write({ n: 2, pad: 'long enough to tear' }, AT)).toBe(false);
    expect(disk.text(FILE)).toBe('{"n":1}\n{"n":');
    disk.fail.truncate = null;
    disk.free = Infinity;
    expect(log.write({ n: 3 }, AT)).toBe(true);
    // The fragment stays on its own line; the record after it is whole, never glued on.
    expect(disk.text(FILE)).toBe('{"n":1}\n{"n":\n{"n":3}\n');
  });

  it('finds a file left torn by an earlier run and starts on a fresh line', () => {
    const { disk, log } = setup();
    disk.files.set(FILE, Buffer.from('{"n":1}\n{"n":2,"cut'));
    log.write({ n: 3 }, AT);
    expect(disk.text(FILE).split('\n').at(-2)).toBe('{"n":3}');
  });

  it('never throws when its folder cannot be made or its file opened, and opens it once it can', () => {
    const { disk, health, log } = setup();
    disk.fail.mkdir = 'ENOSPC';
    expect(log.write({ n: 1 }, AT)).toBe(false);
    disk.fail.mkdir = null;
    disk.fail.open = 'EROFS';
    expect(log.write({ n: 2 }, AT)).toBe(false);
    expect(health.view().classes.disk.active[0]?.fields).toMatchObject({ code: 'EROFS', dropped: 2 });
    disk.fail.open = null;
    expect(log.write({ n: 3 }, AT)).toBe(true);
    expect(parsed(disk.text(FILE))).toEqual([{ n: 3 }]);
  });

  it('lets a bug through: only the file system\'s own errors are dropped', () => {
    const { disk, log } = setup();
    disk.write = () => {
      throw new TypeError('not a disk fault');
    };
    expect(() => log.write({ n: 1 }, AT)).toThrow(TypeError);
  });
});

describe('daily JSON-lines log on a real disk', () => {
  let dir = '';
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('appends whole lines and mends a torn last line from an earlier run', async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'hallcast-jsonl-'));
    const { writeFileSync } = await import('node:fs');
    writeFileSync(path.join(dir, '2026-03-02.jsonl'), '{"n":1}\n{"n":2,"cu');
    const log = openDailyJsonl<{ n: number }>(dir, zone);
    log.write({ n: 3 }, AT);
    log.write({ n: 4 }, AT);
    log.close();
    expect(readFileSync(path.join(dir, '2026-03-02.jsonl'), 'utf8')).toBe('{"n":1}\n{"n":2,"cu\n{"n":3}\n{"n":4}\n');
  });
});
