/**
 * A disk in memory for the append-only logs' tests: it has `free` bytes left, takes only what
 * fits of a write (as a real full disk does) and then refuses with ENOSPC, and can be told to fail
 * a sync, a truncation, an open or a mkdir with a given code.
 */
import path from 'node:path';
import type { AppendIo } from './append-io.js';

export interface FakeDisk extends AppendIo {
  files: Map<string, Buffer>;
  /** Bytes the disk still takes. */
  free: number;
  /** Errno codes the next calls of each step throw (until set back to null). */
  fail: { sync: string | null; truncate: string | null; open: string | null; mkdir: string | null };
  text(file: string): string;
}

const errno = (code: string): Error => Object.assign(new Error(`${code}: fake disk`), { code });

export function fakeDisk(free = Infinity): FakeDisk {
  const files = new Map<string, Buffer>();
  const open = new Map<number, string>();
  let nextFd = 10;
  const fileOf = (fd: number): string => {
    const file = open.get(fd);
    if (file === undefined) throw errno('EBADF');
    return file;
  };
  const disk: FakeDisk = {
    files,
    free,
    fail: { sync: null, truncate: null, open: null, mkdir: null },
    text: (file) => files.get(file)?.toString('utf8') ?? '',
    mkdir() {
      if (disk.fail.mkdir) throw errno(disk.fail.mkdir);
    },
    open(file) {
      if (disk.fail.open) throw errno(disk.fail.open);
      if (!files.has(file)) files.set(file, Buffer.alloc(0));
      open.set(nextFd, path.normalize(file));
      return nextFd++;
    },
    size: (fd) => files.get(fileOf(fd))!.length,
    byteAt: (fd, position) => files.get(fileOf(fd))![position] ?? -1,
    write(fd, data, offset) {
      const file = fileOf(fd);
      const take = Math.min(data.length - offset, disk.free);
      if (take <= 0) throw errno('ENOSPC');
      disk.free -= take;
      files.set(file, Buffer.concat([files.get(file)!, data.subarray(offset, offset + take)]));
      return take;
    },
    sync(fd) {
      fileOf(fd);
      if (disk.fail.sync) throw errno(disk.fail.sync);
    },
    truncate(fd, size) {
      const file = fileOf(fd);
      if (disk.fail.truncate) throw errno(disk.fail.truncate);
      const bytes = files.get(file)!;
      disk.free += Math.max(0, bytes.length - size);
      files.set(file, bytes.subarray(0, size));
    },
    close(fd) {
      fileOf(fd);
      open.delete(fd);
    },
  };
  return disk;
}
