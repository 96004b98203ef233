/**
 * A disk that fills up, for real: a tmpfs of a few hundred KB mounted on a folder. Mounting needs
 * root (CAP_SYS_ADMIN); elsewhere `mountSmallDisk` says why it could not, and the test that needs it
 * is skipped (the 507 path is also covered in-process by electron/host/services/console's unit tests).
 */
import { spawnSync } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

/** Why no small disk can be mounted here (not root, no tmpfs), or null when one can. */
export function smallDiskRefusal(): string | null {
  const probe = mkdtempSync(path.join(tmpdir(), 'hallcast-disk-probe-'));
  const refused = mountSmallDisk(probe, 64 * 1024);
  if (!refused) unmountSmallDisk(probe);
  rmSync(probe, { recursive: true, force: true });
  return refused;
}

/** Mounts a tmpfs of `bytes` on `folder` (which must exist); null when mounted, else the reason. */
export function mountSmallDisk(folder: string, bytes: number): string | null {
  const mounted = spawnSync('mount', ['-t', 'tmpfs', '-o', `size=${bytes},mode=0755`, 'tmpfs', folder], { encoding: 'utf8' });
  if (mounted.error) return `mount: ${mounted.error.message}`;
  return mounted.status === 0 ? null : `mount -t tmpfs failed (${mounted.status}): ${mounted.stderr.trim()}`;
}

/** Lazily, so a watcher the player still holds cannot keep the test's folder mounted. */
export function unmountSmallDisk(folder: string): void {
  spawnSync('umount', ['-l', folder]);
}

/** Writes `file` until the disk refuses another byte (ENOSPC); returns the bytes written. */
export function fillDisk(file: string): number {
  const fd = openSync(file, 'w');
  let written = 0;
  try {
    // Big blocks first, then ever smaller ones, so not even a page of the disk is left.
    for (const size of [64 * 1024, 4096, 1]) {
      const block = Buffer.alloc(size, 0x20);
      for (;;) {
        try {
          written += writeSync(fd, block);
        } catch (error) {
          if ((error as NodeJS.ErrnoException).code === 'ENOSPC') break;
          throw error;
        }
      }
    }
  } finally {
    closeSync(fd);
  }
  return written;
}
