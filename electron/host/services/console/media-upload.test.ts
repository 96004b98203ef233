import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { diskIo, type WriteIo } from './atomic-file.js';
import { receiveMedia, uploadName } from './media-upload.js';
import { zeroStream } from './zero-stream.test-support.js';

const MP4_HEAD = Buffer.concat([Buffer.from([0, 0, 0, 0x18]), Buffer.from('ftypisom\0\0\0\0isomavc1', 'latin1')]);
const GB = 1024 ** 3;
const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});
function folder(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'hallcast-upload-'));
  dirs.push(dir);
  return path.join(dir, 'library');
}

describe('upload names', () => {
  it('keeps the last part of a path, never the path', () => {
    expect(uploadName('../../x.mp4')).toBe('x.mp4');
    expect(uploadName('..\\..\\windows\\x.mp4')).toBe('x.mp4');
    expect(uploadName('/etc/passwd')).toBe('passwd');
    expect(uploadName('..')).toBe('');
    expect(uploadName('.hidden.mp4')).toBe('hidden.mp4');
    expect(uploadName('new\nline\u0000.mp4')).toBe('newline.mp4');
    expect(uploadName('大厅欢迎.mp4')).toBe('大厅欢迎.mp4');
  });
});

describe('receiving an upload', () => {
  it('streams to a temporary file while hashing', async () => {
    const dir = folder();
    const body = Buffer.concat([MP4_HEAD, Buffer.alloc(300_000, 7)]);
    const received = await receiveMedia({ body: Readable.from([body.subarray(0, 10), body.subarray(10)]), name: 'clip.mp4', declaredBytes: body.length, folder: dir, maxBytes: 1e6 });
    expect(received).toMatchObject({ ok: true, bytes: body.length, type: { id: 'mp4' } });
    if (!received.ok) return;
    const { createHash } = await import('node:crypto');
    expect(received.sha256).toBe(createHash('sha256').update(body).digest('hex'));
    expect(readFileSync(received.temp).equals(body)).toBe(true);
    expect(path.dirname(received.temp)).toBe(dir);
  });

  it('refuses a declared 2 GB upload before reading any of it', async () => {
    const dir = folder();
    const body = zeroStream(2 * GB, MP4_HEAD);
    const received = await receiveMedia({ body, name: 'huge.mp4', declaredBytes: 2 * GB, folder: dir, maxBytes: 512 * 1024 * 1024 });
    expect(received).toEqual({ ok: false, reason: 'too-large', error: '"huge.mp4" is over the upload limit of 512 MB: nothing was kept' });
    expect(body.pulled()).toBeLessThanOrEqual(64 * 1024);
    body.destroy();
  });

  it('cuts off an undeclared 2 GB upload at the limit and keeps nothing', async () => {
    const dir = folder();
    const body = zeroStream(2 * GB, MP4_HEAD);
    const received = await receiveMedia({ body, name: 'huge.mp4', declaredBytes: null, folder: dir, maxBytes: 4 * 1024 * 1024 });
    expect(received).toMatchObject({ ok: false, reason: 'too-large' });
    // The stream's own buffer ahead of the reader, no more: far from 2 GB.
    expect(body.pulled()).toBeLessThan(5 * 1024 * 1024);
    expect(readdirSync(dir)).toEqual([]);
    body.destroy();
  });

  it('refuses a Windows program renamed .mp4 on its first bytes', async () => {
    const dir = folder();
    const exe = Buffer.concat([Buffer.from('MZ\x90\0', 'latin1'), Buffer.alloc(4096)]);
    const body = zeroStream(GB, exe);
    const received = await receiveMedia({ body, name: 'x.mp4', declaredBytes: null, folder: dir, maxBytes: 2 * GB });
    expect(received).toEqual({ ok: false, reason: 'unsupported-media', error: '"x.mp4" is not an MP4 video: it starts like a Windows program (MZ)' });
    expect(body.pulled()).toBeLessThan(1024 * 1024);
    expect(readdirSync(dir)).toEqual([]);
    body.destroy();
  });

  it('checks a file shorter than the sniffing window at its end', async () => {
    const dir = folder();
    expect(await receiveMedia({ body: Readable.from([Buffer.from('%PDF-1.4')]), name: 'a.png', declaredBytes: null, folder: dir, maxBytes: 1e6 })).toMatchObject({ ok: false, reason: 'unsupported-media', error: '"a.png" is not a PNG image: it starts like a PDF document (%PDF)' });
    expect(await receiveMedia({ body: Readable.from([]), name: 'a.png', declaredBytes: null, folder: dir, maxBytes: 1e6 })).toMatchObject({ ok: false, reason: 'unsupported-media', error: '"a.png" is not a PNG image: it starts like an empty file' });
    expect(readdirSync(dir)).toEqual([]);
  });

  it('refuses a name the player cannot play without creating anything', async () => {
    const dir = folder();
    expect(await receiveMedia({ body: Readable.from([Buffer.from('MZ')]), name: 'setup.exe', declaredBytes: 2, folder: dir, maxBytes: 1e6 })).toMatchObject({ ok: false, reason: 'unsupported-media' });
    expect(existsSync(dir)).toBe(false);
  });

  it('answers 507 on a full disk and leaves no partial file', async () => {
    const dir = folder();
    let written = 0;
    const full: WriteIo = {
      ...diskIo,
      write: async (handle, data) => {
        if (written + data.length > 100_000) throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
        written += data.length;
        await diskIo.write(handle, data);
      },
    };
    const received = await receiveMedia({ body: zeroStream(1_000_000, MP4_HEAD), name: 'clip.mp4', declaredBytes: null, folder: dir, maxBytes: 1e7, io: full });
    expect(received).toEqual({ ok: false, reason: 'disk-full', error: 'the disk is full: "clip.mp4" was not kept (free some space on the player, then upload again)' });
    expect(readdirSync(dir)).toEqual([]);
  });

  it('keeps nothing of an upload the client broke off', async () => {
    const dir = folder();
    const body = new Readable({ read() {} });
    body.push(MP4_HEAD);
    setImmediate(() => body.destroy(Object.assign(new Error('aborted'), { code: 'ECONNRESET' })));
    expect(await receiveMedia({ body, name: 'clip.mp4', declaredBytes: null, folder: dir, maxBytes: 1e6 })).toMatchObject({ ok: false, reason: 'interrupted', error: 'the upload of "clip.mp4" was interrupted: nothing was kept' });
    expect(readdirSync(dir)).toEqual([]);
  });
});
