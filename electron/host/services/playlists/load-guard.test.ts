/**
 * Whatever a check throws, loading answers with a finding: validate, timeline, the console's save
 * and a running player's reload all go through loadPlaylists. Here the cron check is made to fail
 * the way the day-of-month `LW` did before issue 12 (a plain Error from inside the parser).
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { formatDiagnostic } from '../../../contract/diagnostic.js';
import { loadPlaylists } from './load.js';
import { createPlaylistStore } from './store.js';
import { FakeTime } from '../../fake-time.test-support.js';

vi.mock('../../domain/schedule/cron.js', async (original) => {
  const actual = await original<typeof import('../../domain/schedule/cron.js')>();
  return {
    ...actual,
    cronProblem: (expression: string) => {
      if (expression === '0 0 13 * FRI') throw new Error('unsupported day-of-month value "13"');
      return actual.cronProblem(expression);
    },
  };
});

const FIXTURE = path.join(import.meta.dirname, 'fixtures', 'hall');
const made: string[] = [];
afterEach(() => made.splice(0).forEach((dir) => rmSync(dir, { recursive: true, force: true })));

function folder(): { playlists: string; assets: string; state: string; schedule: string } {
  const root = mkdtempSync(path.join(tmpdir(), 'hallcast-guard-'));
  made.push(root);
  cpSync(FIXTURE, root, { recursive: true });
  const playlists = path.join(root, 'playlists');
  return { playlists, assets: path.join(root, 'assets'), state: path.join(root, 'state'), schedule: path.join(playlists, 'schedule.json') };
}

describe('a check that throws', () => {
  it('becomes a finding, and a running player keeps its configuration', () => {
    const hall = folder();
    const store = createPlaylistStore({
      dir: hall.playlists,
      assetsDir: hall.assets,
      stateDir: hall.state,
      log: { info: () => undefined, warn: () => undefined },
      now: () => Date.parse('2026-12-01T02:00:00Z'),
      timers: new FakeTime('2026-12-01T10:00:00+08:00').timers,
      onApply: () => undefined,
    });
    expect(store.reload()).toBe(true);
    writeFileSync(hall.schedule, readFileSync(hall.schedule, 'utf8').replace('"30 11 * * *"', '"0 0 13 * FRI"'));

    const result = loadPlaylists(hall.playlists, { assetsDir: hall.assets, displayDir: 'playlists' });
    expect(result.config).toBeNull();
    expect(result.diagnostics.map(formatDiagnostic)).toEqual([
      'playlists/schedule.json:1:1: error: the folder could not be checked (unsupported day-of-month value "13"): please report this with the folder',
    ]);

    expect(store.reload()).toBe(false);
    expect(store.current()?.config.schedule.entries[1]?.cron).toBe('30 11 * * *');
    expect(store.status().errors).toHaveLength(1);
  });
});
