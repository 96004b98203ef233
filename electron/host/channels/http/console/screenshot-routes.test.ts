import { afterEach, describe, expect, it } from 'vitest';
import { createScreenCaptures, type CaptureRequest, type ScreenCaptures } from '../../../services/screens/screen-captures.js';
import { CAPTURE_RATE } from '../../../commands/screens.js';
import { consoleHall, type ConsoleHall } from './console-hall.test-support.js';

const JPEG = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3, 0xff, 0xd9]);

const halls: ConsoleHall[] = [];
afterEach(async () => {
  for (const hall of halls.splice(0)) await hall.close();
});

async function setup(overrides: Parameters<typeof consoleHall>[0] = {}): Promise<{ hall: ConsoleHall; screens: ScreenCaptures }> {
  // The hall's fake clock is made inside consoleHall: the registry reads it through the host.
  let screens: ScreenCaptures | null = null;
  const lazy: ScreenCaptures = {
    register: (...a) => screens!.register(...a),
    known: (...a) => screens!.known(...a),
    free: (...a) => screens!.free(...a),
    take: (...a) => screens!.take(...a),
    list: () => screens!.list(),
  };
  const hall = await consoleHall({ screens: lazy, ...overrides });
  screens = createScreenCaptures({ clock: hall.time, timers: hall.time.timers });
  halls.push(hall);
  return { hall, screens };
}

describe('GET /api/displays/ID/screenshot', () => {
  it('answers a signed-in console with the JPEG the display\'s shell took, at the width asked', async () => {
    const { hall, screens } = await setup();
    const asked: CaptureRequest[] = [];
    screens.register('waiting', async (request) => {
      asked.push(request);
      return JPEG;
    });
    const { headers } = await hall.signIn();
    for (const url of ['/api/displays/waiting/screenshot?width=320', '/admin/api/displays/waiting/screenshot?width=640']) {
      const response = await hall.app.inject({ method: 'GET', url, headers });
      expect(response.statusCode).toBe(200);
      expect(response.headers['content-type']).toBe('image/jpeg');
      expect(response.headers['cache-control']).toBe('no-store');
      expect(response.headers['x-hallcast-taken-at']).toBe(String(hall.time.now()));
      expect(response.rawPayload.equals(JPEG)).toBe(true);
    }
    expect(asked).toEqual([{ maxWidth: 320 }, { maxWidth: 640 }]);
  });

  it('refuses a display nobody captures, one that left, a bad id and a bad width, each with its reason', async () => {
    const { hall, screens } = await setup();
    screens.register('waiting', async () => JPEG)();
    const { headers } = await hall.signIn();
    const get = async (url: string) => {
      const r = await hall.app.inject({ method: 'GET', url, headers });
      return { status: r.statusCode, reason: (r.json() as { reason: string }).reason, error: (r.json() as { error: string }).error, retry: r.headers['retry-after'] };
    };
    expect(await get('/api/displays/entrance/screenshot')).toEqual({ status: 404, reason: 'unknown-display', error: expect.stringContaining('hallcast kiosk --display entrance'), retry: undefined });
    expect(await get('/api/displays/waiting/screenshot')).toEqual({ status: 503, reason: 'display-gone', error: expect.stringContaining('display "waiting" left at 2026-12-01T02:17:00.000Z'), retry: '1' });
    expect(await get('/api/displays/Waiting/screenshot')).toMatchObject({ status: 400, reason: 'invalid-request' });
    for (const width of ['0', '15', '3841', '320px', '1e3', '-1']) expect(await get(`/api/displays/waiting/screenshot?width=${width}`)).toMatchObject({ status: 400, reason: 'invalid-request' });
    expect((await hall.app.inject({ method: 'GET', url: '/admin/api/screens', headers })).json()).toEqual({ displays: [{ id: 'waiting', leftAt: hall.time.now() }] });
  });

  it('is the console\'s: without a session another machine gets 401, its API token notwithstanding', async () => {
    const { hall, screens } = await setup({ bindAddress: '0.0.0.0', token: 's3cret' });
    screens.register('waiting', async () => JPEG);
    const lan = { host: '192.168.1.20:8080' };
    for (const url of ['/api/displays/waiting/screenshot', '/admin/api/displays/waiting/screenshot', '/admin/api/screens']) {
      for (const extra of [{}, { authorization: 'Bearer s3cret' }]) {
        const response = await hall.app.inject({ method: 'GET', url, headers: { ...lan, ...extra }, remoteAddress: '192.168.1.50' });
        expect({ url, status: response.statusCode }).toEqual({ url, status: 401 });
      }
    }
    const { headers } = await hall.signIn('192.168.1.50');
    const signedIn = await hall.app.inject({ method: 'GET', url: '/api/displays/waiting/screenshot', headers, remoteAddress: '192.168.1.50' });
    expect(signedIn.statusCode).toBe(200);
  });

  it('answers 1,000 requests at once with pictures or quick refusals, taking only a handful of pictures', async () => {
    const { hall, screens } = await setup();
    let captures = 0;
    screens.register('waiting', async () => {
      captures++;
      await new Promise((resolve) => setTimeout(resolve, 5));
      return JPEG;
    });
    const { headers } = await hall.signIn();
    const widths = [null, 160, 320, 640];
    const answers = await Promise.all(
      Array.from({ length: 1000 }, (_, i) => {
        const width = widths[i % widths.length];
        return hall.app.inject({ method: 'GET', url: `/api/displays/waiting/screenshot${width ? `?width=${width}` : ''}`, headers });
      }),
    );
    const counts: Record<number, number> = {};
    for (const a of answers) counts[a.statusCode] = (counts[a.statusCode] ?? 0) + 1;
    expect(Object.keys(counts).every((s) => ['200', '429', '503'].includes(s))).toBe(true);
    for (const a of answers.filter((x) => x.statusCode !== 200)) expect((a.json() as { reason: string }).reason).toMatch(/^(rate-limited|busy)$/);
    expect(counts[200]).toBeGreaterThan(0);
    expect(captures).toBeLessThanOrEqual(CAPTURE_RATE.burst);
    // The bucket refills: once the clock moves on, a new picture is taken.
    hall.time.advance(2_000);
    expect((await hall.app.inject({ method: 'GET', url: '/api/displays/waiting/screenshot?width=800', headers })).statusCode).toBe(200);
  });
});
