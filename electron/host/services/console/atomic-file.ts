/**
 * Writing a file so that a crash or a full disk leaves the old file or the new one, never half of
 * one: a temporary file in the same folder, fsync'd, renamed over the target, and the folder
 * fsync'd so the rename itself survives a power cut. A full disk (ENOSPC, EDQUOT) while writing
 * or syncing removes the temporary file and raises DiskFullError; the target is untouched.
 */
import { randomBytes } from 'node:crypto';
import { open, rename, unlink, type FileHandle } from 'node:fs/promises';
import path from 'node:path';

/** The two steps a full disk fails; injected by tests to make the disk full on demand. */
export interface WriteIo {
  write(handle: FileHandle, data: Uint8Array): Promise<void>;
  sync(handle: FileHandle): Promise<void>;
}

export const diskIo: WriteIo = {
  write: async (handle, data) => {
    await handle.writeFile(data);
  },
  sync: (handle) => handle.sync(),
};

export class DiskFullError extends Error {
  constructor(readonly code: string) {
    super(`the disk is full (${code})`);
  }
}

export function isDiskFull(error: unknown): boolean {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  return code === 'ENOSPC' || code === 'EDQUOT';
}

/** Writes `data` to a new temporary file beside `file` and syncs it; returns its path. */
export async function writeBeside(file: string, data: Uint8Array, io: WriteIo = diskIo, mode = 0o644): Promise<string> {
  const temp = path.join(path.dirname(file), `.${path.basename(file)}.${randomBytes(6).toString('hex')}.tmp`);
  let handle: FileHandle | null = null;
  try {
    handle = await open(temp, 'wx', mode);
    await io.write(handle, data);
    await io.sync(handle);
    await handle.close();
    return temp;
  } catch (error) {
    await handle?.close().catch(() => undefined);
    await unlink(temp).catch(() => undefined);
    if (isDiskFull(error)) throw new DiskFullError((error as NodeJS.ErrnoException).code!);
    throw error;
  }
}

/** Puts a file written by writeBeside in place of `file`. */
export async function moveIntoPlace(temp: string, file: string): Promise<void> {
  try {
    await rename(temp, file);
  } catch (error) {
    await unlink(temp).catch(() => undefined);
    throw error;
  }
  await syncFolder(path.dirname(file));
}

export async function writeFileAtomic(file: string, data: Uint8Array, io: WriteIo = diskIo, mode?: number): Promise<void> {
  await moveIntoPlace(await writeBeside(file, data, io, mode), file);
}

/** Makes a rename or an unlink in `dir` durable. Some file systems cannot sync a folder; that is no error. */
export async function syncFolder(dir: string): Promise<void> {
  let handle: FileHandle | null = null;
  try {
    handle = await open(dir, 'r');
    await handle.sync();
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== 'EINVAL' && code !== 'EISDIR' && code !== 'EPERM' && code !== 'EBADF') throw error;
  } finally {
    await handle?.close().catch(() => undefined);
  }
}
