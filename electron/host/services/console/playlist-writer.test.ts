import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { diskIo, type WriteIo } from './atomic-file.js';
import { createHistory } from './history.js';
import { createPlaylistWriter, versionOf } from './playlist-writer.js';

const FIXTURE = path.join(import.meta.dirname, '../playlists/fixtures/hall');
const NOW = Date.parse('2026-12-01T10:17:00+08:00');
const roots: string[] = [];
afterEach(() => {
  for (const root of roots.splice(0)) rmSync(root, { recursive: true, force: true });
});

function hall(io?: WriteIo) {
  const root = mkdtempSync(path.join(tmpdir(), 'hallcast-writer-'));
  roots.push(root);
  cpSync(FIXTURE, root, { recursive: true });
  const playlists = path.join(root, 'playlists');
  const history = createHistory({ stateDir: path.join(root, 'state'), now: () => NOW });
  let reloads = 0;
  const writer = createPlaylistWriter({
    playlistsDir: playlists,
    assetsDir: path.join(root, 'assets'),
    history,
    now: () => NOW,
    reload: () => {
      reloads++;
      return true;
    },
    ...(io ? { io } : {}),
  });
  const file = (name: string): string => readFileSync(path.join(playlists, name), 'utf8');
  const version = (name: string): string => versionOf(readFileSync(path.join(playlists, name)));
  return { root, playlists, writer, history, file, version, reloads: () => reloads };
}

const morning = (title: string) => ({
  $schema: '../schema/programme.schema.json',
  title: { 'zh-CN': title, en: 'Morning' },
  items: [{ type: 'text', duration: 5, title: { 'zh-CN': '早上好' } }],
});

describe('playlist writer', () => {
  it('lists and reads the known files with their versions', () => {
    const { writer, version } = hall();
    expect(writer.list().map((f) => `${f.kind} ${f.path}`)).toEqual(['schedule schedule.json', 'layouts layouts.json', 'ticker ticker.json', 'calendars calendars.json', 'programme programmes/morning.json', 'programme programmes/welcome.json']);
    const read = writer.read('programmes/morning.json');
    expect(read).toMatchObject({ path: 'programmes/morning.json', version: version('programmes/morning.json'), content: { title: { 'zh-CN': '早间节目' } } });
    expect(writer.read('schema/programme.schema.json')).toBeNull();
    expect(writer.read('../playlists/schedule.json')).toBeNull();
    expect(writer.read('programmes/../schedule.json')).toBeNull();
    expect(writer.read('programmes/Bad_Name.json')).toBeNull();
  });

  it('saves pretty JSON atomically, keeps the history, reloads the player', async () => {
    const { writer, history, file, version, reloads, playlists } = hall();
    const before = file('programmes/morning.json');
    const outcome = await writer.save('programmes/morning.json', morning('新的早间节目'), version('programmes/morning.json'));
    expect(outcome).toMatchObject({ ok: true });
    const text = file('programmes/morning.json');
    expect(text).toBe(`${JSON.stringify(morning('新的早间节目'), null, 2)}\n`);
    expect(outcome).toEqual({ ok: true, version: versionOf(Buffer.from(text)), applied: true, warnings: expect.any(Array), history: history.list()[0]!.id });
    // Warnings do not stop a save; they come back placed like errors (the fixture's calendar runs out).
    expect(outcome.ok && outcome.warnings).toContainEqual(expect.objectContaining({ file: 'calendars.json', pointer: '/calendars/cn/preset', severity: 'warning' }));
    expect(reloads()).toBe(1);
    expect(history.get(history.list()[0]!.id)).toMatchObject({ path: 'programmes/morning.json', action: 'save', beforeText: before, afterText: text, before: versionOf(Buffer.from(before)) });
    expect(readdirSync(path.join(playlists, 'programmes')).filter((n) => n.endsWith('.tmp'))).toEqual([]);
  });

  it('puts $schema first when the content comes without one', async () => {
    const { writer, file, version } = hall();
    const bare: Record<string, unknown> = { ...morning('x') };
    delete bare.$schema;
    expect((await writer.save('programmes/morning.json', bare, version('programmes/morning.json')))).toMatchObject({ ok: true });
    expect(Object.keys(JSON.parse(file('programmes/morning.json')))[0]).toBe('$schema');
    expect(JSON.parse(file('programmes/morning.json')).$schema).toBe('../schema/programme.schema.json');
  });

  it('refuses a save made on an old version (409), naming the current one', async () => {
    const { writer, version } = hall();
    const opened = version('programmes/morning.json');
    expect((await writer.save('programmes/morning.json', morning('one'), opened))).toMatchObject({ ok: true });
    const stale = await writer.save('programmes/morning.json', morning('two'), opened);
    expect(stale).toEqual({
      ok: false,
      reason: 'stale-version',
      error: 'programmes/morning.json was changed by someone else since you opened it: open it again and make your change on that version',
      version: version('programmes/morning.json'),
    });
    expect((await writer.save('programmes/morning.json', morning('new'), null))).toMatchObject({ reason: 'stale-version' });
  });

  it('serves two managers saving the same version at once in turn: the second gets 409, nothing is lost', async () => {
    const { writer, version, file } = hall();
    const opened = version('programmes/morning.json');
    const [first, second] = await Promise.all([writer.save('programmes/morning.json', morning('甲'), opened), writer.save('programmes/morning.json', morning('乙'), opened)]);
    expect(first).toMatchObject({ ok: true });
    expect(second).toMatchObject({ reason: 'stale-version' });
    expect(JSON.parse(file('programmes/morning.json')).title['zh-CN']).toBe('甲');
  });

  it('refuses a change that breaks the folder (422), with every finding placed by JSON Pointer, and writes nothing', async () => {
    const { writer, version, file, history } = hall();
    const before = file('programmes/welcome.json');
    const broken = { title: { 'zh-CN': '欢迎' }, items: [{ type: 'image', src: 'images/slide.png' }, { type: 'video', src: 'video/missing.mp4' }] };
    const outcome = await writer.save('programmes/welcome.json', broken, version('programmes/welcome.json'));
    expect(outcome).toMatchObject({ reason: 'invalid-playlists' });
    if (outcome.ok || outcome.reason !== 'invalid-playlists') return;
    expect(outcome.error).toMatch(/^not saved: the folder would have 1 error, first programmes\/welcome\.json:\d+:\d+: error: "items\[0\]" lacks "duration"/);
    expect(outcome.diagnostics).toContainEqual(expect.objectContaining({ file: 'programmes/welcome.json', severity: 'error', pointer: '/items/0', message: expect.stringMatching(/lacks "duration"/) }));
    expect(file('programmes/welcome.json')).toBe(before);
    expect(history.list()).toEqual([]);
  });

  it('answers any cron with a save or a placed finding, never a 500 (issue 12: LW, 5-1)', async () => {
    const { writer, version, file } = hall();
    const schedule = JSON.parse(file('schedule.json')) as { entries: { cron?: string }[] };
    schedule.entries[1]!.cron = '0 0 5-1 * *';
    const refused = await writer.save('schedule.json', schedule, version('schedule.json'));
    expect(refused).toMatchObject({ reason: 'invalid-playlists' });
    if (refused.ok || refused.reason !== 'invalid-playlists') return;
    expect(refused.diagnostics).toContainEqual(
      expect.objectContaining({ pointer: '/entries/1/cron', message: 'cron "0 0 5-1 * *": day-of-month: range 5-1 runs backwards: write 1-5, or 5-31,1 for a wrap' }),
    );
    schedule.entries[1]!.cron = '0 17 LW * *';
    const saved = await writer.save('schedule.json', schedule, version('schedule.json'));
    expect(saved).toMatchObject({ ok: true });
    expect(JSON.parse(file('schedule.json')).entries[1].cron).toBe('0 17 LW * *');
  });

  it('checks the folder as it would be: a programme the schedule names cannot be deleted', async () => {
    const { writer, version, playlists } = hall();
    const outcome = await writer.remove('programmes/morning.json', version('programmes/morning.json'));
    expect(outcome).toMatchObject({ reason: 'invalid-playlists' });
    if (outcome.ok || outcome.reason !== 'invalid-playlists') return;
    expect(outcome.diagnostics).toContainEqual(expect.objectContaining({ file: 'schedule.json', pointer: '/entries/0/programme', message: expect.stringMatching(/unknown programme "morning"/) }));
    expect(existsSync(path.join(playlists, 'programmes/morning.json'))).toBe(true);
  });

  it('creates a new programme and deletes it again', async () => {
    const { writer, playlists, history } = hall();
    const created = await writer.save('programmes/evening.json', morning('晚间'), null);
    expect(created).toMatchObject({ ok: true });
    if (!created.ok) return;
    expect(await writer.remove('programmes/evening.json', created.version!)).toMatchObject({ ok: true, version: null });
    expect(existsSync(path.join(playlists, 'programmes/evening.json'))).toBe(false);
    expect(history.list().map((e) => `${e.action} ${e.before === null ? 'new' : 'old'}→${e.after === null ? 'gone' : 'new'}`)).toEqual(['delete old→gone', 'save new→new']);
    expect((await writer.remove('programmes/evening.json', created.version!))).toMatchObject({ reason: 'stale-version' });
  });

  it('answers 507 when the disk is full, leaving the original and no partial file', async () => {
    let full = false;
    const io: WriteIo = {
      ...diskIo,
      write: async (handle, data) => {
        if (full) {
          await handle.write(data.subarray(0, 10));
          throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
        }
        await diskIo.write(handle, data);
      },
    };
    const { writer, version, file, playlists, history, reloads } = hall(io);
    const before = file('programmes/morning.json');
    full = true;
    const outcome = await writer.save('programmes/morning.json', morning('满'), version('programmes/morning.json'));
    expect(outcome).toEqual({ ok: false, reason: 'disk-full', error: 'the disk is full: nothing was saved, programmes/morning.json is as it was (free some space on the player, then save again)' });
    expect(file('programmes/morning.json')).toBe(before);
    expect(readdirSync(path.join(playlists, 'programmes')).sort()).toEqual(['morning.json', 'welcome.json']);
    expect(history.list()).toEqual([]);
    expect(reloads()).toBe(0);
  });

  it('answers 507 when the history cannot be written either, and takes nothing in', async () => {
    let calls = 0;
    const io: WriteIo = {
      ...diskIo,
      sync: async (handle) => {
        // The playlist's temporary file syncs; the history entry's does not.
        if (++calls === 2) throw Object.assign(new Error('EDQUOT'), { code: 'EDQUOT' });
        await diskIo.sync(handle);
      },
    };
    const root = mkdtempSync(path.join(tmpdir(), 'hallcast-writer-'));
    roots.push(root);
    cpSync(FIXTURE, root, { recursive: true });
    const history = createHistory({ stateDir: path.join(root, 'state'), now: () => NOW, io });
    const writer = createPlaylistWriter({ playlistsDir: path.join(root, 'playlists'), assetsDir: path.join(root, 'assets'), history, now: () => NOW, reload: () => true, io });
    const name = path.join(root, 'playlists/programmes/morning.json');
    const before = readFileSync(name, 'utf8');
    expect((await writer.save('programmes/morning.json', morning('x'), versionOf(Buffer.from(before))))).toMatchObject({ reason: 'disk-full' });
    expect(readFileSync(name, 'utf8')).toBe(before);
    expect(readdirSync(path.dirname(name)).sort()).toEqual(['morning.json', 'welcome.json']);
  });

  it('rolls a change back through the same checks, byte for byte', async () => {
    const { writer, version, file, history } = hall();
    const original = file('programmes/morning.json');
    await writer.save('programmes/morning.json', morning('改过'), version('programmes/morning.json'));
    const saved = history.list()[0]!;
    const rolled = await writer.rollback(saved.id, undefined);
    expect(rolled).toMatchObject({ ok: true, version: versionOf(Buffer.from(original)) });
    expect(file('programmes/morning.json')).toBe(original);
    expect(history.list()[0]).toMatchObject({ action: 'rollback', path: 'programmes/morning.json', undoes: saved.id, before: saved.after, after: saved.before });
    // A rollback onto a file changed since is refused when the caller says which version it saw.
    expect((await writer.rollback(saved.id, saved.after))).toMatchObject({ reason: 'stale-version' });
    expect((await writer.rollback('20990101T000000000Z-0001', undefined))).toMatchObject({ reason: 'not-found' });
  });

  it('refuses a rollback the folder no longer fits (422)', async () => {
    const { writer, version, history } = hall();
    const created = await writer.save('programmes/evening.json', morning('晚间'), null);
    const creation = history.list()[0]!;
    const schedule = JSON.parse(readFileSync(path.join(roots[0]!, 'playlists/schedule.json'), 'utf8'));
    schedule.entries.push({ id: 'evening', programme: 'evening', daypart: { from: '18:00', to: '20:00' } });
    expect((await writer.save('schedule.json', schedule, version('schedule.json')))).toMatchObject({ ok: true });
    expect(created).toMatchObject({ ok: true });
    // Undoing the creation would delete a programme the schedule now needs.
    const undo = await writer.rollback(creation.id, undefined);
    expect(undo).toMatchObject({ reason: 'invalid-playlists' });
  });

  it('shows a file a hand edit broke as text, and saves a fixed one over it', async () => {
    const { writer, playlists, version } = hall();
    writeFileSync(path.join(playlists, 'ticker.json'), '{ "speed": 100, }');
    const read = writer.read('ticker.json');
    expect(read).toMatchObject({ content: null, text: '{ "speed": 100, }', error: expect.stringMatching(/^not valid JSON/) });
    expect((await writer.save('ticker.json', { speed: 100, notices: [] }, version('ticker.json')))).toMatchObject({ ok: true });
  });
});
