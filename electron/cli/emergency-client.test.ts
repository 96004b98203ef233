import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createHostServer } from '../host/channels/http/host-server.test-support.js';
import { testHall } from '../host/test-hall.test-support.js';
import { runEmergency, type EmergencyArgs } from './emergency-client.js';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

/** A real host and API server; the CLI's requests reach it through Fastify's inject instead of a socket. */
async function player() {
  const { root, host, time, cleanup } = testHall('2026-12-01T10:17:00+08:00', (dir) => {
    mkdirSync(path.join(dir, 'renderer'));
    writeFileSync(path.join(dir, 'renderer', 'index.html'), '<!doctype html>');
    writeFileSync(path.join(dir, 'playlists', 'announcements.json'), JSON.stringify({ emergencyTemplates: { evacuation: { level: 'evacuate', text: { 'zh-CN': '请立即疏散', en: 'Please leave now' } } } }));
  });
  host.start();
  cleanups.push(cleanup);
  const app = await createHostServer({ host, rendererDir: path.join(root, 'renderer'), assetsDir: path.join(root, 'assets'), playlistsDir: path.join(root, 'playlists'), stateDir: path.join(root, 'state'), bindAddress: '127.0.0.1', port: 8080, token: null, version: 't', now: time.now });
  cleanups.push(() => app.close());
  const viaInject = (async (url: URL, init: RequestInit) => {
    const res = await app.inject({ method: init.method as 'POST', url: url.pathname, headers: { host: '127.0.0.1:8080', ...(init.headers as Record<string, string>) }, ...(init.body ? { payload: init.body as string } : {}) });
    return new Response(res.body, { status: res.statusCode });
  }) as unknown as typeof globalThis.fetch;
  const lines: string[] = [];
  const emergency = (args: Partial<EmergencyArgs>) =>
    runEmergency({ url: 'http://127.0.0.1:8080/', token: undefined, fetch: viaInject }, { text: undefined, level: undefined, template: undefined, clear: false, ...args }, { stdout: (l) => lines.push(`out: ${l}`), stderr: (l) => lines.push(`err: ${l}`) });
  return { host, emergency, lines };
}

describe('hallcast emergency', () => {
  it('raises free text at a level, replaces it with a template, and clears it; the player logs it as the CLI', async () => {
    const { host, emergency, lines } = await player();
    expect(await emergency({ text: '系统故障，业务暂停办理', level: 'alert' })).toBe(0);
    const first = host.pa.emergency.status()!;
    expect(first).toMatchObject({ level: 'alert', lines: [{ lang: 'zh-CN', text: '系统故障，业务暂停办理' }], raisedBy: { via: 'cli' } });
    expect(await emergency({ template: 'evacuation' })).toBe(0);
    expect(host.pa.emergency.status()).toMatchObject({ level: 'evacuate', template: 'evacuation' });
    expect(await emergency({ clear: true })).toBe(0);
    expect(host.pa.emergency.status()).toBeNull();
    expect(lines[0]).toBe(`out: emergency ${first.id} (alert) on every display; clear it with: hallcast emergency --clear`);
    // No display is connected in this test: the screens would take over, but nothing can be heard.
    expect(lines[1]).toBe('err: hallcast: the hall cannot hear it yet (no display is connected): it is read out as soon as a display with working audio connects');
    expect(lines[2]).toMatch(new RegExp(`^out: emergency \\S+ \\(evacuate\\) on every display, replacing ${first.id}; `));
    expect(lines[4]).toMatch(/^out: cleared emergency \S+ after 0 s; shown on 0 display\(s\)$/);
  });

  it("exits 1 with the player's reason: clearing none, an unknown template", async () => {
    const { emergency, lines } = await player();
    expect(await emergency({ clear: true })).toBe(1);
    expect(await emergency({ template: 'flood' })).toBe(1);
    expect(lines).toStrictEqual([
      'err: hallcast: emergency clear refused (409): no emergency is active: nothing to clear (GET /api/emergency shows the active one)',
      'err: hallcast: emergency raise refused (404): unknown emergency template "flood"; announcements.json "emergencyTemplates" has: evacuation',
    ]);
  });

  it('exits 2, asking nothing of the player, unless exactly one of the words, --template and --clear is given', async () => {
    const { host, emergency, lines } = await player();
    expect(await emergency({ level: 'evacuate' })).toBe(2);
    expect(await emergency({ text: '疏散', template: 'evacuation' })).toBe(2);
    expect(await emergency({ clear: true, level: 'alert' })).toBe(2);
    expect(lines).toHaveLength(3);
    expect(host.pa.emergency.status()).toBeNull();
  });
});
