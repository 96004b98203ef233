import { describe, expect, it } from 'vitest';
import { createGuard, isConsole, type GuardRequest } from './guard.js';

const exposed = createGuard({ bindHost: '0.0.0.0', port: 8080, token: 's3cret' });
const local = createGuard({ bindHost: '127.0.0.1', port: 8080, token: null });
const lan = (request: Partial<GuardRequest>): GuardRequest => ({
  method: 'GET',
  url: '/api/status',
  host: '192.168.1.20:8080',
  origin: undefined,
  authorization: undefined,
  remote: '192.168.1.50',
  isWebSocket: false,
  ...request,
});

describe('guard', () => {
  it('asks other machines for the token on /api/ and /ws when bound beyond loopback', () => {
    expect(exposed(lan({}))).toEqual({ ok: false, status: 401, message: 'this player needs a token: send Authorization: Bearer TOKEN' });
    expect(exposed(lan({ authorization: 'Bearer s3cret' }))).toEqual({ ok: true });
    expect(exposed(lan({ url: '/ws', isWebSocket: true }))).toMatchObject({ ok: false, status: 401 });
    expect(exposed(lan({ url: '/ws?token=s3cret', isWebSocket: true }))).toEqual({ ok: true });
    expect(exposed(lan({ remote: '127.0.0.1', host: '127.0.0.1:8080' }))).toEqual({ ok: true });
  });

  it('lets the console through to its own session check from the LAN, without the token', () => {
    for (const url of ['/admin', '/admin/', '/admin/app.js', '/admin/api/status', '/admin/api/login', '/admin?x=1']) {
      expect(exposed(lan({ url }))).toEqual({ ok: true });
    }
    expect(exposed(lan({ method: 'POST', url: '/admin/api/login', origin: 'http://192.168.1.20:8080' }))).toEqual({ ok: true });
    expect(exposed(lan({ url: '/admin/ws', isWebSocket: true, origin: 'http://192.168.1.20:8080' }))).toEqual({ ok: true });
    // Only the console: a look-alike path is the API's.
    expect(exposed(lan({ url: '/administrator/api' }))).toEqual({ ok: true });
    expect(isConsole('/administrator')).toBe(false);
    expect(isConsole('/api/admin')).toBe(false);
  });

  it('keeps the Host rule for the console: no DNS rebinding', () => {
    expect(exposed(lan({ url: '/admin/api/login', method: 'POST', host: 'evil.example:8080' }))).toMatchObject({ ok: false, status: 403 });
    expect(local(lan({ url: '/admin/', host: 'evil.example:8080', remote: '127.0.0.1' }))).toMatchObject({ ok: false, status: 403 });
    expect(local(lan({ url: '/admin/', host: '127.0.0.1:8080', remote: '127.0.0.1' }))).toEqual({ ok: true });
  });

  it('keeps the Origin rule for the console: no foreign page may sign in, save or open the preview', () => {
    const foreign = { origin: 'http://evil.example' };
    expect(exposed(lan({ method: 'POST', url: '/admin/api/login', ...foreign }))).toEqual({ ok: false, status: 403, message: 'requests from http://evil.example may not drive the player' });
    expect(exposed(lan({ method: 'PUT', url: '/admin/api/files/schedule.json', ...foreign }))).toMatchObject({ ok: false, status: 403 });
    expect(exposed(lan({ method: 'DELETE', url: '/admin/api/media/x.png', ...foreign }))).toMatchObject({ ok: false, status: 403 });
    expect(exposed(lan({ url: '/admin/ws', isWebSocket: true, ...foreign }))).toMatchObject({ ok: false, status: 403 });
    expect(local(lan({ method: 'POST', url: '/admin/api/login', host: '127.0.0.1:8080', remote: '127.0.0.1', origin: 'null' }))).toMatchObject({ ok: false, status: 403 });
    // Reading is not driving: a GET with a foreign Origin reaches the session check (and CORS keeps its answer from the page).
    expect(exposed(lan({ url: '/admin/api/status', ...foreign }))).toEqual({ ok: true });
  });
});
