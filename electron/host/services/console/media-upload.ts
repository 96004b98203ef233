/**
 * Receives one uploaded media file as a stream, never holding it in memory: each chunk is counted,
 * hashed (sha256) and written to a hidden temporary file in the library folder. Refused as early as
 * possible, the temporary file deleted: a declared or actual size over the limit (413), a name the
 * player cannot play or content that does not match it (415, decided on the first bytes), a full
 * disk (507), an interrupted upload (400).
 */
import type { Refusal } from '../../../contract/refusal.js';
import { createHash, randomBytes } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { open, unlink, type FileHandle } from 'node:fs/promises';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { diskIo, isDiskFull, type WriteIo } from './atomic-file.js';
import { checkMedia, mediaTypeOfName, SNIFF_BYTES, unsupportedName, type MediaType } from '../../../contract/media-types.js';

export const DEFAULT_MAX_UPLOAD_BYTES = 512 * 1024 * 1024;

export type Received =
  | { ok: true; temp: string; sha256: string; bytes: number; type: MediaType }
  | Refusal<'too-large' | 'unsupported-media' | 'disk-full' | 'interrupted'>;

export interface Upload {
  body: Readable;
  /** The file's own name, already reduced to its last part (uploadName). */
  name: string;
  /** Content-Length, when the client sent one. */
  declaredBytes: number | null;
  /** Where the temporary file goes: the library folder, so the finished file is moved, not copied. */
  folder: string;
  maxBytes: number;
  io?: WriteIo;
}

/** `../../x.mp4` → `x.mp4`: the last part of whatever path a browser or script sent, never a path. */
export function uploadName(raw: string): string {
  const last = raw.split(/[/\\]/).pop() ?? '';
  // eslint-disable-next-line no-control-regex
  return last.replace(/[\u0000-\u001f\u007f]/g, '').trim().replace(/^\.+/, '').slice(-200);
}

export async function receiveMedia(upload: Upload): Promise<Received> {
  const io = upload.io ?? diskIo;
  // A client breaking off is answered below (or was already); its error must not also go unhandled.
  upload.body.on('error', () => undefined);
  const tooBig = (): Received => ({ ok: false, reason: 'too-large', error: `"${upload.name}" is over the upload limit of ${megabytes(upload.maxBytes)}: nothing was kept` });
  if (!mediaTypeOfName(upload.name)) return { ok: false, reason: 'unsupported-media', error: unsupportedName(upload.name) };
  if (upload.declaredBytes !== null && upload.declaredBytes > upload.maxBytes) return tooBig();

  mkdirSync(upload.folder, { recursive: true });
  const temp = path.join(upload.folder, `.upload-${randomBytes(8).toString('hex')}.part`);
  const handle: FileHandle = await open(temp, 'wx', 0o644);
  let isOpen = true;
  const close = async (): Promise<void> => {
    if (isOpen) await handle.close().catch(() => undefined);
    isOpen = false;
  };
  const refuse = async (answer: Received): Promise<Received> => {
    await close();
    await unlink(temp).catch(() => undefined);
    return answer;
  };

  const hash = createHash('sha256');
  let bytes = 0;
  let head: Buffer | null = Buffer.alloc(0);
  let type: MediaType | null = null;
  const checkHead = (): Received | null => {
    const check = checkMedia(upload.name, head!);
    head = null;
    if (!check.ok) return { ok: false, reason: 'unsupported-media', error: check.error };
    type = check.type;
    return null;
  };
  try {
    // Not destroyed on an early return: the request stays open so the refusal can still be sent.
    for await (const chunk of upload.body.iterator({ destroyOnReturn: false }) as AsyncIterable<Buffer>) {
      bytes += chunk.length;
      if (bytes > upload.maxBytes) return await refuse(tooBig());
      if (head) {
        head = Buffer.concat([head, chunk.subarray(0, SNIFF_BYTES)]);
        const refused = head.length >= SNIFF_BYTES ? checkHead() : null;
        if (refused) return await refuse(refused);
      }
      hash.update(chunk);
      await io.write(handle, chunk);
    }
    const refused = head ? checkHead() : null;
    if (refused) return await refuse(refused);
    await io.sync(handle);
    await close();
  } catch (error) {
    if (isDiskFull(error)) return refuse({ ok: false, reason: 'disk-full', error: `the disk is full: "${upload.name}" was not kept (free some space on the player, then upload again)` });
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ECONNRESET' || code === 'ERR_STREAM_PREMATURE_CLOSE' || (error as Error).message === 'aborted') {
      return refuse({ ok: false, reason: 'interrupted', error: `the upload of "${upload.name}" was interrupted: nothing was kept` });
    }
    await refuse({ ok: false, reason: 'interrupted', error: '' });
    throw error;
  }
  return { ok: true, temp, sha256: hash.digest('hex'), bytes, type: type! };
}

export function megabytes(bytes: number): string {
  return `${Math.round((bytes / 1048576) * 10) / 10} MB`;
}
