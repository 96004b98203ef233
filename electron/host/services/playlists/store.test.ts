import { copyFileSync, cpSync, existsSync, fsyncSync, mkdirSync, mkdtempSync, openSync, closeSync, readFileSync, renameSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createHealth } from '../../domain/health/health.js';
import { FakeTime } from '../../fake-time.test-support.js';
import { createPlaylistStore, type Applied, type PlaylistStoreOptions, type SaveIo } from './store.js';

const FIXTURE = path.join(import.meta.dirname, 'fixtures', 'hall');
const made: string[] = [];
afterEach(() => made.splice(0).forEach((dir) => rmSync(dir, { recursive: true, force: true })));

function setup(overrides: Partial<PlaylistStoreOptions> = {}) {
  const root = mkdtempSync(path.join(tmpdir(), 'hallcast-store-'));
  made.push(root);
  cpSync(FIXTURE, root, { recursive: true });
  const applied: Applied[] = [];
  const warnings: string[] = [];
  const time = new FakeTime('2026-12-01T02:00:00Z');
  const store = createPlaylistStore({
    dir: path.join(root, 'playlists'),
    assetsDir: path.join(root, 'assets'),
    stateDir: path.join(root, 'state'),
    log: { info: () => undefined, warn: (m) => warnings.push(m) },
    now: () => Date.parse('2026-12-01T02:00:00Z'),
    timers: time.timers,
    onApply: (a) => applied.push(a),
    debounceMs: 20,
    ...overrides,
  });
  const schedulePath = path.join(root, 'playlists', 'schedule.json');
  return { root, store, applied, warnings, schedulePath, time };
}

/** Timers that never fire, for stores that are only reloaded by hand. */
const noTimers = new FakeTime('2026-12-01T02:00:00Z').timers;

function breakCron(file: string): void {
  writeFileSync(file, readFileSync(file, 'utf8').replace('"30 11 * * *"', '"61 * * * *"'));
}

describe('playlist store', () => {
  it('applies a valid folder and keeps the last good one when an edit is broken', () => {
    const { store, applied, schedulePath } = setup();
    expect(store.reload()).toBe(true);
    expect(applied.length).toBe(1);
    breakCron(schedulePath);
    expect(store.reload()).toBe(false);
    expect(applied.length).toBe(1);
    expect(store.current()?.config.schedule.entries[1]?.cron).toBe('30 11 * * *');
    expect(store.status().errors).toEqual([expect.stringMatching(/schedule\.json:18:15: error: cron "61 \* \* \* \*": minute: "61" is out of range/)]);
  });

  it('clears the errors once the folder is fixed', () => {
    const { store, schedulePath } = setup();
    const good = readFileSync(schedulePath, 'utf8');
    breakCron(schedulePath);
    store.reload();
    writeFileSync(schedulePath, good);
    expect(store.reload()).toBe(true);
    expect(store.status().errors).toEqual([]);
  });

  it('boots from the saved copy when the folder is broken at start', () => {
    const first = setup();
    first.store.reload();
    breakCron(first.schedulePath);
    const applied: Applied[] = [];
    const second = createPlaylistStore({
      dir: path.join(first.root, 'playlists'),
      assetsDir: path.join(first.root, 'assets'),
      stateDir: path.join(first.root, 'state'),
      log: { info: () => undefined, warn: () => undefined },
      now: () => 0,
      timers: noTimers,
      onApply: (a) => applied.push(a),
    });
    expect(second.reload()).toBe(false);
    expect(applied.map((a) => a.from)).toEqual(['saved copy']);
    expect(applied[0]!.config.schedule.entries[1]!.cron).toBe('30 11 * * *');
    expect(second.status().errors.length).toBe(1);
  });

  it('applies a schedule with LW and stays alive (issue 12: the reload used to throw and the player exit)', () => {
    const { store, applied, schedulePath } = setup();
    expect(store.reload()).toBe(true);
    writeFileSync(schedulePath, readFileSync(schedulePath, 'utf8').replace('"30 11 * * *"', '"0 17 LW * *"'));
    expect(store.reload()).toBe(true);
    expect(applied.map((a) => a.config.schedule.entries[1]!.cron)).toEqual(['30 11 * * *', '0 17 LW * *']);
    expect(store.status().errors).toEqual([]);
  });

  it('boots without a throw when the saved copy holds a cron this version refuses (saved by an older, laxer one)', () => {
    const { root, store, schedulePath } = setup();
    store.reload();
    const savedFile = path.join(root, 'state', 'last-good-config.json');
    const saved = JSON.parse(readFileSync(savedFile, 'utf8')) as { schedule: { entries: { cron?: string }[] } };
    saved.schedule.entries[1]!.cron = '0 0 5-1 * *'; // silently wrapped before issue 12
    writeFileSync(savedFile, JSON.stringify(saved));
    breakCron(schedulePath);
    const applied: Applied[] = [];
    const warnings: string[] = [];
    const next = createPlaylistStore({
      dir: path.join(root, 'playlists'),
      assetsDir: path.join(root, 'assets'),
      stateDir: path.join(root, 'state'),
      log: { info: () => undefined, warn: (m) => warnings.push(m) },
      now: () => 0,
      timers: noTimers,
      onApply: (a) => applied.push(a),
    });
    expect(next.reload()).toBe(false);
    expect(applied).toEqual([]);
    expect(next.current()).toBeNull();
    expect(warnings).toContain('the saved configuration cannot be used');
    expect(next.status().errors).toEqual([expect.stringMatching(/minute: "61" is out of range/)]);
  });

  it('reads a copy saved before announcements.json existed as a hall without one', () => {
    const { root, store } = setup();
    store.reload();
    const savedFile = path.join(root, 'state', 'last-good-config.json');
    const saved = JSON.parse(readFileSync(savedFile, 'utf8')) as Record<string, unknown>;
    delete saved.announcements;
    delete saved.queue;
    writeFileSync(savedFile, JSON.stringify(saved));
    breakCron(path.join(root, 'playlists', 'schedule.json'));
    const applied: Applied[] = [];
    const next = createPlaylistStore({
      dir: path.join(root, 'playlists'),
      assetsDir: path.join(root, 'assets'),
      stateDir: path.join(root, 'state'),
      log: { info: () => undefined, warn: () => undefined },
      now: () => 0,
      timers: noTimers,
      onApply: (a) => applied.push(a),
    });
    next.reload();
    expect(applied[0]!.from).toBe('saved copy');
    expect(applied[0]!.config.announcements).toBeNull();
    expect(applied[0]!.config.queue).toBeNull();
  });

  it('reloads by itself when a file in the folder changes', async () => {
    const { store, applied, schedulePath, time } = setup();
    store.start();
    const started = time.now();
    // The debounce runs on the store's (fake) timers: time moves on in steps, but stays short of
    // the 30-s recheck, so only the watcher's event can have reloaded.
    const next = new Promise<void>((done) => {
      const check = setInterval(() => {
        if (applied.length === 2) {
          clearInterval(check);
          done();
        } else if (time.now() - started < 20_000) time.advance(50);
      }, 10);
    });
    writeFileSync(schedulePath, readFileSync(schedulePath, 'utf8').replace('"14:00"', '"15:00"'));
    await next;
    store.stop();
    expect(applied[1]!.config.schedule.entries[1]!.until).toBe('15:00');
  });

  it('compares the folder every 30 s, for the changes fs.watch misses, and loads only what changed', () => {
    const { store, applied, schedulePath, time } = setup({ watch: false });
    store.start();
    expect(applied).toHaveLength(1);
    time.advance(30_000);
    expect(applied).toHaveLength(1);
    writeFileSync(schedulePath, readFileSync(schedulePath, 'utf8').replace('"14:00"', '"15:00"'));
    time.advance(29_000);
    expect(applied).toHaveLength(1);
    time.advance(1000);
    expect(applied.map((a) => a.config.schedule.entries[1]!.until)).toEqual(['14:00', '15:00']);
    time.advance(60_000);
    expect(applied).toHaveLength(2);
    store.stop();
    writeFileSync(schedulePath, readFileSync(schedulePath, 'utf8').replace('"15:00"', '"16:00"'));
    time.advance(60_000);
    expect(applied).toHaveLength(2);
  });

  it('sees a change that kept the size and modification time of the file (cp -p, rsync -a)', async () => {
    const { store, applied, schedulePath, time } = setup({ watch: false });
    const stamp = new Date('2026-11-30T09:00:00Z');
    utimesSync(schedulePath, stamp, stamp);
    store.start();
    await new Promise((done) => setTimeout(done, 20)); // a later status change time
    writeFileSync(schedulePath, readFileSync(schedulePath, 'utf8').replace('"14:00"', '"15:00"'));
    utimesSync(schedulePath, stamp, stamp);
    time.advance(30_000);
    store.stop();
    expect(applied.map((a) => a.config.schedule.entries[1]!.until)).toEqual(['14:00', '15:00']);
  });

  it('does not load again a change it applied already when the watcher or the recheck sees it (a console save)', async () => {
    const { store, applied, schedulePath, time } = setup();
    store.start();
    writeFileSync(schedulePath, readFileSync(schedulePath, 'utf8').replace('"14:00"', '"15:00"'));
    expect(store.reload()).toBe(true);
    await new Promise((done) => setTimeout(done, 200)); // the watcher's event, debounced 20 ms
    time.advance(30_000);
    store.stop();
    expect(applied.map((a) => a.config.schedule.entries[1]!.until)).toEqual(['14:00', '15:00']);
  });

  it('tries a refused folder again every 30 s: media copied in later makes it good', () => {
    const { root, store, applied, time } = setup({ watch: false });
    store.start();
    const welcome = path.join(root, 'playlists', 'programmes', 'welcome.json');
    writeFileSync(welcome, readFileSync(welcome, 'utf8').replace('video/clip.mp4', 'video/new.mp4'));
    time.advance(30_000);
    expect(store.status().errors).toEqual([expect.stringMatching(/media file not found: .*assets\/video\/new\.mp4/)]);
    copyFileSync(path.join(root, 'assets', 'video', 'clip.mp4'), path.join(root, 'assets', 'video', 'new.mp4'));
    time.advance(30_000);
    expect(store.status().errors).toEqual([]);
    expect(applied.map((a) => a.config.programmes.welcome!.items[0])).toEqual([expect.objectContaining({ src: 'video/clip.mp4' }), expect.objectContaining({ src: 'video/new.mp4' })]);
    store.stop();
  });

  it('plays on when the disk refuses the saved copy, reports it, gives back the half-written copy and saves again once there is space', () => {
    let full: string | null = 'ENOSPC';
    const io: SaveIo = {
      mkdir: (dir) => void mkdirSync(dir, { recursive: true }),
      write(file, text) {
        // A full disk takes the first bytes, then refuses.
        writeFileSync(file, full ? text.slice(0, 10) : text);
        if (full) throw Object.assign(new Error(`${full}: no space left on device`), { code: full });
      },
      sync(file) {
        const fd = openSync(file, 'r');
        fsyncSync(fd);
        closeSync(fd);
      },
      rename: (from, to) => renameSync(from, to),
      remove: (file) => rmSync(file, { force: true }),
    };
    const health = createHealth({ now: () => 0, log: { info: () => undefined, warn: () => undefined } });
    const { store, applied, root, time } = setup({ io, health, watch: false });
    store.start();
    expect(applied).toHaveLength(1);
    const saved = path.join(root, 'state', 'last-good-config.json');
    expect(existsSync(saved)).toBe(false);
    expect(existsSync(`${saved}.tmp`)).toBe(false);
    expect(health.view().classes.disk.active).toEqual([expect.objectContaining({ key: 'last-good-config', fields: expect.objectContaining({ code: 'ENOSPC', dropped: 1 }) })]);
    // Saved again at each 30-s recheck while the folder is unchanged, without loading it again.
    time.advance(30_000);
    expect(existsSync(saved)).toBe(false);
    expect(health.view().classes.disk.active).toEqual([expect.objectContaining({ fields: expect.objectContaining({ dropped: 2 }) })]);
    full = null;
    time.advance(30_000);
    expect(JSON.parse(readFileSync(saved, 'utf8'))).toMatchObject({ schedule: expect.any(Object) });
    expect(health.view().ok).toBe(true);
    time.advance(30_000);
    expect(health.view().ok).toBe(true);
    expect(applied).toHaveLength(1);
    store.stop();
  });
});
