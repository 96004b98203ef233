import { describe, expect, it } from 'vitest';
import { createGuard, NO_RULE, TOKEN_NEEDED, type GuardRequest } from './guard.js';

const exposed = createGuard({ bindAddress: '0.0.0.0', port: 8080, token: 's3cret' });
const local = createGuard({ bindAddress: '127.0.0.1', port: 8080, token: null });
const lan = (request: Partial<GuardRequest>): GuardRequest => ({
  method: 'GET',
  url: '/api/status',
  access: 'api',
  host: '192.168.1.20:8080',
  origin: undefined,
  authorization: undefined,
  remote: '192.168.1.50',
  isWebSocket: false,
  socketRoute: false,
  ...request,
});

describe('guard', () => {
  it("asks other machines for the token on the API's, speech's and the display socket's routes when bound beyond loopback", () => {
    expect(exposed(lan({}))).toEqual({ ok: false, status: 401, message: TOKEN_NEEDED });
    expect(exposed(lan({ authorization: 'Bearer s3cret' }))).toEqual({ ok: true });
    expect(exposed(lan({ url: '/speech/x.wav', access: 'speech' }))).toMatchObject({ ok: false, status: 401 });
    expect(exposed(lan({ url: '/ws', access: 'display-socket', isWebSocket: true, socketRoute: true }))).toMatchObject({ ok: false, status: 401 });
    expect(exposed(lan({ url: '/ws?token=s3cret', access: 'display-socket', isWebSocket: true, socketRoute: true }))).toEqual({ ok: true });
    // ?token= is the display socket's only: a browser cannot set headers on a WebSocket.
    expect(exposed(lan({ url: '/api/status?token=s3cret' }))).toMatchObject({ ok: false, status: 401 });
    expect(exposed(lan({ remote: '127.0.0.1', host: '127.0.0.1:8080' }))).toEqual({ ok: true });
  });

  it('decides by the rule of the route that matched, whatever the path says', () => {
    // A path that looks like the console's but matched an API route is the API's.
    expect(exposed(lan({ url: '/admin/x', access: 'api' }))).toMatchObject({ ok: false, status: 401 });
    expect(exposed(lan({ url: '/somewhere', access: 'public' }))).toEqual({ ok: true });
    expect(exposed(lan({ url: '/media/video/a.mp4', access: 'media' }))).toEqual({ ok: true });
    expect(exposed(lan({ url: '/nothing', access: 'no-route' }))).toEqual({ ok: true });
  });

  it('refuses a WebSocket upgrade on a route that takes none (a public page), with or without the token', () => {
    expect(exposed(lan({ url: '/WS', access: 'public', isWebSocket: true }))).toEqual({ ok: false, status: 404, message: 'no WebSocket here: the display connects to /ws' });
    expect(local(lan({ url: '/index.html', access: 'public', isWebSocket: true, host: '127.0.0.1:8080', remote: '127.0.0.1' }))).toMatchObject({ ok: false, status: 404 });
  });

  it('refuses a route that declares no rule, from this machine too', () => {
    expect(exposed(lan({ access: null, authorization: 'Bearer s3cret' }))).toEqual({ ok: false, status: 403, message: NO_RULE });
    expect(local(lan({ access: null, host: '127.0.0.1:8080', remote: '127.0.0.1' }))).toEqual({ ok: false, status: 403, message: NO_RULE });
  });

  it('refuses a path in any but its canonical spelling before any rule, with the token and from this machine too', () => {
    for (const url of ['/%61pi/status', '/%2561pi/status', '//api/status', '/api/./status', '/api/x/../status', '/api/status/.', '/api\\status', '/api%2Fstatus', '/api/%zz']) {
      expect({ url, verdict: exposed(lan({ url, authorization: 'Bearer s3cret' })) }).toMatchObject({ url, verdict: { ok: false, status: 404 } });
      expect({ url, verdict: local(lan({ url, host: '127.0.0.1:8080', remote: '127.0.0.1' })) }).toMatchObject({ url, verdict: { ok: false, status: 404 } });
    }
    expect(exposed(lan({ url: '/%61pi/status' }))).toEqual({ ok: false, status: 404, message: 'GET /%61pi/status: not a path of this player (%61 stands for "a", which is written as itself)' });
  });

  it('lets the console through to its own session check from the LAN, without the token', () => {
    for (const [url, access] of [['/admin', 'public'], ['/admin/', 'public'], ['/admin/app.js', 'public'], ['/admin/api/status', 'console'], ['/admin/api/login', 'sign-in'], ['/admin?x=1', 'public']] as const) {
      expect(exposed(lan({ url, access }))).toEqual({ ok: true });
    }
    expect(exposed(lan({ method: 'POST', url: '/admin/api/login', access: 'sign-in', origin: 'http://192.168.1.20:8080' }))).toEqual({ ok: true });
    expect(exposed(lan({ url: '/admin/ws', access: 'console', isWebSocket: true, socketRoute: true, origin: 'http://192.168.1.20:8080' }))).toEqual({ ok: true });
  });

  it('keeps the Host rule for the console: no DNS rebinding', () => {
    expect(exposed(lan({ url: '/admin/api/login', access: 'sign-in', method: 'POST', host: 'evil.example:8080' }))).toMatchObject({ ok: false, status: 403 });
    expect(local(lan({ url: '/admin/', access: 'public', host: 'evil.example:8080', remote: '127.0.0.1' }))).toMatchObject({ ok: false, status: 403 });
    expect(local(lan({ url: '/admin/', access: 'public', host: '127.0.0.1:8080', remote: '127.0.0.1' }))).toEqual({ ok: true });
  });

  it('keeps the Origin rule for the console: no foreign page may sign in, save or open the preview', () => {
    const foreign = { origin: 'http://evil.example' };
    expect(exposed(lan({ method: 'POST', url: '/admin/api/login', access: 'sign-in', ...foreign }))).toEqual({ ok: false, status: 403, message: 'requests from http://evil.example may not drive the player' });
    expect(exposed(lan({ method: 'PUT', url: '/admin/api/files/schedule.json', access: 'console', ...foreign }))).toMatchObject({ ok: false, status: 403 });
    expect(exposed(lan({ method: 'DELETE', url: '/admin/api/media/x.png', access: 'console', ...foreign }))).toMatchObject({ ok: false, status: 403 });
    expect(exposed(lan({ url: '/admin/ws', access: 'console', isWebSocket: true, socketRoute: true, ...foreign }))).toMatchObject({ ok: false, status: 403 });
    expect(local(lan({ method: 'POST', url: '/admin/api/login', access: 'sign-in', host: '127.0.0.1:8080', remote: '127.0.0.1', origin: 'null' }))).toMatchObject({ ok: false, status: 403 });
    // Reading is not driving: a GET with a foreign Origin reaches the session check (and CORS keeps its answer from the page).
    expect(exposed(lan({ url: '/admin/api/status', access: 'console', ...foreign }))).toEqual({ ok: true });
  });
});
