import { writeFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { ToDisplay } from '../../../contract/messages.js';
import { openDisplaySession } from '../../display-session/display-session.js';
import { testHall } from '../../test-hall.test-support.js';
import { createHostServer } from './host-server.test-support.js';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

const local = { host: '127.0.0.1:8080', 'content-type': 'application/json' };
const TEMPLATES = { emergencyTemplates: { evacuation: { level: 'evacuate', text: { 'zh-CN': '请立即疏散', en: 'Please leave now' } } } };

async function setup(token: string | null = null) {
  const { root, host, time, cleanup } = testHall('2026-12-01T10:17:00+08:00', (dir) => {
    mkdirSync(path.join(dir, 'renderer'));
    writeFileSync(path.join(dir, 'renderer', 'index.html'), '<!doctype html>');
    writeFileSync(path.join(dir, 'playlists', 'announcements.json'), JSON.stringify(TEMPLATES));
  });
  host.start();
  cleanups.push(cleanup);
  const app = await createHostServer({ host, rendererDir: path.join(root, 'renderer'), assetsDir: path.join(root, 'assets'), playlistsDir: path.join(root, 'playlists'), stateDir: path.join(root, 'state'), bindAddress: token ? '0.0.0.0' : '127.0.0.1', port: 8080, token, version: 't', now: time.now });
  cleanups.push(() => app.close());
  // Two displays, as the /ws channel opens them.
  const screens = ['d1', 'd2'].map((display) => {
    const sent: ToDisplay[] = [];
    const session = openDisplaySession({ host, display, link: 'socket', send: (m) => sent.push(m) });
    cleanups.push(() => session.close('test over'));
    return { display, session, emergencies: () => sent.flatMap((m) => (m.type === 'emergency' ? [m.emergency] : [])) };
  });
  return { app, host, screens, time };
}

describe('/api/emergency', () => {
  it('raises from a template (201), every display is told at once, /api/status and GET show it, DELETE clears it (200)', async () => {
    const { app, screens } = await setup();
    const raised = await app.inject({ method: 'POST', url: '/api/emergency', headers: local, payload: { template: 'evacuation' } });
    expect(raised.statusCode).toBe(201);
    const body = raised.json() as { id: string; replaced: string | null; emergency: { level: string; raisedBy: { via: string } } };
    // No display reported working audio here: taken over all the same, and the answer says it is not heard.
    expect(raised.json()).toMatchObject({ reach: { canSpeak: false, reason: 'no display is connected' } });
    expect(body).toMatchObject({ replaced: null, emergency: { level: 'evacuate', template: 'evacuation', raisedBy: { via: 'http', who: '127.0.0.1' } } });
    for (const s of screens) expect(s.emergencies()).toStrictEqual([null, expect.objectContaining({ id: body.id, level: 'evacuate' })]);
    const status = (await app.inject({ method: 'GET', url: '/api/status', headers: local })).json() as { emergency: { id: string } | null };
    expect(status.emergency?.id).toBe(body.id);
    expect((await app.inject({ method: 'GET', url: '/api/emergency', headers: local })).json()).toMatchObject({ emergency: { id: body.id } });

    const cleared = await app.inject({ method: 'DELETE', url: '/api/emergency', headers: { host: local.host, 'x-hallcast-client': 'cli' } });
    expect(cleared.statusCode).toBe(200);
    expect(cleared.json()).toMatchObject({ id: body.id, acknowledged: [] });
    for (const s of screens) expect(s.emergencies().at(-1)).toBeNull();
    expect((await app.inject({ method: 'GET', url: '/api/emergency', headers: local })).json()).toStrictEqual({ emergency: null });
  });

  it('refuses an emergency with no template and no text (400), an unknown template (404), clearing none (409): each with its reason, nothing disturbed', async () => {
    const { app, screens } = await setup();
    const none = await app.inject({ method: 'DELETE', url: '/api/emergency', headers: { host: local.host } });
    expect(none.statusCode).toBe(409);
    expect(none.json()).toStrictEqual({ reason: 'no-emergency', error: 'no emergency is active: nothing to clear (GET /api/emergency shows the active one)' });

    const active = (await app.inject({ method: 'POST', url: '/api/emergency', headers: local, payload: { level: 'alert', text: { 'zh-CN': '系统故障' } } })).json() as { id: string };
    const empty = await app.inject({ method: 'POST', url: '/api/emergency', headers: local, payload: { level: 'evacuate' } });
    expect(empty.statusCode).toBe(400);
    expect(empty.json()).toMatchObject({ reason: 'invalid-request', error: expect.stringContaining('an emergency needs words') });
    const unknown = await app.inject({ method: 'POST', url: '/api/emergency', headers: local, payload: { template: 'flood' } });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json()).toMatchObject({ reason: 'not-found', error: expect.stringContaining('has: evacuation') });
    // The alert raised before the bad requests is still the one in force, and the displays heard nothing more.
    expect((await app.inject({ method: 'GET', url: '/api/emergency', headers: local })).json()).toMatchObject({ emergency: { id: active.id, level: 'alert' } });
    for (const s of screens) expect(s.emergencies().map((e) => e?.id ?? null)).toStrictEqual([null, active.id]);
  });

  it('follows the API rule: from another machine only with the token', async () => {
    const { app } = await setup('s3cret');
    const lan = { host: '192.168.1.10:8080', 'content-type': 'application/json' };
    const refused = await app.inject({ method: 'POST', url: '/api/emergency', headers: lan, payload: { template: 'evacuation' }, remoteAddress: '192.168.1.50' });
    expect(refused.statusCode).toBe(401);
    const taken = await app.inject({ method: 'POST', url: '/api/emergency', headers: { ...lan, authorization: 'Bearer s3cret' }, payload: { template: 'evacuation' }, remoteAddress: '192.168.1.50' });
    expect(taken.statusCode).toBe(201);
    expect(taken.json()).toMatchObject({ emergency: { raisedBy: { via: 'http', who: '192.168.1.50' } } });
  });
});
