import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { APP_CSP, createAppProtocolHandler, isAppUrl } from './app-protocol.js';
import { recordingLog } from './fake-electron.test-support.js';

let root: string;
const clip = Buffer.from(Array.from({ length: 1000 }, (_, i) => i % 251));
const log = recordingLog();
let handle: (request: Request) => Promise<Response>;
const get = (url: string, headers: Record<string, string> = {}, method = 'GET') => handle(new Request(url, { headers, method }));

beforeAll(() => {
  root = mkdtempSync(path.join(tmpdir(), 'hallcast-protocol-'));
  mkdirSync(path.join(root, 'renderer'));
  writeFileSync(path.join(root, 'renderer', 'index.html'), '<!doctype html><title>hall</title>');
  writeFileSync(path.join(root, 'renderer', 'app.js'), 'console.log(1)');
  mkdirSync(path.join(root, 'assets', 'video'), { recursive: true });
  writeFileSync(path.join(root, 'assets', 'video', 'clip.mp4'), clip);
  writeFileSync(path.join(root, 'assets', 'video', 'empty.mp4'), '');
  writeFileSync(path.join(root, 'secret.txt'), 'the hall manager password');
  symlinkSync(path.join(root, 'secret.txt'), path.join(root, 'assets', 'video', 'link-out.mp4'));
  symlinkSync(path.join(root, 'assets', 'video', 'clip.mp4'), path.join(root, 'assets', 'link-in.mp4'));
  mkdirSync(path.join(root, 'speech'));
  writeFileSync(path.join(root, 'speech', `zh-CN-${'a'.repeat(32)}.wav`), clip);
  handle = createAppProtocolHandler({ rendererDir: path.join(root, 'renderer'), assetsDir: path.join(root, 'assets'), speechDir: path.join(root, 'speech'), log });
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('the hallcast://app/ protocol handler', () => {
  it('serves rendered speech under /speech/ by the cache\'s own names only', async () => {
    const ok = await get(`hallcast://app/speech/zh-CN-${'a'.repeat(32)}.wav`);
    expect(ok.status).toBe(200);
    expect(ok.headers.get('content-type')).toBe('audio/wav');
    expect(Buffer.from(await ok.arrayBuffer())).toStrictEqual(clip);
    for (const bad of [`speech/zh-CN-${'b'.repeat(32)}.wav`, 'speech/..%2fsecret.txt', 'speech/x.wav', 'speech/%2e%2e/secret.txt']) {
      expect((await get(`hallcast://app/${bad}`)).status, bad).toBe(404);
    }
  });

  it('serves the renderer page at / with the CSP', async () => {
    const response = await get('hallcast://app/');
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('<title>hall</title>');
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('content-security-policy')).toBe(APP_CSP);
    expect(APP_CSP).toContain("connect-src 'self';");
    expect(APP_CSP).toContain("script-src 'self';");
  });

  it('serves renderer scripts without a CSP header, as JavaScript', async () => {
    const response = await get('hallcast://app/app.js');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(response.headers.get('content-security-policy')).toBeNull();
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('serves a real media file whole', async () => {
    const response = await get('hallcast://app/media/video/clip.mp4');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('video/mp4');
    expect(response.headers.get('accept-ranges')).toBe('bytes');
    expect(response.headers.get('content-length')).toBe('1000');
    expect(Buffer.from(await response.arrayBuffer()).equals(clip)).toBe(true);
  });

  it('answers a Range request with 206 and exactly those bytes', async () => {
    const response = await get('hallcast://app/media/video/clip.mp4', { Range: 'bytes=300-309' });
    expect(response.status).toBe(206);
    expect(response.headers.get('content-range')).toBe('bytes 300-309/1000');
    expect(response.headers.get('content-length')).toBe('10');
    expect([...Buffer.from(await response.arrayBuffer())]).toStrictEqual([...clip.subarray(300, 310)]);
  });

  it('answers an open-ended seek and a suffix range', async () => {
    const open = await get('hallcast://app/media/video/clip.mp4', { Range: 'bytes=990-' });
    expect(open.status).toBe(206);
    expect(open.headers.get('content-range')).toBe('bytes 990-999/1000');
    expect(Buffer.from(await open.arrayBuffer()).equals(clip.subarray(990))).toBe(true);
    const suffix = await get('hallcast://app/media/video/clip.mp4', { Range: 'bytes=-4' });
    expect(suffix.headers.get('content-range')).toBe('bytes 996-999/1000');
    expect(Buffer.from(await suffix.arrayBuffer()).equals(clip.subarray(996))).toBe(true);
  });

  it('answers a range past the end with 416 and the size', async () => {
    const response = await get('hallcast://app/media/video/clip.mp4', { Range: 'bytes=1000-' });
    expect(response.status).toBe(416);
    expect(response.headers.get('content-range')).toBe('bytes */1000');
  });

  it('answers HEAD with the headers and no body', async () => {
    const response = await get('hallcast://app/media/video/clip.mp4', {}, 'HEAD');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-length')).toBe('1000');
    expect((await response.arrayBuffer()).byteLength).toBe(0);
  });

  it('serves an empty file', async () => {
    const response = await get('hallcast://app/media/video/empty.mp4');
    expect(response.status).toBe(200);
    expect((await response.arrayBuffer()).byteLength).toBe(0);
  });

  it('follows a link that stays inside the assets folder', async () => {
    const response = await get('hallcast://app/media/link-in.mp4', { Range: 'bytes=0-1' });
    expect(response.status).toBe(206);
    expect([...Buffer.from(await response.arrayBuffer())]).toStrictEqual([0, 1]);
  });

  it.each([
    ['an encoded ../ out of the assets', 'hallcast://app/media/%2e%2e%2fsecret.txt'],
    ['an encoded ../ out of the renderer', 'hallcast://app/%2e%2e%2fsecret.txt'],
    ['a ../ from media into the renderer', 'hallcast://app/media/%2e%2e%2frenderer%2findex.html'],
    ['a symbolic link out of the assets', 'hallcast://app/media/video/link-out.mp4'],
    ['an absolute path', 'hallcast://app/media/%2fetc%2fpasswd'],
    ['a NUL byte', 'hallcast://app/media/video/clip.mp4%00.png'],
    ['a backslash', 'hallcast://app/media/video%5cclip.mp4'],
    ['a malformed escape', 'hallcast://app/media/%E0%A4%A'],
    ['a missing file', 'hallcast://app/media/video/nope.mp4'],
    ['a folder', 'hallcast://app/media/video'],
    ['the media root', 'hallcast://app/media/'],
    ['another host on the scheme', 'hallcast://evil/index.html'],
  ])('refuses %s with 404', async (_what, url) => {
    const response = await get(url);
    expect(response.status).toBe(404);
    expect(await response.text()).not.toContain('password');
  });

  it('logs an escape attempt', async () => {
    await get('hallcast://app/media/%2e%2e%2fsecret.txt');
    expect(log.lines.some((l) => l.message === 'refused a display request outside its folder' && String(l.fields?.url).includes('secret'))).toBe(true);
  });

  it('refuses writes', async () => {
    const response = await handle(new Request('hallcast://app/media/video/clip.mp4', { method: 'POST', body: 'x' }));
    expect(response.status).toBe(405);
  });
});

describe('isAppUrl', () => {
  it.each([
    ['hallcast://app/', true],
    ['hallcast://app/index.html?x=1#y', true],
    ['hallcast://app.evil.com/', false],
    ['hallcast://evil/', false],
    ['https://app/', false],
    ['file:///etc/passwd', false],
    ['not a url', false],
  ])('%s → %s', (url, expected) => {
    expect(isAppUrl(url)).toBe(expected);
  });
});
