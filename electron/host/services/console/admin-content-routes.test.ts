import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { diskIo, type WriteIo } from './atomic-file.js';
import { consoleHall, type ConsoleHall } from '../../channels/http/console/console-hall.test-support.js';
import { zeroStream } from './zero-stream.test-support.js';

const halls: ConsoleHall[] = [];
afterEach(async () => {
  for (const hall of halls.splice(0)) await hall.close();
});
async function setup(...args: Parameters<typeof consoleHall>) {
  const hall = await consoleHall(...args);
  halls.push(hall);
  return { ...hall, ...(await hall.signIn()) };
}

const MP4 = Buffer.concat([Buffer.from([0, 0, 0, 0x18]), Buffer.from('ftypisom\0\0\0\0isomavc1', 'latin1'), Buffer.alloc(2000, 1)]);
const GB = 1024 ** 3;
const morning = (title: string) => ({ $schema: '../schema/programme.schema.json', title: { 'zh-CN': title, en: 'Morning' }, items: [{ type: 'text', duration: 5, title: { 'zh-CN': '早上好' } }] });

describe('console: playlist files', () => {
  it('lists, reads and saves a file; the player plays the change at once', async () => {
    const { app, headers, host } = await setup();
    const files = (await app.inject({ method: 'GET', url: '/admin/api/files', headers })).json().files;
    expect(files).toContainEqual({ path: 'programmes/morning.json', kind: 'programme', version: expect.stringMatching(/^[0-9a-f]{64}$/) });
    const opened = (await app.inject({ method: 'GET', url: '/admin/api/files/programmes/morning.json', headers })).json();
    expect(opened.content.title['zh-CN']).toBe('早间节目');
    const saved = await app.inject({ method: 'PUT', url: '/admin/api/files/programmes/morning.json', headers, payload: { content: morning('新节目'), baseVersion: opened.version } });
    expect(saved.statusCode).toBe(200);
    expect(saved.json()).toMatchObject({ applied: true, version: expect.stringMatching(/^[0-9a-f]{64}$/) });
    expect(host.applied()!.config.programmes.morning!.title['zh-CN']).toBe('新节目');
    expect(host.status().programme).toEqual({ id: 'morning', title: { 'zh-CN': '新节目', en: 'Morning' } });
    expect((await app.inject({ method: 'GET', url: '/admin/api/files/secrets.json', headers })).statusCode).toBe(404);
    expect((await app.inject({ method: 'PUT', url: '/admin/api/files/..%2F..%2Fetc%2Fpasswd', headers, payload: { content: {}, baseVersion: null } })).statusCode).toBe(404);
    expect((await app.inject({ method: 'PUT', url: '/admin/api/files/ticker.json', headers, payload: { content: {} } })).statusCode).toBe(400);
  });

  it('gives the second of two saves with the same base version 409', async () => {
    const { app, headers, root } = await setup();
    const { version } = (await app.inject({ method: 'GET', url: '/admin/api/files/programmes/morning.json', headers })).json();
    const [a, b] = await Promise.all(
      ['甲', '乙'].map((title) => app.inject({ method: 'PUT', url: '/admin/api/files/programmes/morning.json', headers, payload: { content: morning(title), baseVersion: version } })),
    );
    expect([a!.statusCode, b!.statusCode].sort()).toEqual([200, 409]);
    const loser = a!.statusCode === 409 ? a! : b!;
    expect(loser.json()).toEqual({ reason: 'stale-version', error: expect.stringMatching(/changed by someone else since you opened it/), version: expect.stringMatching(/^[0-9a-f]{64}$/) });
    const winner = a!.statusCode === 200 ? '甲' : '乙';
    expect(JSON.parse(readFileSync(path.join(root, 'playlists/programmes/morning.json'), 'utf8')).title['zh-CN']).toBe(winner);
  });

  it('refuses a change that would break the hall with 422 and the pointers of the findings', async () => {
    const { app, headers } = await setup();
    const { version } = (await app.inject({ method: 'GET', url: '/admin/api/files/programmes/welcome.json', headers })).json();
    const response = await app.inject({ method: 'PUT', url: '/admin/api/files/programmes/welcome.json', headers, payload: { content: { title: { 'zh-CN': 'x' }, items: [{ type: 'image', src: 'images/slide.png', duration: -1 }] }, baseVersion: version } });
    expect(response.statusCode).toBe(422);
    expect(response.json().diagnostics).toContainEqual(expect.objectContaining({ file: 'programmes/welcome.json', pointer: '/items/0/duration', severity: 'error' }));
    const removal = await app.inject({ method: 'DELETE', url: '/admin/api/files/programmes/morning.json', headers, payload: { baseVersion: (await app.inject({ method: 'GET', url: '/admin/api/files/programmes/morning.json', headers })).json().version } });
    expect(removal.statusCode).toBe(422);
    expect(removal.json().diagnostics).toContainEqual(expect.objectContaining({ file: 'schedule.json', pointer: '/entries/0/programme' }));
  });

  it('answers 507 on a full disk and leaves no partial file', async () => {
    let full = false;
    const io: WriteIo = {
      ...diskIo,
      write: async (handle, data) => {
        if (!full) return diskIo.write(handle, data);
        await handle.write(data.subarray(0, 5));
        throw Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' });
      },
    };
    const { app, headers, root } = await setup({ adminTuning: { scryptCost: { N: 1024, r: 8, p: 1 }, ffprobe: null, io } });
    const file = path.join(root, 'playlists/ticker.json');
    const before = readFileSync(file, 'utf8');
    const { version } = (await app.inject({ method: 'GET', url: '/admin/api/files/ticker.json', headers })).json();
    full = true;
    const response = await app.inject({ method: 'PUT', url: '/admin/api/files/ticker.json', headers, payload: { content: { speed: 90, notices: [] }, baseVersion: version } });
    expect(response.statusCode).toBe(507);
    expect(response.json().error).toMatch(/^the disk is full: nothing was saved/);
    expect(readFileSync(file, 'utf8')).toBe(before);
    expect(readdirSync(path.dirname(file)).filter((n) => n.startsWith('.'))).toEqual([]);
  });

  it('keeps a history with diffs, and rolls a change back', async () => {
    const { app, headers, root } = await setup();
    const file = path.join(root, 'playlists/programmes/morning.json');
    const original = readFileSync(file, 'utf8');
    const { version } = (await app.inject({ method: 'GET', url: '/admin/api/files/programmes/morning.json', headers })).json();
    await app.inject({ method: 'PUT', url: '/admin/api/files/programmes/morning.json', headers, payload: { content: morning('改'), baseVersion: version } });
    const [entry] = (await app.inject({ method: 'GET', url: '/admin/api/history', headers })).json().entries;
    expect(entry).toEqual({ id: expect.stringMatching(/^\d{8}T\d{9}Z-0001$/), at: Date.parse('2026-12-01T10:17:00+08:00'), path: 'programmes/morning.json', action: 'save', before: version, after: expect.any(String) });
    const detail = (await app.inject({ method: 'GET', url: `/admin/api/history/${entry.id}`, headers })).json();
    expect(detail.diff).toContain('-  "title": { "zh-CN": "早间节目", "en": "Morning" },');
    expect(detail.diff).toContain('+    "zh-CN": "改",');
    const rollback = await app.inject({ method: 'POST', url: `/admin/api/history/${entry.id}/rollback`, headers, payload: {} });
    expect(rollback.statusCode).toBe(200);
    expect(readFileSync(file, 'utf8')).toBe(original);
    expect((await app.inject({ method: 'GET', url: '/admin/api/history', headers })).json().entries.map((e: { action: string }) => e.action)).toEqual(['rollback', 'save']);
    expect((await app.inject({ method: 'GET', url: '/admin/api/history/nope', headers })).statusCode).toBe(404);
  });
});

describe('console: media library', () => {
  const upload = (hall: Awaited<ReturnType<typeof setup>>, name: string, payload: Buffer | NodeJS.ReadableStream, extra: Record<string, string> = {}) =>
    hall.app.inject({ method: 'POST', url: `/admin/api/media?name=${encodeURIComponent(name)}`, headers: { ...hall.headers, 'content-type': 'video/mp4', ...extra }, payload: payload as Buffer });

  it('stores an upload under its hash, reduces a path to its name, and lists it', async () => {
    const hall = await setup();
    const response = await upload(hall, '../../x.mp4', MP4);
    expect(response.statusCode).toBe(201);
    const sha = createHash('sha256').update(MP4).digest('hex');
    expect(response.json()).toEqual({ path: `library/${sha.slice(0, 16)}.mp4`, kind: 'video', bytes: MP4.length, sha256: sha, name: 'x.mp4', durationSeconds: null, width: null, height: null, videoCodec: null, usedBy: [], duplicate: false });
    expect(readFileSync(path.join(hall.root, 'assets', response.json().path)).equals(MP4)).toBe(true);
    expect(existsSync(path.join(hall.root, 'x.mp4'))).toBe(false);
    expect(existsSync(path.resolve(hall.root, 'assets', '../../x.mp4'))).toBe(false);
    expect((await upload(hall, 'again.mp4', MP4)).json()).toMatchObject({ path: response.json().path, name: 'x.mp4', duplicate: true });
    const listed = (await hall.app.inject({ method: 'GET', url: '/admin/api/media', headers: hall.headers })).json();
    expect(listed.media.map((m: { path: string }) => m.path)).toEqual(['images/slide.png', `library/${sha.slice(0, 16)}.mp4`, 'video/clip.mp4']);
    expect(listed.unused).toEqual([`library/${sha.slice(0, 16)}.mp4`]);
    // Any content type, or none, is taken as the raw file.
    expect((await upload(hall, 'y.mp4', MP4, { 'content-type': 'application/octet-stream' })).statusCode).toBe(201);
    expect((await hall.app.inject({ method: 'POST', url: '/admin/api/media?name=z.mp4', headers: hall.headers, payload: MP4 })).statusCode).toBe(201);
  });

  it('refuses an .exe renamed .mp4 (415), saying what it is', async () => {
    const hall = await setup();
    const response = await upload(hall, 'x.mp4', Buffer.concat([Buffer.from('MZ\x90\0', 'latin1'), Buffer.alloc(4000)]));
    expect(response.statusCode).toBe(415);
    expect(response.json()).toEqual({ reason: 'unsupported-media', error: '"x.mp4" is not an MP4 video: it starts like a Windows program (MZ)' });
    expect((await upload(hall, 'setup.exe', MP4)).statusCode).toBe(415);
    expect(readdirSync(path.join(hall.root, 'assets/library'))).toEqual([]);
  });

  it('refuses a 2 GB upload early (413) and keeps nothing', async () => {
    const hall = await setup();
    const declared = zeroStream(2 * GB, MP4);
    const refused = await upload(hall, 'big.mp4', declared, { 'content-length': String(2 * GB) });
    expect(refused.statusCode).toBe(413);
    expect(refused.json()).toEqual({ reason: 'too-large', error: '"big.mp4" is over the upload limit of 512 MB: nothing was kept', limit: '512 MB' });
    expect(refused.headers.connection).toBe('close');
    expect(declared.pulled()).toBeLessThan(1024 * 1024);
    declared.destroy();
    expect(existsSync(path.join(hall.root, 'assets/library')) ? readdirSync(path.join(hall.root, 'assets/library')) : []).toEqual([]);
  });

  it('cuts off an undeclared upload at the configured limit (413) and keeps nothing', async () => {
    const hall = await setup({ adminMaxUploadBytes: 8 * 1024 * 1024 });
    const chunked = zeroStream(2 * GB, MP4);
    const refused = await upload(hall, 'big.mp4', chunked);
    expect(refused.statusCode).toBe(413);
    expect(refused.json().limit).toBe('8 MB');
    expect(chunked.pulled()).toBeLessThan(16 * 1024 * 1024);
    chunked.destroy();
    expect(readdirSync(path.join(hall.root, 'assets/library'))).toEqual([]);
  });

  it('refuses to delete media in use (409) and deletes what is not', async () => {
    const hall = await setup();
    const used = await hall.app.inject({ method: 'DELETE', url: '/admin/api/media/video/clip.mp4', headers: hall.headers });
    expect(used.statusCode).toBe(409);
    expect(used.json()).toEqual({ reason: 'in-use', error: '"video/clip.mp4" is used by programme welcome: take it out of them first', usedBy: ['welcome'] });
    const { path: uploaded } = (await upload(hall, 'x.mp4', MP4)).json();
    expect((await hall.app.inject({ method: 'DELETE', url: `/admin/api/media/${uploaded}`, headers: hall.headers })).statusCode).toBe(200);
    expect(existsSync(path.join(hall.root, 'assets', uploaded))).toBe(false);
  });
});

describe('console: the hall now', () => {
  it('gives the status with the whole PA queue, the timeline, and announces like /api/announce', async () => {
    const { app, headers } = await setup();
    const status = (await app.inject({ method: 'GET', url: '/admin/api/status', headers })).json();
    expect(status.programme.id).toBe('morning');
    expect(status.announcements).toMatchObject({ current: null, pending: [], recent: [] });
    const timeline = await app.inject({ method: 'GET', url: '/admin/api/timeline?date=2026-12-01', headers });
    expect(timeline.json().rows.map((r: { time: string }) => r.time)).toEqual(['00:00', '08:30', '11:30', '14:00']);
    expect((await app.inject({ method: 'GET', url: '/admin/api/timeline?date=2026-13-01', headers })).statusCode).toBe(400);
    const bad = await app.inject({ method: 'POST', url: '/admin/api/announce', headers, payload: { template: 'call', vars: { ticket: 'A-0/23', counter: 5 } } });
    const direct = await app.inject({ method: 'POST', url: '/api/announce', headers: { host: headers.host! }, payload: { template: 'call', vars: { ticket: 'A-0/23', counter: 5 } } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toEqual(direct.json());
  });

  it('streams the screen to the preview frame, which never becomes the speaking display', async () => {
    const hall = await setup();
    await hall.app.ready();
    const context = { headers: { host: '127.0.0.1:8080', cookie: hall.cookie }, socket: { remoteAddress: '127.0.0.1' } } as never;
    const messages: { type: string }[] = [];
    let arrived: () => void = () => undefined;
    const three = new Promise<void>((resolve) => (arrived = resolve));
    const ws = await hall.app.injectWS('/admin/ws', context, {
      onInit: (socket) =>
        socket.on('message', (data) => {
          messages.push(JSON.parse(String(data)));
          if (messages.length === 3) arrived();
        }),
    });
    await three;
    expect(messages.map((m) => m.type)).toEqual(['state', 'queue', 'emergency']);
    expect(hall.host.pa.desk.view().displays).toBe(0);
    // A real display on /ws does join the PA's roster once it says hello: the preview's absence is its role, not chance.
    const display = await hall.app.injectWS('/ws', context);
    display.send(JSON.stringify({ type: 'hello', hello: { shell: 'chromium', width: 1920, height: 1080, userAgent: 'test' } }));
    await vi.waitFor(() => expect(hall.host.pa.desk.view().displays).toBe(1), { timeout: 2_000 });
    display.terminate();
    ws.terminate();
    await expect(hall.app.injectWS('/admin/ws', { headers: { host: '127.0.0.1:8080' }, socket: { remoteAddress: '127.0.0.1' } } as never)).rejects.toThrow(/401/);
  });
});
