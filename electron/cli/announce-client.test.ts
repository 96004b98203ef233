import { cpSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createHostServer } from '../host/channels/http/host-server.test-support.js';
import { testHall } from '../host/test-hall.test-support.js';
import { runAnnounce } from './announce-client.js';

const REPO_VOICE = path.join(import.meta.dirname, '../../assets/voice');
const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

/** A real host and API server; the CLI's requests reach it through Fastify's inject instead of a socket. */
async function player() {
  const { root, host, time, cleanup } = testHall('2026-12-01T10:17:00+08:00', (dir) => {
    cpSync(REPO_VOICE, path.join(dir, 'assets', 'voice'), { recursive: true });
    mkdirSync(path.join(dir, 'renderer'));
    writeFileSync(path.join(dir, 'renderer', 'index.html'), '<!doctype html>');
  });
  host.start();
  cleanups.push(cleanup);
  const app = await createHostServer({ host, rendererDir: path.join(root, 'renderer'), assetsDir: path.join(root, 'assets'), playlistsDir: path.join(root, 'playlists'), stateDir: path.join(root, 'state'), bindAddress: '127.0.0.1', port: 8080, token: null, version: 't', now: time.now });
  cleanups.push(() => app.close());
  const viaInject = (async (url: URL, init: RequestInit) => {
    const res = await app.inject({ method: init.method as 'POST', url: url.pathname, headers: { host: '127.0.0.1:8080', ...(init.headers as Record<string, string>) }, payload: init.body as string });
    return new Response(res.body, { status: res.statusCode });
  }) as unknown as typeof globalThis.fetch;
  const lines: string[] = [];
  const announce = (text: string, priority = 'pa') => runAnnounce({ url: 'http://127.0.0.1:8080/', token: undefined, fetch: viaInject }, { text, lang: 'zh', priority, repeat: '1' }, { stdout: (l) => lines.push(`out: ${l}`), stderr: (l) => lines.push(`err: ${l}`) });
  return { host, time, announce, lines };
}

describe('hallcast announce', () => {
  it('exits 1 with the player\'s reason when no display can speak an emergency, and queues nothing', async () => {
    const { host, announce, lines } = await player();
    expect(await announce('请立即疏散', 'emergency')).toBe(1);
    expect(lines).toStrictEqual([
      'err: hallcast: announcement refused (503): no display can speak it now (no display is connected): an emergency is never left waiting for a speaker',
      'err: hallcast: nothing was queued and the hall heard nothing: connect a display whose audio works, or use another way to reach the hall',
    ]);
    expect(host.pa.desk.view().pending).toStrictEqual([]);
  });

  it('exits 1 for any priority once the hall has had no speaker for longer than the grace, and 0 once a display speaks', async () => {
    const { host, time, announce, lines } = await player();
    time.advance(61_000);
    expect(await announce('请注意')).toBe(1);
    expect(lines[0]).toMatch(/^err: hallcast: announcement refused \(503\): no display has been able to speak for 61 s \(no display is connected\)/);
    cleanups.push(host.attachSpeaker('pa-screen', () => undefined));
    host.receive({ type: 'audio', audio: { output: 'ready', at: time.now() } }, 'pa-screen');
    lines.length = 0;
    expect(await announce('请注意')).toBe(0);
    expect(lines).toStrictEqual([expect.stringMatching(/^out: queued announcement [0-9a-f-]{36}$/)]);
  }, 20_000);
});
