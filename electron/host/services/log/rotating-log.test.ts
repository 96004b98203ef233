import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createHealth } from '../../domain/health/health.js';
import { fakeDisk } from './fake-disk.test-support.js';
import { openRotatingLog, type RotatingIo } from './rotating-log.js';

const quiet = { info: () => undefined, warn: () => undefined };
const FILE = path.normalize('/state/kiosk-log/chromium.log');

/** The fake disk, with the rename, ages and removal a rotating log needs; `clock.now` stamps each write. */
function rotatingDisk(free = Infinity) {
  const disk = fakeDisk(free);
  const clock = { now: 0 };
  const modified = new Map<string, number>();
  const write = disk.write.bind(disk);
  const fileOfFd = new Map<number, string>();
  const open = disk.open.bind(disk);
  const io: RotatingIo = Object.assign(disk, {
    open(file: string) {
      const fd = open(file);
      fileOfFd.set(fd, path.normalize(file));
      if (!modified.has(path.normalize(file))) modified.set(path.normalize(file), clock.now);
      return fd;
    },
    write(fd: number, data: Uint8Array, offset: number) {
      const wrote = write(fd, data, offset);
      modified.set(fileOfFd.get(fd)!, clock.now);
      return wrote;
    },
    rename(from: string, to: string) {
      const bytes = disk.files.get(path.normalize(from));
      disk.files.delete(path.normalize(from));
      if (bytes) {
        disk.files.set(path.normalize(to), bytes);
        modified.set(path.normalize(to), modified.get(path.normalize(from))!);
      } else disk.files.delete(path.normalize(to));
    },
    modifiedAt: (file: string) => (disk.files.has(path.normalize(file)) ? (modified.get(path.normalize(file)) ?? null) : null),
    remove(file: string) {
      disk.files.delete(path.normalize(file));
    },
  });
  return { disk, io, clock };
}

const HOUR = 3_600_000;

describe('rotating log', () => {
  it('keeps at most `files` files of at most `maxBytes` each, the newest lines in the current one', () => {
    const { disk, io } = rotatingDisk();
    const log = openRotatingLog(FILE, { maxBytes: 100, files: 3, io });
    // 40 lines of 10 bytes: 400 bytes through a log that keeps 300.
    for (let n = 0; n < 40; n++) log.write(`line ${String(n).padStart(4, '0')}\n`);
    expect([...disk.files.keys()].sort()).toEqual([FILE, `${FILE}.1`, `${FILE}.2`]);
    for (const bytes of disk.files.values()) expect(bytes.length).toBeLessThanOrEqual(100);
    expect(disk.text(FILE).trim().split('\n').at(-1)).toBe('line 0039');
    expect(disk.text(`${FILE}.1`).trim().split('\n').at(-1)).toBe('line 0029');
    expect(disk.text(`${FILE}.2`).trim().split('\n')[0]).toBe('line 0010');
  });

  it('is bounded in age too: a quiet log rotates daily and drops files whose last line is older than maxAgeMs', () => {
    const { disk, io, clock } = rotatingDisk();
    const log = openRotatingLog(FILE, { maxBytes: 1_000_000, files: 20, maxAgeMs: 14 * 24 * HOUR, io, now: () => clock.now });
    // One line every 6 hours for 30 days: far under the size bound.
    for (let hour = 0; hour <= 30 * 24; hour += 6) {
      clock.now = hour * HOUR;
      log.write(`hour ${hour}\n`);
    }
    const lines = [...disk.files.values()].flatMap((bytes) => bytes.toString().trim().split('\n'));
    const oldest = Math.min(...lines.map((l) => Number(l.split(' ')[1])));
    // 30 days written, 14 days kept (and at most one more day, the file the oldest line is in).
    expect(oldest).toBeGreaterThanOrEqual((30 - 15) * 24);
    expect(oldest).toBeLessThanOrEqual((30 - 14) * 24);
    expect(disk.text(FILE).trim().split('\n').length).toBeLessThanOrEqual(5);
    expect(lines).toContain('hour 720');
  });

  it('cuts lines at maxLineChars (the player log takes longer lines than a browser\'s stderr)', () => {
    const { disk, io } = rotatingDisk();
    const log = openRotatingLog(FILE, { io, maxLineChars: 10_000 });
    log.write(`${'x'.repeat(9_000)}\n`);
    expect(disk.text(FILE).length).toBe(9_001);
  });

  it('writes only whole lines, joining the pieces a pipe delivers, and the last one on close', () => {
    const { disk, io } = rotatingDisk();
    const log = openRotatingLog(FILE, { io });
    log.write('[1:1:ERROR:ozone_platform_x11.cc:257] Missing X ');
    expect(disk.text(FILE)).toBe('');
    log.write('server or $DISPLAY\n[1:1:ERROR:env.cc:253] The platform');
    expect(disk.text(FILE)).toBe('[1:1:ERROR:ozone_platform_x11.cc:257] Missing X server or $DISPLAY\n');
    log.close();
    expect(disk.text(FILE)).toBe('[1:1:ERROR:ozone_platform_x11.cc:257] Missing X server or $DISPLAY\n[1:1:ERROR:env.cc:253] The platform\n');
  });

  it('cuts a line without end, so a process printing no newline cannot fill memory or a file', () => {
    const { disk, io } = rotatingDisk();
    const log = openRotatingLog(FILE, { io });
    for (let n = 0; n < 100; n++) log.write('x'.repeat(1_000));
    log.write('\n');
    expect(disk.text(FILE).length).toBe(4_097);
  });

  it('drops what a full disk cannot take, with no torn line, counted in health; resumes when space returns', () => {
    const { disk, io } = rotatingDisk();
    const health = createHealth({ now: () => 0, log: quiet });
    const log = openRotatingLog(FILE, { io, name: 'kiosk-browser-log', health: () => health });
    log.write('one\n');
    disk.free = 3;
    log.write('two lines\nat once\n');
    expect(disk.text(FILE)).toBe('one\n');
    expect(health.view().classes.disk.active).toEqual([
      expect.objectContaining({ key: 'kiosk-browser-log', message: 'kiosk-browser-log: cannot write (ENOSPC), 2 lines dropped' }),
    ]);
    disk.free = Infinity;
    log.write('three\n');
    expect(disk.text(FILE)).toBe('one\nthree\n');
    expect(health.view().classes.disk.active).toEqual([]);
  });

  it('never throws when its folder cannot be made, its file opened or rotated', () => {
    const { disk, io } = rotatingDisk();
    const log = openRotatingLog(FILE, { io, maxBytes: 10 });
    disk.fail.mkdir = 'EROFS';
    expect(() => log.write('a\n')).not.toThrow();
    disk.fail.mkdir = null;
    log.write('123456789\n');
    io.rename = () => {
      throw Object.assign(new Error('EIO: fake disk'), { code: 'EIO' });
    };
    // The file is full and cannot be rotated: the line is dropped rather than the bound broken.
    expect(() => log.write('b\n')).not.toThrow();
    expect(disk.text(FILE)).toBe('123456789\n');
  });

  it('lets a bug through: only the file system\'s own errors are dropped', () => {
    const { io } = rotatingDisk();
    io.write = () => {
      throw new TypeError('not a disk fault');
    };
    expect(() => openRotatingLog(FILE, { io }).write('x\n')).toThrow(TypeError);
  });
});

describe('rotating log on a real disk', () => {
  let dir = '';
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('rotates real files and mends a torn last line left by an earlier run', () => {
    dir = mkdtempSync(path.join(tmpdir(), 'hallcast-rotating-'));
    const file = path.join(dir, 'log', 'chromium.log');
    const log = openRotatingLog(file, { maxBytes: 20, files: 2 });
    log.write('first run line\n');
    log.close();
    writeFileSync(file, 'first run line\ntorn');
    const again = openRotatingLog(file, { maxBytes: 40, files: 2 });
    again.write('second run\n');
    again.write('x'.repeat(30) + '\n');
    again.close();
    expect(readdirSync(path.join(dir, 'log')).sort()).toEqual(['chromium.log', 'chromium.log.1']);
    expect(readFileSync(`${file}.1`, 'utf8')).toBe('first run line\ntorn\nsecond run\n');
    expect(readFileSync(file, 'utf8')).toBe('x'.repeat(30) + '\n');
  });
});
