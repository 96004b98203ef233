import { cpSync, readdirSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { AnnounceMessage } from '../../../contract/messages.js';
import { testHall } from '../../test-hall.test-support.js';
import { createHostServer } from './host-server.test-support.js';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

const REPO_VOICE = path.join(import.meta.dirname, '../../../../assets/voice');
const local = { host: '127.0.0.1:8080', 'content-type': 'application/json' };

async function setup(token: string | null = null, speaker = true) {
  const { root, host, time, cleanup } = testHall('2026-12-01T10:17:00+08:00', (dir) => {
    cpSync(REPO_VOICE, path.join(dir, 'assets', 'voice'), { recursive: true });
    mkdirSync(path.join(dir, 'renderer'));
    writeFileSync(path.join(dir, 'renderer', 'index.html'), '<!doctype html>');
    writeFileSync(
      path.join(dir, 'playlists', 'queue.json'),
      JSON.stringify({ services: [{ id: 'A', name: { 'zh-CN': '综合业务' }, serviceMinutes: 6 }], counters: [{ id: 5, services: ['A'] }], feed: { kind: 'push' } }),
    );
  });
  host.start();
  cleanups.push(cleanup);
  const app = await createHostServer({ host, rendererDir: path.join(root, 'renderer'), assetsDir: path.join(root, 'assets'), playlistsDir: path.join(root, 'playlists'), stateDir: path.join(root, 'state'), bindAddress: '127.0.0.1', port: 8080, token, version: 't', now: time.now });
  cleanups.push(() => app.close());
  const heard: AnnounceMessage[] = [];
  if (speaker) {
    cleanups.push(host.attachSpeaker('test-display', (m) => heard.push(m)));
    host.receive({ type: 'audio', audio: { output: 'ready', at: time.now() } }, 'test-display');
  }
  return { app, host, root, heard, time };
}

describe('POST /api/announce', () => {
  it('queues free text (202 with its id), sends the display the chime and the rendered speech, and serves the speech', async () => {
    const { app, heard } = await setup();
    const res = await app.inject({ method: 'POST', url: '/api/announce', headers: local, payload: { text: { 'zh-CN': '请保管好您的随身物品', en: 'Please keep your belongings with you' } } });
    expect(res.statusCode).toBe(202);
    const { id, state } = res.json() as { id: string; state: string };
    expect(state).toBe('queued');
    const play = heard.find((m) => m.type === 'play')!;
    expect(play).toMatchObject({ type: 'play', play: { id, kind: 'pa', speak: true, leadIn: 1, lines: [{ lang: 'zh-CN', text: '请保管好您的随身物品' }, { lang: 'en' }] } });
    const clips = play.type === 'play' ? play.play.clips : [];
    expect(clips[0]).toBe('/media/voice/zh-CN/chime.ogg');
    expect(clips.slice(1)).toHaveLength(2);
    for (const clip of clips.slice(1)) {
      expect(clip).toMatch(/^\/speech\/(zh-CN|en)-[0-9a-f]{32}\.wav$/);
      const wav = await app.inject({ method: 'GET', url: clip, headers: local });
      expect(wav.statusCode).toBe(200);
      expect(wav.headers['content-type']).toBe('audio/wav');
      expect(wav.rawPayload.subarray(0, 4).toString()).toBe('RIFF');
    }
  }, 20_000);

  it('reads a queue call posted to the board, and lists what plays in GET /api/announcements', async () => {
    const { app, heard } = await setup();
    const res = await app.inject({ method: 'POST', url: '/api/queue/call', headers: local, payload: { ticket: 'A023', counter: 5 } });
    expect(res.statusCode).toBe(200);
    const play = heard.find((m) => m.type === 'play');
    expect(play).toMatchObject({ play: { kind: 'call', lines: [{ text: '请 A023 号到 5 号窗口' }, { text: 'Ticket A023, please go to counter 5' }] } });
    const list = (await app.inject({ method: 'GET', url: '/api/announcements', headers: local })).json();
    expect(list).toMatchObject({ current: { kind: 'call', key: 'call:A023', display: 'test-display' }, pending: [], displays: 1 });
  });

  it('logs requested, started, ducked and ended to the announcement log', async () => {
    const { app, host, heard, root } = await setup();
    await app.inject({ method: 'POST', url: '/api/announce', headers: local, payload: { template: 'call', vars: { ticket: 'B7', counter: 5 }, languages: ['en'] } });
    const play = heard.find((m) => m.type === 'play');
    const id = play?.type === 'play' ? play.play.id : '';
    const duck = { depthDb: -15, attackSeconds: 0.5, releaseSeconds: 1.5 };
    host.receive({ type: 'announcement', announcement: { id, event: 'started', at: 1, duck } }, 'test-display');
    host.receive({ type: 'announcement', announcement: { id, event: 'ended', at: 2 } }, 'test-display');
    const dir = path.join(root, 'state', 'announcements');
    const lines = readFileSync(path.join(dir, readdirSync(dir)[0]!), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { event: string });
    expect(lines.map((l) => l.event)).toStrictEqual(['requested', 'started', 'ducked', 'ended']);
    expect(lines[2]).toMatchObject({ id, display: 'test-display', duck });
  });

  it.each([
    [{ template: 'call', vars: { ticket: 'A-0/23', counter: 5 } }, 400, /not 1–3 letters followed by 1–4 digits/],
    [{ template: 'call', vars: { ticket: 'A023', counter: -1 } }, 400, /counter must be an integer 1–999/],
    [{ text: 'Bonjour', languages: ['fr'] }, 400, /no voice pack for language "fr"/],
    [{ text: '字'.repeat(10_000) }, 400, /10000 characters; the limit is 500/],
    [{ template: 'call', vars: { ticket: 'A023', counter: 5, colour: 'red' } }, 400, /unknown variable "colour"/],
  ])('refuses %j with %i and the reason', async (payload, status, message) => {
    const { app, heard } = await setup();
    const res = await app.inject({ method: 'POST', url: '/api/announce', headers: local, payload });
    expect(res.statusCode).toBe(status);
    expect((res.json() as { error: string }).error).toMatch(message);
    expect(heard).toStrictEqual([]);
  });

  it('keeps the queue bounded under 1,000 requests at once: one speaks, 50 wait, the oldest are dropped with the reason', async () => {
    const { app } = await setup();
    const answers = await Promise.all(
      Array.from({ length: 1000 }, (_, i) => app.inject({ method: 'POST', url: '/api/announce', headers: local, payload: { template: 'call', vars: { ticket: `A${i + 1}`, counter: 5 }, priority: 'call' } })),
    );
    expect(answers.filter((a) => a.statusCode === 202)).toHaveLength(1000);
    const list = (await app.inject({ method: 'GET', url: '/api/announcements', headers: local })).json() as { current: unknown; pending: unknown[]; recent: { reason: string }[] };
    expect(list.current).not.toBeNull();
    expect(list.pending).toHaveLength(50);
    expect(list.recent[0]!.reason).toMatch(/^queue full: more than 50 waiting/);
  }, 30_000);

  it('refuses a foreign origin, and a speech path outside its folder', async () => {
    const { app } = await setup();
    const foreign = await app.inject({ method: 'POST', url: '/api/announce', headers: { ...local, origin: 'http://evil.example' }, payload: { text: 'x' } });
    expect(foreign.statusCode).toBe(403);
    const speech = await app.inject({ method: 'GET', url: '/speech/..%2f..%2fetc%2fpasswd', headers: local });
    expect(speech.statusCode).toBe(404);
  });
});

describe('a PA request that no display can speak', () => {
  it('is refused at once with 503 and the reason; GET /api/status says the PA cannot speak, since when and why', async () => {
    const { app, time } = await setup(null, false);
    const start = time.now();
    const emergency = await app.inject({ method: 'POST', url: '/api/announce', headers: local, payload: { text: '请立即疏散', priority: 'emergency' } });
    expect(emergency.statusCode).toBe(503);
    expect(emergency.json()).toMatchObject({ error: 'no display can speak it now (no display is connected): an emergency is never left waiting for a speaker', reach: { canSpeak: false } });
    // Within the grace an ordinary message is taken (a display may be reloading); after it, refused too.
    expect((await app.inject({ method: 'POST', url: '/api/announce', headers: local, payload: { text: '请注意' } })).statusCode).toBe(202);
    time.advance(60_000);
    const late = await app.inject({ method: 'POST', url: '/api/announce', headers: local, payload: { text: '请注意', priority: 'care' } });
    expect(late.statusCode).toBe(503);
    expect(late.json()).toMatchObject({ error: expect.stringMatching(/^no display has been able to speak for 60 s \(no display is connected\); requests wait at most 60 s/) });
    const status = (await app.inject({ method: 'GET', url: '/api/status', headers: local })).json() as { announcements: Record<string, unknown> };
    // The desk's timers run on the test's clock: the message taken in the grace failed when the grace ran out.
    expect(status.announcements).toMatchObject({ current: null, pending: 0 });
    expect(status.announcements).toHaveProperty('reach', { canSpeak: false, display: null, since: start, reason: 'no display is connected', refuses: 'everything', graceUntil: start + 60_000 });
  }, 20_000);

  it('does not make the queue call route fail: the call is on the board (200), and the answer says the hall will not hear it', async () => {
    const { app, time } = await setup(null, false);
    time.advance(120_000);
    const res = await app.inject({ method: 'POST', url: '/api/queue/call', headers: local, payload: { ticket: 'A023', counter: 5 } });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ ok: true, call: { ticket: 'A023', counter: 5 }, reach: { canSpeak: false, reason: 'no display is connected' } });
    expect(((await app.inject({ method: 'GET', url: '/api/queue', headers: local })).json() as { calls: { ticket: string }[] }).calls[0]).toMatchObject({ ticket: 'A023' });
  });

  it('says who speaks once a display reports its audio ready', async () => {
    const { app, time } = await setup();
    const status = (await app.inject({ method: 'GET', url: '/api/status', headers: local })).json() as { announcements: { reach: unknown } };
    expect(status.announcements.reach).toStrictEqual({ canSpeak: true, display: 'test-display', since: time.now(), reason: null, refuses: 'nothing', graceUntil: null });
  });
});
