/**
 * The few file operations an append-only log needs, so tests can hand it a disk that fills up,
 * writes half a line or fails to sync (see fake-disk.test-support.ts).
 */
import { closeSync, fstatSync, fsyncSync, ftruncateSync, mkdirSync, openSync, readSync, writeSync } from 'node:fs';

export interface AppendIo {
  mkdir(dir: string): void;
  /** Opens for appending and reading (the last byte tells whether an earlier line was torn). */
  open(file: string): number;
  size(fd: number): number;
  /** The byte at `position`. */
  byteAt(fd: number, position: number): number;
  /** Writes from `data[offset]` on; returns how many bytes went (a full disk may take only some). */
  write(fd: number, data: Uint8Array, offset: number): number;
  sync(fd: number): void;
  truncate(fd: number, size: number): void;
  close(fd: number): void;
}

export const diskAppendIo: AppendIo = {
  mkdir: (dir) => void mkdirSync(dir, { recursive: true }),
  open: (file) => openSync(file, 'a+'),
  size: (fd) => fstatSync(fd).size,
  byteAt(fd, position) {
    const one = Buffer.alloc(1);
    return readSync(fd, one, 0, 1, position) === 1 ? one[0]! : -1;
  },
  write: (fd, data, offset) => writeSync(fd, data, offset, data.length - offset),
  sync: (fd) => fsyncSync(fd),
  truncate: (fd, size) => ftruncateSync(fd, size),
  close: (fd) => closeSync(fd),
};

/** Closes a log's file. A file whose last write failed may report that failure again on close: nothing is left to do then. */
export function closeQuietly(io: AppendIo, fd: number): void {
  try {
    io.close(fd);
  } catch {
    // already counted by the write that failed
  }
}
