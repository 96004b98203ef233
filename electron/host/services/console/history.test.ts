import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createHealth } from '../../domain/health/health.js';
import { DiskFullError, diskIo, type WriteIo } from './atomic-file.js';
import { createHistory, historyDiff } from './history.js';

const T0 = Date.parse('2026-12-01T10:17:00.123+08:00');
const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});
function setup(max?: number) {
  const stateDir = mkdtempSync(path.join(tmpdir(), 'hallcast-history-'));
  dirs.push(stateDir);
  let now = T0;
  const history = createHistory({ stateDir, now: () => now, ...(max ? { max } : {}) });
  return { stateDir, history, advance: (ms: number) => void (now += ms), reopen: () => createHistory({ stateDir, now: () => now }) };
}
const change = (n: number) => ({ path: 'ticker.json', action: 'save' as const, before: `v${n}`, after: `v${n + 1}`, beforeText: `text ${n}\n`, afterText: `text ${n + 1}\n` });

describe('history', () => {
  it('names entries by time, in order even within one millisecond, and lists newest first', async () => {
    const { history, advance } = setup();
    const a = await history.record(change(1));
    const b = await history.record(change(2));
    advance(1000);
    const c = await history.record(change(3));
    expect([a.id, b.id, c.id]).toEqual(['20261201T021700123Z-0001', '20261201T021700123Z-0002', '20261201T021701123Z-0001']);
    expect(history.list().map((e) => e.id)).toEqual([c.id, b.id, a.id]);
    expect(history.list()[0]).toEqual({ id: c.id, at: T0 + 1000, path: 'ticker.json', action: 'save', before: 'v3', after: 'v4' });
  });

  it('keeps order when the clock is set back', async () => {
    const { history, advance } = setup();
    const a = await history.record(change(1));
    advance(-60_000);
    const b = await history.record(change(2));
    expect(b.id > a.id).toBe(true);
    expect(history.list()[0]!.id).toBe(b.id);
  });

  it('keeps each entry as a file, read back after a restart with its texts', async () => {
    const { history, stateDir, reopen } = setup();
    const a = await history.record(change(1));
    expect(readdirSync(path.join(stateDir, 'history'))).toEqual([`${a.id}.json`]);
    const again = reopen();
    expect(again.list().map((e) => e.id)).toEqual([a.id]);
    expect(again.get(a.id)).toMatchObject({ beforeText: 'text 1\n', afterText: 'text 2\n' });
    expect(again.get('../../etc/passwd')).toBeNull();
    expect(again.get('20261201T021700123Z-0099')).toBeNull();
  });

  it('keeps only the newest entries', async () => {
    const { history, stateDir } = setup(3);
    const ids: string[] = [];
    for (let n = 0; n < 5; n++) ids.push((await history.record(change(n))).id);
    expect(history.list().map((e) => e.id)).toEqual(ids.slice(2).reverse());
    expect(readdirSync(path.join(stateDir, 'history')).sort()).toEqual(ids.slice(2).map((id) => `${id}.json`));
  });

  it('forgets an entry whose change could not be made', async () => {
    const { history, stateDir } = setup();
    const a = await history.record(change(1));
    await history.forget(a.id);
    expect(history.list()).toEqual([]);
    expect(existsSync(path.join(stateDir, 'history', `${a.id}.json`))).toBe(false);
  });

  it('gives a unified diff, /dev/null for a new or deleted file', async () => {
    const { history } = setup();
    const saved = await history.record({ path: 'programmes/x.json', action: 'save', before: 'v1', after: 'v2', beforeText: '{\n  "a": 1,\n  "b": 2\n}\n', afterText: '{\n  "a": 1,\n  "b": 3\n}\n' });
    expect(historyDiff(saved)).toBe(
      ['===================================================================', '--- a/programmes/x.json', '+++ b/programmes/x.json', '@@ -1,4 +1,4 @@', ' {', '   "a": 1,', '-  "b": 2', '+  "b": 3', ' }', ''].join('\n'),
    );
    const created = await history.record({ path: 'ticker.json', action: 'save', before: null, after: 'v1', beforeText: null, afterText: '{}\n' });
    expect(historyDiff(created)).toContain('--- /dev/null\n+++ b/ticker.json\n@@ -0,0 +1,1 @@\n+{}');
  });

  it('reports a disk that refuses an entry under health, leaves no file, and clears once an entry is written', async () => {
    const stateDir = mkdtempSync(path.join(tmpdir(), 'hallcast-history-'));
    dirs.push(stateDir);
    let full: string | null = 'ENOSPC';
    const io: WriteIo = {
      write: (handle, data) => (full ? Promise.reject(Object.assign(new Error(full), { code: full })) : diskIo.write(handle, data)),
      sync: (handle) => diskIo.sync(handle),
    };
    const health = createHealth({ now: () => T0, log: { info: () => undefined, warn: () => undefined } });
    const history = createHistory({ stateDir, now: () => T0, io, health });
    await expect(history.record(change(1))).rejects.toBeInstanceOf(DiskFullError);
    expect(readdirSync(path.join(stateDir, 'history'))).toEqual([]);
    expect(health.view().classes.disk.active).toEqual([expect.objectContaining({ key: 'history', fields: expect.objectContaining({ code: 'ENOSPC', dropped: 1 }) })]);
    full = 'EIO';
    await expect(history.record(change(1))).rejects.toThrow('EIO');
    expect(health.view().classes.disk.active[0]?.fields).toMatchObject({ code: 'EIO', dropped: 2 });
    full = null;
    await history.record(change(1));
    expect(health.view().ok).toBe(true);
    expect(existsSync(path.join(stateDir, 'history'))).toBe(true);
  });
});
