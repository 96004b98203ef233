import { createServer as createTcpServer, type Server } from 'node:net';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createHost, type Host } from '../host/host.js';
import { FakeTime } from '../host/fake-time.test-support.js';
import { startLocalApi, type LocalApi } from './local-api.js';
import { shellConfig } from './shell-config.js';

const HALL = path.join(import.meta.dirname, '../host/services/playlists/fixtures/hall');
const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0)) await c();
});

function hostAndConfig(port: number) {
  const config = shellConfig({ HALLCAST_PLAYLISTS: path.join(HALL, 'playlists'), HALLCAST_PORT: String(port) }, { root: '/nonexistent', hallFiles: '/nonexistent', userData: '/nonexistent' });
  const time = new FakeTime('2026-12-01T10:17:00+08:00');
  const host: Host = createHost({ ...config, stateDir: null, clock: time, timers: time.timers, log: { info: () => undefined, warn: () => undefined }, watch: false });
  host.start();
  cleanups.push(() => host.stop());
  return { host, config };
}

describe('startLocalApi', () => {
  it('serves the API on loopback and no renderer (the window loads its own)', async () => {
    const { host, config } = hostAndConfig(0);
    const api: LocalApi = await startLocalApi(host, config, '1.2.3');
    cleanups.push(() => api.close());
    expect(api.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    const health = await fetch(`${api.url}api/health`);
    expect(health.status).toBe(200);
    expect(await health.json()).toMatchObject({ ok: true, version: '1.2.3' });
    expect((await fetch(api.url)).status).toBe(404);
    expect((await fetch(`${api.url}index.html`)).status).toBe(404);
  });

  it('rejects when the port is taken', async () => {
    const taken: Server = createTcpServer();
    await new Promise<void>((done) => taken.listen(0, '127.0.0.1', done));
    cleanups.push(() => new Promise<void>((done) => taken.close(() => done())));
    const address = taken.address();
    const { host, config } = hostAndConfig(typeof address === 'object' && address ? address.port : 0);
    await expect(startLocalApi(host, config, '1.2.3')).rejects.toThrow(/EADDRINUSE/);
  });
});
