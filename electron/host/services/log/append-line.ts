/**
 * Appending one line so that a full or failing disk never leaves half of it: the line is written
 * and synced, or the file is cut back to where it ended before. Should even that fail, the next
 * append finds the file not ending in a newline and starts on a fresh line, so a reader loses the
 * torn fragment only, never the record glued after it.
 */
import type { AppendIo } from './append-io.js';

const NEWLINE = 0x0a;

/** Appends `line` (ending in "\n") to `fd`, whole and synced, or throws with the file as it was. */
export function appendLine(io: AppendIo, fd: number, line: string): void {
  const before = io.size(fd);
  const torn = before > 0 && io.byteAt(fd, before - 1) !== NEWLINE;
  const data = Buffer.from(torn ? `\n${line}` : line);
  try {
    for (let offset = 0; offset < data.length; ) {
      const wrote = io.write(fd, data, offset);
      // A write that takes nothing and reports no error would loop for ever.
      if (wrote <= 0) throw Object.assign(new Error('the disk took no bytes'), { code: 'EIO' });
      offset += wrote;
    }
    io.sync(fd);
  } catch (error) {
    try {
      io.truncate(fd, before);
    } catch {
      // Left torn: the next append starts on a fresh line (above).
    }
    throw error;
  }
}
