/**
 * A player over a temporary copy of the fixture hall with the console's routes, on a fake clock,
 * for the console's route tests: `signIn()` returns the cookie and CSRF header a browser would send.
 */
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { testHall } from '../../../test-hall.test-support.js';
import { createHostServer, type HostServerOptions } from '../host-server.test-support.js';

export const PASSWORD = 'correct horse battery';
export const LOCAL = { host: '127.0.0.1:8080' };
export const CHEAP_SCRYPT = { N: 1024, r: 8, p: 1 };

export interface ConsoleHall {
  app: FastifyInstance;
  root: string;
  time: ReturnType<typeof testHall>['time'];
  host: ReturnType<typeof testHall>['host'];
  signIn(remoteAddress?: string): Promise<{ cookie: string; csrf: string; headers: Record<string, string> }>;
  close(): Promise<void>;
}

export async function consoleHall(overrides: Partial<HostServerOptions> = {}, prepare?: (root: string) => void): Promise<ConsoleHall> {
  const { root, time, host, cleanup } = testHall('2026-12-01T10:17:00+08:00', prepare);
  host.start();
  let app: FastifyInstance;
  try {
    app = await createHostServer({
      host,
      rendererDir: null,
      assetsDir: path.join(root, 'assets'),
      playlistsDir: path.join(root, 'playlists'),
      stateDir: path.join(root, 'state'),
      adminDir: path.join(root, 'dist-admin'),
      adminPassword: PASSWORD,
      adminTuning: { scryptCost: CHEAP_SCRYPT, ffprobe: null },
      bindAddress: '127.0.0.1',
      port: 8080,
      token: null,
      version: 't',
      now: time.now,
      ...overrides,
    });
  } catch (error) {
    cleanup();
    throw error;
  }
  return {
    app,
    root,
    time,
    host,
    async signIn(remoteAddress = '127.0.0.1') {
      const host = overrides.bindAddress === '0.0.0.0' ? { host: '192.168.1.20:8080' } : LOCAL;
      const response = await app.inject({ method: 'POST', url: '/admin/api/login', headers: host, remoteAddress, payload: { password: PASSWORD } });
      if (response.statusCode !== 200) throw new Error(`sign-in failed: ${response.statusCode} ${response.body}`);
      const cookie = String(response.headers['set-cookie']).split(';')[0]!;
      const csrf = (response.json() as { csrf: string }).csrf;
      return { cookie, csrf, headers: { ...host, cookie, 'x-csrf-token': csrf } };
    },
    async close() {
      await app.close();
      cleanup();
    },
  };
}
