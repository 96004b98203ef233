/**
 * Fault: a hostile machine on the hall LAN. The player runs as on a hall PC reachable from the LAN
 * (`--host 0.0.0.0 --token T`) with a display playing; from another network namespace (a real
 * non-loopback peer) every spelling of every API route, rendered speech, the media library's index
 * and the display socket's upgrade are tried without the token. Every one must be refused, the
 * token must still open the API, nothing may have been announced, and the screen plays on.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { spellings } from '../../electron/host/channels/http/path-spellings.test-support.js';
import { expect, nowPlaying, test, waitForProgramme } from '../fixtures.js';
import { createLanPeer, type ProbeRequest } from './lan-peer.js';
import { BLANK_LUMA, screenLuma } from './picture.js';
import { expectPicturePlayedOn, SHOT_TIMEOUT_MS, watchWall } from './picture-held.js';

const TOKEN = 'lan-sweep-token-0123456789';
const SPEECH = `x-${'0'.repeat(32)}.wav`;

/** The local API's routes (README.md → Local API), with rendered speech. */
const API_ROUTES: [string, string][] = [
  ['GET', '/api/health'],
  ['GET', '/api/status'],
  ['GET', '/api/timeline'],
  ['POST', '/api/reload'],
  ['GET', '/api/queue'],
  ['POST', '/api/queue/call'],
  ['POST', '/api/queue/events'],
  ['POST', '/api/announce'],
  ['GET', '/api/announcements'],
  ['GET', `/speech/${SPEECH}`],
  // The console's sign-in, not the token, guards it: refused as the console refuses (401).
  ['GET', '/api/displays/kiosk/screenshot'],
  ['GET', '/api/displays/kiosk/screenshot?width=320'],
];

const REFUSED = [400, 401, 403, 404];

test.describe.configure({ timeout: 120_000 });

test('from another machine on the LAN, no spelling of an API route, speech, the media index or the display socket gets through without the token', async ({ page, hall, shot }) => {
  const h = await hall({
    at: '2026-12-01T10:00:00Z',
    serveArgs: ['--host', '0.0.0.0', '--token', TOKEN],
    // A console with a password, so its routes answer a guest 401 rather than 503 (not set up).
    adminPassword: 'lan-sweep-console-password',
    copyAssets: true,
    edit: (playlists, assets) => {
      // What a LAN guest must not read: a rendered announcement, and the library's upload names.
      const speech = path.join(path.dirname(playlists), 'state', 'speech');
      mkdirSync(speech, { recursive: true });
      writeFileSync(path.join(speech, SPEECH), 'RIFF');
      mkdirSync(path.join(assets, 'library'), { recursive: true });
      writeFileSync(path.join(assets, 'library', 'index.json'), '{"items": [{"name": "board minutes.mp4"}]}');
    },
  });
  const port = Number(new URL(h.url).port);
  // The peer's link comes up before the display loads: Chromium aborts its loads on a network change.
  const peer = createLanPeer();
  try {
    await page.goto(h.url);
    await waitForProgramme(page, 'alpha');
    const before = await nowPlaying(page);
    const watch = watchWall(page);
    const requests: ProbeRequest[] = [];
    for (const [method, route] of API_ROUTES) for (const [, target] of spellings(route)) requests.push({ method, target, headers: { 'content-type': 'application/json' } });
    for (const [, target] of spellings('/media/library/index.json')) requests.push({ method: 'GET', target });
    for (const [, target] of spellings('/ws')) requests.push({ method: 'GET', target, upgrade: true });
    requests.push({ method: 'GET', target: '/ws?token=wrong', upgrade: true }, { method: 'GET', target: `/api/status?token=${TOKEN}` });

    const answers = await peer.probe(port, requests);
    expect(answers).toHaveLength(requests.length);
    const through = answers.filter((a) => !REFUSED.includes(a.status));
    expect(through).toEqual([]);
    // The plain spellings are refused by the rule itself: the token, not a missing file.
    const plain = (method: string, target: string) => answers.find((a) => a.method === method && a.target === target)!.status;
    for (const [method, route] of API_ROUTES) expect({ route, status: plain(method, route) }).toEqual({ route, status: 401 });
    expect(plain('GET', '/media/library/index.json')).toBe(404);
    expect(plain('GET', '/%61pi/status')).toBe(404);

    // The same peer with the token: the API answers, the display socket opens, speech is served.
    const authorised = await peer.probe(port, [
      { method: 'GET', target: '/api/status', headers: { authorization: `Bearer ${TOKEN}` } },
      { method: 'GET', target: `/speech/${SPEECH}`, headers: { authorization: `Bearer ${TOKEN}` } },
      { method: 'GET', target: `/ws?token=${TOKEN}`, upgrade: true },
      { method: 'GET', target: '/media/video/hall-welcome.mp4', headers: { range: 'bytes=0-15' } },
    ]);
    expect(authorised.map((a) => a.status)).toEqual([200, 200, 101, 206]);

    const samples = await watch.stop();
    await shot('after-lan-sweep');
    // Nothing the sweep sent was acted on: no announcement, the programme unchanged, the screen playing.
    const status = await h.api<{ programme: { id: string }; announcements: { current: unknown; pending: number } }>('/api/status');
    expect(status.programme.id).toBe('alpha');
    expect(status.announcements).toMatchObject({ current: null, pending: 0 });
    const desk = await h.api<{ recent: unknown[]; pending: unknown[] }>('/api/announcements');
    expect({ recent: desk.recent, pending: desk.pending }).toEqual({ recent: [], pending: [] });
    expect(h.announcementLog()).toEqual([]);
    expectPicturePlayedOn(samples, before, await nowPlaying(page));
    expect(await screenLuma(page, SHOT_TIMEOUT_MS)).toBeGreaterThan(BLANK_LUMA);
  } finally {
    peer.remove();
  }
});
