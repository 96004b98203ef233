import { mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { testHall } from '../../test-hall.test-support.js';
import { createHostServer } from './host-server.test-support.js';

// A Prometheus text-format parser that is not ours: what we print must be what a scraper reads.
type Family = { name: string; type: string; metrics: { value?: string; labels?: Record<string, string> }[] };
const parsePrometheusTextFormat = createRequire(import.meta.url)('parse-prometheus-text-format') as (text: string) => Family[];

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

async function setup(token: string | null = null) {
  const hall = testHall('2026-12-01T10:17:00+08:00', (dir) => {
    mkdirSync(path.join(dir, 'renderer'));
    writeFileSync(path.join(dir, 'renderer', 'index.html'), '<!doctype html><title>hall</title>');
  });
  hall.host.start();
  cleanups.push(hall.cleanup);
  const app = await createHostServer({
    host: hall.host,
    rendererDir: path.join(hall.root, 'renderer'),
    assetsDir: path.join(hall.root, 'assets'),
    playlistsDir: path.join(hall.root, 'playlists'),
    stateDir: path.join(hall.root, 'state'),
    bindAddress: token ? '0.0.0.0' : '127.0.0.1',
    port: 8080,
    token,
    version: '0.0.0-test',
    now: hall.time.now,
  });
  cleanups.push(() => app.close());
  return { ...hall, app };
}

const value = (families: Family[], name: string, labels: Record<string, string> = {}): number | undefined => {
  const family = families.find((f) => f.name === name);
  const metric = family?.metrics.find((m) => Object.entries(labels).every(([k, v]) => m.labels?.[k] === v));
  return metric?.value === undefined ? undefined : Number(metric.value);
};

describe('GET /metrics', () => {
  it('is Prometheus text a parser reads: displays, items by reason, announcements, feed state and lag, refused loads, health, process', async () => {
    const { app, host, time, root } = await setup();
    host.receive({ type: 'hello', hello: { shell: 'chromium', width: 1920, height: 1080, userAgent: 't' } }, 's1');
    const report = (event: 'first-frame' | 'skipped', reason?: string) =>
      host.receive({ type: 'report', report: { event, programme: 'morning', item: 'morning#0', url: null, at: time.now(), ...(reason ? { reason } : {}) } }, 's1');
    report('first-frame');
    report('skipped', 'stalled');
    report('skipped', 'stalled');
    // A reason no player sends is one label value, not a new series per string.
    report('skipped', 'x'.repeat(50));
    writeFileSync(path.join(root, 'playlists', 'schedule.json'), '{ broken');
    host.reload();
    const response = await app.inject({ method: 'GET', url: '/metrics', headers: { host: '127.0.0.1:8080' } });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('text/plain');
    const families = parsePrometheusTextFormat(response.body);
    expect(value(families, 'hallcast_displays', { assigned: 'false', alive: 'true' })).toBe(1);
    expect(value(families, 'hallcast_items_total', { event: 'first-frame' })).toBe(1);
    expect(value(families, 'hallcast_items_total', { event: 'skipped', reason: 'stalled' })).toBe(2);
    expect(value(families, 'hallcast_items_total', { event: 'skipped', reason: 'other' })).toBe(1);
    expect(value(families, 'hallcast_playlist_loads_refused')).toBe(1);
    expect(value(families, 'hallcast_health_events', { class: 'stalled-items' })).toBe(2);
    expect(value(families, 'hallcast_pa_can_speak')).toBe(0);
    expect(families.find((f) => f.name === 'hallcast_process_process_resident_memory_bytes')?.type).toBe('GAUGE');
    expect(families.some((f) => f.name.startsWith('hallcast_process_nodejs_eventloop_lag'))).toBe(true);
  });

  it('from another machine needs the token, like the API', async () => {
    const { app } = await setup('T0ken-for-metrics');
    const lan = { host: '10.0.0.5:8080' };
    const remote = { remoteAddress: '10.0.0.9' };
    expect((await app.inject({ method: 'GET', url: '/metrics', headers: lan, ...remote })).statusCode).toBe(401);
    expect((await app.inject({ method: 'GET', url: '/metrics', headers: { ...lan, authorization: 'Bearer T0ken-for-metrics' }, ...remote })).statusCode).toBe(200);
  });
});
