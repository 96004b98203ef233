/**
 * A lazily made stream of zeros (after an optional head), so a test can offer a 2 GB upload
 * without allocating it; `pulled()` says how much the reader actually took.
 */
import { Readable } from 'node:stream';

export function zeroStream(totalBytes: number, head: Buffer = Buffer.alloc(0), chunkBytes = 64 * 1024): Readable & { pulled(): number } {
  let sent = 0;
  const chunk = Buffer.alloc(chunkBytes);
  const stream = new Readable({
    read() {
      if (sent >= totalBytes) return void this.push(null);
      const first = sent === 0 && head.length > 0 ? Buffer.concat([head, chunk.subarray(head.length)]) : chunk;
      const piece = first.subarray(0, Math.min(chunkBytes, totalBytes - sent));
      sent += piece.length;
      this.push(piece);
    },
  });
  return Object.assign(stream, { pulled: () => sent });
}
