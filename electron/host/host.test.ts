import { copyFileSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { DisplayState } from '../contract/messages.js';
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

  it('records a start in the middle of a slot, a schedule edit or a clock step as joining the slot, not as a late first frame', () => {
    const { host, time, root } = setup('2026-12-01T08:53:00+08:00');
    host.start();
    const slot = Date.parse('2026-12-01T08:30:00+08:00');
    host.receive({ type: 'report', report: { event: 'first-frame', programme: 'morning', item: 'morning#0', url: null, at: time.now() + 400 } }, 'screen-1');
    time.advance(3000);
    time.jumpWall(-3600_000); // 07:53: welcome, come into by a clock step
    time.advance(1000);
    host.receive({ type: 'report', report: { event: 'first-frame', programme: 'welcome', item: 'welcome#0', url: null, at: time.now() + 200 } }, 'screen-1');
    host.stop();
    const dir = path.join(root, 'state', 'proof-of-play');
    const lines = readdirSync(dir).flatMap((f) => readFileSync(path.join(dir, f), 'utf8').trim().split('\n').map((l) => JSON.parse(l)));
    expect(lines[0]).toMatchObject({ event: 'first-frame', programme: 'morning', scheduledAt: slot, joined: 'player-start', joinedMs: 23 * 60_000 + 400 });
    expect(lines[0].lateMs).toBeUndefined();
    expect(lines[1]).toMatchObject({ event: 'first-frame', programme: 'welcome', joined: 'clock-step' });
    expect(lines[1].lateMs).toBeUndefined();
  });

  it('alerts the floor staff in status when next year\'s holidays are only computed, and plays them as holidays', () => {
    const { host } = setup('2026-12-07T10:00:00+08:00');
    host.start();
    expect(host.status().alerts).toEqual([expect.objectContaining({ kind: 'provisional-holidays', calendar: 'cn', year: 2027 })]);
    host.stop();
    const summer = setup('2026-06-01T10:00:00+08:00');
    summer.host.start();
    expect(summer.host.status().alerts).toEqual([]);
    summer.host.stop();
  });

  it('follows a clock step either way within a 1 s heartbeat: one line and one health count per step, and a new state with the new time', () => {
    const { host, states, time, warnings } = setup('2026-12-01T08:20:00+08:00');
    host.start();
    const atStart = warnings.length;
    time.advance(3000);
    time.jumpWall(3600_000); // 09:20:03: morning
    time.advance(1000);
    expect(host.status().programme?.id).toBe('morning');
    expect(states.at(-1)!.serverTime).toBe(time.now());
    time.advance(3000);
    time.jumpWall(-3600_000); // 08:20:07: welcome again, at once
    time.advance(1000);
    expect(host.status().programme?.id).toBe('welcome');
    time.advance(2000);
    time.jumpWall(-600_000); // 08:10:10: still welcome, but the displays' clocks must follow
    time.advance(1000);
    expect(states.at(-1)!.programme?.id).toBe('welcome');
    expect(states.at(-1)!.serverTime).toBe(time.now());
    expect(host.status().health.classes['clock-jumps'].count).toBe(3);
    // Nothing else warned: one line per step.
    expect(warnings.slice(atStart)).toStrictEqual([
      'clock stepped +3600 s (08:20:04 → 09:20:04 UTC+08:00)',
      'clock stepped -3600 s (09:20:08 → 08:20:08 UTC+08:00)',
      'clock stepped -600 s (08:20:11 → 08:10:11 UTC+08:00)',
    ]);
    host.stop();
  });

  it('keeps care rules on elapsed time across a clock step: a step back neither silences a rule for an hour nor stretches its slide', async () => {
    const { host, states, time, infos } = setup('2026-12-01T10:00:00+08:00', (root) => {
      copyFileSync(path.join(import.meta.dirname, '../../e2e/hall/queue.json'), path.join(root, 'playlists', 'queue.json'));
      const slide = { title: { 'zh-CN': '排队较长', en: 'Long queue' }, seconds: 60 };
      writeFileSync(path.join(root, 'playlists', 'announcements.json'), JSON.stringify({ careRules: [{ id: 'busy', service: 'A', waitingAtLeast: 2, everyMinutes: 15, slide }] }));
    });
    host.start();
    const issue = async (seq: number) => {
      host.queue.hub()!.ingest([{ type: 'ticket.issued', seq, at: time.now(), ticket: `A00${seq}`, service: 'A' }]);
      await Promise.resolve(); // the board is published in a microtask
    };
    await issue(1);
    await issue(2);
    expect(infos.filter((m) => m === 'care rule fired')).toHaveLength(1);
    time.jumpWall(-3600_000); // 09:00
    time.advance(1000);
    const after = states.at(-1)!;
    expect(after.diversion!.until - after.serverTime).toBe(59_000);
    time.advance(15 * 60_000); // 09:15:01, fifteen minutes after it fired
    await issue(3);
    expect(infos.filter((m) => m === 'care rule fired')).toHaveLength(2);
    host.stop();
  });

  it('reads no call of a hall that turned calls off, even those its simulated queue makes as it loads', async () => {
    // The queue is loaded before the PA's settings and voice packs: calls made while it loads (the
    // simulator's last minutes, fresh as at start) must reach the PA only once both are in force.
    const { host, warnings } = setup('2026-12-01T10:17:00+08:00', (root) => {
      const queue = JSON.parse(readFileSync(path.join(import.meta.dirname, '../../e2e/hall/queue.json'), 'utf8')) as Record<string, unknown>;
      writeFileSync(path.join(root, 'playlists', 'queue.json'), JSON.stringify({ ...queue, feed: { kind: 'simulator', seed: 7 }, callMaxAgeSeconds: 600 }));
      writeFileSync(path.join(root, 'playlists', 'announcements.json'), JSON.stringify({ calls: { enabled: false } }));
    });
    host.start();
    await new Promise((r) => setTimeout(r, 0));
    expect(host.queue.board()!.calls.some((c) => c.fresh)).toBe(true);
    const pa = host.pa.desk.view();
    expect([pa.current, pa.pending, pa.recent]).toStrictEqual([null, [], []]);
    expect(warnings.filter((w) => w.startsWith('announcement'))).toStrictEqual([]);
    host.stop();
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

  it('starts and plays on a state disk that refuses every write, reports it under health, and resumes when writes go through', () => {
    const { host, states, time, root } = setup('2026-12-01T15:00:00+08:00', (r) => {
      // Writes fail with real errors of the file system: a file where the log's folder should be
      // (ENOTDIR/EEXIST) and a folder where the saved copy's temporary file goes (EISDIR).
      mkdirSync(path.join(r, 'state', 'last-good-config.json.tmp'), { recursive: true });
      writeFileSync(path.join(r, 'state', 'proof-of-play'), 'not a folder');
    });
    host.start();
    expect(states.at(-1)?.programme?.id).toBe('welcome');
    const report = (at: number) => host.receive({ type: 'report', report: { event: 'first-frame', programme: 'welcome', item: 'welcome#0', url: null, at } }, 'screen-1');
    report(time.now());
    report(time.now() + 1);
    const disk = host.status().health.classes.disk;
    expect(disk.active.map((a) => a.key).sort()).toEqual(['last-good-config', 'proof-of-play']);
    expect(disk.active.find((a) => a.key === 'proof-of-play')?.fields).toMatchObject({ dropped: 2 });
    expect(host.status().health.ok).toBe(false);

    rmSync(path.join(root, 'state', 'proof-of-play'));
    rmSync(path.join(root, 'state', 'last-good-config.json.tmp'), { recursive: true });
    report(time.now() + 2);
    time.advance(30_000);
    expect(host.status().health.ok).toBe(true);
    const [file] = readdirSync(path.join(root, 'state', 'proof-of-play'));
    expect(readFileSync(path.join(root, 'state', 'proof-of-play', file!), 'utf8').trim().split('\n')).toHaveLength(1);
    expect(JSON.parse(readFileSync(path.join(root, 'state', 'last-good-config.json'), 'utf8'))).toMatchObject({ schedule: expect.any(Object) });
  });
});
