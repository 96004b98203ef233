import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { testHall } from '../../test-hall.test-support.js';
import { createHostServer, type HostServerOptions } from './host-server.test-support.js';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  // Last set up, first torn down: the server closes before its hall is deleted.
  for (const c of cleanups.splice(0).reverse()) await c();
});

async function setup(overrides: Partial<HostServerOptions> = {}) {
  const { root, time, host, cleanup } = testHall('2026-12-01T10:17:00+08:00', (dir) => {
    mkdirSync(path.join(dir, 'renderer'));
    writeFileSync(path.join(dir, 'renderer', 'index.html'), '<!doctype html><title>hall</title>');
  });
  host.start();
  cleanups.push(cleanup);
  const app = await createHostServer({
    host,
    rendererDir: path.join(root, 'renderer'),
    assetsDir: path.join(root, 'assets'),
    playlistsDir: path.join(root, 'playlists'),
    stateDir: path.join(root, 'state'),
    bindAddress: '127.0.0.1',
    port: 8080,
    token: null,
    version: '0.0.0-test',
    now: time.now,
    ...overrides,
  });
  cleanups.push(() => app.close());
  return { app, host, root, time };
}

const local = { host: '127.0.0.1:8080' };

describe('local API', () => {
  it('GET /api/health', async () => {
    const { app } = await setup();
    const response = await app.inject({ method: 'GET', url: '/api/health', headers: local });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ ok: true, version: '0.0.0-test' });
  });

  it('GET /api/status names the programme, the entry, the next switch and playlist errors', async () => {
    const { app, root } = await setup();
    const status = (await app.inject({ method: 'GET', url: '/api/status', headers: local })).json();
    expect(status.programme).toEqual({ id: 'morning', title: { 'zh-CN': '早间节目', en: 'Morning' } });
    expect(status.entry).toBe('morning');
    expect(status.nextSwitch).toEqual({ at: Date.parse('2026-12-01T11:30:00+08:00'), programme: 'morning', entry: 'peak' });
    expect(status.playlists.errors).toEqual([]);
    writeFileSync(path.join(root, 'playlists', 'schedule.json'), '{ "timezone": ');
    const reload = await app.inject({ method: 'POST', url: '/api/reload', headers: local });
    expect(reload.statusCode).toBe(422);
    const after = (await app.inject({ method: 'GET', url: '/api/status', headers: local })).json();
    expect(after.programme.id).toBe('morning');
    expect(after.playlists.errors).toContainEqual(expect.stringMatching(/playlists\/schedule\.json:1:15: error: invalid JSON: a value is expected/));
  });

  it('GET /api/timeline?date=YYYY-MM-DD', async () => {
    const { app } = await setup();
    const response = await app.inject({ method: 'GET', url: '/api/timeline?date=2026-12-01', headers: local });
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body.timezone).toBe('Asia/Shanghai');
    expect(body.rows.map((r: { time: string; programme: string }) => `${r.time} ${r.programme}`)).toEqual(['00:00 welcome', '08:30 morning', '11:30 morning', '14:00 welcome']);
    const bad = await app.inject({ method: 'GET', url: '/api/timeline?date=2026-13-01', headers: local });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error).toBe('date "2026-13-01" is not a date: write YYYY-MM-DD, e.g. 2026-12-01');
  });

  it('refuses a foreign Host header (DNS rebinding) with 403', async () => {
    const { app } = await setup();
    const response = await app.inject({ method: 'GET', url: '/api/status', headers: { host: 'evil.example:8080' } });
    expect(response.statusCode).toBe(403);
  });

  it('refuses a mutating request from a foreign Origin with 403, accepts its own', async () => {
    const { app } = await setup();
    const foreign = await app.inject({ method: 'POST', url: '/api/reload', headers: { ...local, origin: 'http://evil.example' } });
    expect(foreign.statusCode).toBe(403);
    const own = await app.inject({ method: 'POST', url: '/api/reload', headers: { ...local, origin: 'http://127.0.0.1:8080' } });
    expect(own.statusCode).toBe(200);
  });

  it('refuses an oversize body with 413', async () => {
    const { app } = await setup();
    const response = await app.inject({ method: 'POST', url: '/api/reload', headers: { ...local, 'content-type': 'application/json' }, payload: JSON.stringify({ pad: 'x'.repeat(100_000) }) });
    expect(response.statusCode).toBe(413);
    expect(response.json().error).toBe('request body over 64 KB');
  });

  it('needs a token when bound beyond loopback, and refuses to start without one', async () => {
    await expect(setup({ bindAddress: '0.0.0.0', token: null })).rejects.toThrow('binding to 0.0.0.0 needs a token: set --token or HALLCAST_TOKEN');
    const { app } = await setup({ bindAddress: '0.0.0.0', token: 's3cret' });
    const lan = { host: '192.168.1.20:8080' };
    const remote = '192.168.1.50';
    expect((await app.inject({ method: 'GET', url: '/api/status', headers: lan, remoteAddress: remote })).statusCode).toBe(401);
    expect((await app.inject({ method: 'GET', url: '/api/status', headers: { ...lan, authorization: 'Bearer wrong' }, remoteAddress: remote })).statusCode).toBe(401);
    expect((await app.inject({ method: 'GET', url: '/api/status', headers: { ...lan, authorization: 'Bearer s3cret' }, remoteAddress: remote })).statusCode).toBe(200);
    expect((await app.inject({ method: 'GET', url: '/api/status', headers: { host: 'player.hall.lan:8080', authorization: 'Bearer s3cret' }, remoteAddress: remote })).statusCode).toBe(403);
  });

  it('serves media inside assets/ only, with byte ranges for video seeking', async () => {
    const { app, root } = await setup();
    const range = await app.inject({ method: 'GET', url: '/media/video/clip.mp4', headers: { ...local, range: 'bytes=0-3' } });
    expect(range.statusCode).toBe(206);
    expect(range.body).toBe('not ');
    const { symlinkSync } = await import('node:fs');
    symlinkSync('/etc/hostname', path.join(root, 'assets', 'leak.txt'));
    expect((await app.inject({ method: 'GET', url: '/media/leak.txt', headers: local })).statusCode).toBe(404);
    expect((await app.inject({ method: 'GET', url: '/media/..%2F..%2Fetc%2Fpasswd', headers: local })).statusCode).toBe(404);
    const page = await app.inject({ method: 'GET', url: '/', headers: local });
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-security-policy']).toContain("default-src 'self'");
  });

  it('serves under /media/ only what a display plays: media types and the voice packs\' manifests', async () => {
    const { app, root } = await setup();
    mkdirSync(path.join(root, 'assets', 'library'));
    writeFileSync(path.join(root, 'assets', 'library', 'index.json'), '{"uploads": ["Q3 secret plan.mp4"]}');
    writeFileSync(path.join(root, 'assets', 'notes.txt'), 'x');
    mkdirSync(path.join(root, 'assets', 'voice', 'en'), { recursive: true });
    writeFileSync(path.join(root, 'assets', 'voice', 'en', 'manifest.json'), '{}');
    writeFileSync(path.join(root, 'assets', 'voice', 'en', 'chime.ogg'), 'OggS');
    const get = (url: string) => app.inject({ method: 'GET', url, headers: local });
    expect((await get('/media/library/index.json')).statusCode).toBe(404);
    expect((await get('/media/library/index.json')).json()).toEqual({ error: 'no such media file' });
    expect((await get('/media/notes.txt')).statusCode).toBe(404);
    expect((await get('/media/voice/en/manifest.json')).statusCode).toBe(200);
    expect((await get('/media/voice/en/chime.ogg')).statusCode).toBe(200);
    expect((await get('/media/video/clip.mp4')).statusCode).toBe(200);
    expect((await get('/media/images/slide.png')).statusCode).toBe(200);
  });

  it('serves rendered speech to other machines only with the token, as the API', async () => {
    const { app, host } = await setup({ bindAddress: '0.0.0.0', token: 's3cret' });
    const name = `x-${'a'.repeat(32)}.wav`;
    mkdirSync(host.pa.speechDir, { recursive: true });
    writeFileSync(path.join(host.pa.speechDir, name), 'RIFF');
    const lan = { host: '192.168.1.20:8080' };
    const remoteAddress = '192.168.1.50';
    expect((await app.inject({ method: 'GET', url: `/speech/${name}`, headers: lan, remoteAddress })).statusCode).toBe(401);
    expect((await app.inject({ method: 'GET', url: `/speech/${name}`, headers: { ...lan, authorization: 'Bearer s3cret' }, remoteAddress })).statusCode).toBe(200);
    expect((await app.inject({ method: 'GET', url: `/speech/${name}`, headers: local })).statusCode).toBe(200);
  });

  it('refuses a route that declares no access rule, to this machine too (fail closed)', async () => {
    const { app } = await setup();
    app.get('/api/forgotten', async () => ({ secret: true }));
    const response = await app.inject({ method: 'GET', url: '/api/forgotten', headers: local });
    expect(response.statusCode).toBe(403);
    expect(response.json()).toEqual({ error: 'this route has no access rule: it answers nobody' });
    expect(app.routeRules).toContainEqual({ method: 'GET', url: '/api/forgotten', access: null });
  });

  it('answers a path in a non-canonical spelling with 404 and the reason, and an unknown route with 404 and nothing else', async () => {
    const { app } = await setup({ rendererDir: null });
    const encoded = await app.inject({ method: 'GET', url: '/%61pi/status', headers: local });
    expect(encoded.statusCode).toBe(404);
    expect(encoded.json()).toEqual({ error: 'GET /%61pi/status: not a path of this player (%61 stands for "a", which is written as itself)' });
    const unknown = await app.inject({ method: 'POST', url: '/API/status', headers: local });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json()).toEqual({ error: 'no such route or file' });
  });

  it('closes at once even while a display holds a media stream and a keep-alive connection open', async () => {
    const { app, root } = await setup();
    const { writeFileSync: write } = await import('node:fs');
    write(path.join(root, 'assets', 'video', 'big.mp4'), Buffer.alloc(8 * 1024 * 1024, 1));
    await app.listen({ host: '127.0.0.1', port: 0 });
    const address = app.server.address();
    const port = typeof address === 'object' && address ? address.port : 0;
    const net = await import('node:net');
    const socket = net.connect(port, '127.0.0.1');
    await new Promise((done) => socket.once('connect', done));
    // Ask for a large file and never read it: the response stays in flight.
    socket.write(`GET /media/video/big.mp4 HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\n\r\n`);
    socket.pause();
    await new Promise((done) => setTimeout(done, 100));
    const started = Date.now();
    await app.close();
    expect(Date.now() - started).toBeLessThan(1000);
    socket.destroy();
  });
});
