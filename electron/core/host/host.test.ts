import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { DisplayState } from '../../contract.js';
import { testHall } from './test-hall.test-support.js';

const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((cleanup) => cleanup()));

function setup(startIso: string, prepare?: (root: string) => void) {
  const hall = testHall(startIso, prepare);
  cleanups.push(hall.cleanup);
  const states: DisplayState[] = [];
  hall.host.subscribe((s) => states.push(s));
  return { ...hall, states };
}

describe('host', () => {
  it('tells displays what to play, with media URLs, volumes, layout and ticker', () => {
    const { host, states } = setup('2026-12-01T15:00:00+08:00');
    host.start();
    expect(states.length).toBe(1);
    const state = states[0]!;
    expect(state.programme?.id).toBe('welcome');
    expect(state.programme?.items).toEqual([
      { type: 'video', key: 'welcome#0', volume: 1, url: '/media/video/clip.mp4', in: null, out: null },
      { type: 'image', key: 'welcome#1', volume: 0, url: '/media/images/slide.png', duration: 8 },
    ]);
    expect(state.layout.zones.map((z) => `${z.name}:${z.kind}`)).toEqual(['main:programme', 'queue:queue', 'ticker:ticker']);
    expect(state.ticker.notices).toEqual([{ 'zh-CN': '自助终端可办理缴费', en: 'Pay at the self-service kiosks' }]);
    expect(state.timezone).toBe('Asia/Shanghai');
    expect(state.nextSwitch).toBe(Date.parse('2026-12-02T08:30:00+08:00'));
    host.stop();
  });

  it('switches at the boundary and logs how late the first frame came', () => {
    const { host, states, time, root } = setup('2026-12-01T08:29:58+08:00');
    host.start();
    time.advance(2000);
    expect(states.map((s) => s.programme?.id)).toEqual(['welcome', 'morning']);
    const boundary = Date.parse('2026-12-01T08:30:00+08:00');
    host.receive({ type: 'report', report: { event: 'first-frame', programme: 'morning', item: 'morning#0', url: null, at: boundary + 180 } }, 'screen-1');
    host.receive({ type: 'report', report: { event: 'skipped', programme: 'morning', item: 'morning#1', url: '/media/x.mp4', at: boundary + 900, reason: 'missing' } }, 'screen-1');
    host.stop();
    const [file] = readdirSync(path.join(root, 'state', 'proof-of-play'));
    expect(file).toBe('2026-12-01.jsonl');
    const lines = readFileSync(path.join(root, 'state', 'proof-of-play', file!), 'utf8').trim().split('\n').map((l) => JSON.parse(l));
    expect(lines[0]).toMatchObject({ event: 'first-frame', programme: 'morning', display: 'screen-1', scheduledAt: boundary, lateMs: 180 });
    expect(lines[1]).toMatchObject({ event: 'skipped', reason: 'missing', scheduledAt: boundary });
    expect(lines[1].lateMs).toBeUndefined();
  });

  it('counts stalled or undecodable items and lost WebGL contexts in health, not missing files', () => {
    const { host } = setup('2026-12-01T15:00:00+08:00');
    host.start();
    const skipped = (item: string, reason: string, detail?: string) =>
      host.receive({ type: 'report', report: { event: 'skipped', programme: 'welcome', item, url: '/media/x.mp4', at: 0, reason, ...(detail ? { detail } : {}) } }, 'd1');
    skipped('welcome#0', 'stalled', 'no-first-frame');
    skipped('welcome#1', 'decode-error');
    skipped('welcome#2', 'missing');
    host.receive({ type: 'fault', fault: { kind: 'gpu-context-lost', at: 0 } }, 'd1');
    const { classes } = host.health.view();
    expect(classes['stalled-items'].count).toBe(2);
    expect(classes['stalled-items'].last?.fields).toMatchObject({ display: 'd1', item: 'welcome#1', reason: 'decode-error' });
    expect(classes['gpu-context-lost'].count).toBe(1);
    host.stop();
  });

  it('sends the new plan when a reload changes the programme’s items without a switch', () => {
    const { host, states, root } = setup('2026-12-01T15:00:00+08:00');
    host.start();
    const file = path.join(root, 'playlists', 'programmes', 'welcome.json');
    writeFileSync(file, readFileSync(file, 'utf8').replace('"duration": 8', '"duration": 12'));
    expect(host.reload()).toBe(true);
    expect(states.length).toBe(2);
    expect(states[1]!.programme?.items[1]).toMatchObject({ duration: 12 });
    expect(states[1]!.seq).toBeGreaterThan(states[0]!.seq);
  });

  it('shows the idle slide, not a blank screen, when it boots with a broken folder and no saved copy', () => {
    const { host, states, warnings } = setup('2026-12-01T15:00:00+08:00', (root) => writeFileSync(path.join(root, 'playlists', 'schedule.json'), '{'));
    host.start();
    expect(states).toEqual([]);
    expect(host.state().programme).toBeNull();
    expect(host.state().layout.zones.some((z) => z.kind === 'programme')).toBe(true);
    expect(host.status().ok).toBe(false);
    expect(host.status().playlists.errors.length).toBeGreaterThan(0);
    expect(warnings).toContain('no valid playlists and no saved copy: showing the idle slide until the folder is fixed');
  });

  it('tracks displays from their hello and heartbeats, and ignores them once gone', () => {
    const { host } = setup('2026-12-01T15:00:00+08:00');
    host.start();
    host.receive({ type: 'hello', hello: { shell: 'chromium', width: 1920, height: 1080, userAgent: 'test' } }, 'd1');
    host.receive({ type: 'heartbeat', heartbeat: { at: 0, programme: 'welcome', item: 'welcome#1', position: 3.5 } }, 'd1');
    expect(host.status().nowPlaying).toEqual({ item: 'welcome#1', position: 3.5 });
    expect(host.status().displays[0]).toMatchObject({ id: 'd1', shell: 'chromium', width: 1920 });
    host.disconnect('d1');
    expect(host.status().displays).toEqual([]);
  });
});
