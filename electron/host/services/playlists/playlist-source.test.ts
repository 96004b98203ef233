import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { formatDiagnostic } from '../../../contract/diagnostic.js';
import { loadPlaylists } from './load.js';
import { folderSource, overlaidSource } from './playlist-source.js';

const FIXTURE = path.join(import.meta.dirname, 'fixtures', 'hall');
const NOW = Date.parse('2026-06-01T00:00:00Z');
const made: string[] = [];
afterEach(() => made.splice(0).forEach((dir) => rmSync(dir, { recursive: true, force: true })));

function hall(): { playlists: string; assets: string } {
  const root = mkdtempSync(path.join(tmpdir(), 'hallcast-source-'));
  made.push(root);
  cpSync(FIXTURE, root, { recursive: true });
  return { playlists: path.join(root, 'playlists'), assets: path.join(root, 'assets') };
}

const bytes = (text: string): Uint8Array => new TextEncoder().encode(text);

describe('playlist source', () => {
  it('reads the folder: its files (not its folders), sorted, and none of a missing programmes/', () => {
    const { playlists } = hall();
    mkdirSync(path.join(playlists, 'schema'), { recursive: true });
    const source = folderSource(playlists);
    expect(source.isFolder()).toBe(true);
    expect(source.files('')).toEqual(['calendars.json', 'layouts.json', 'schedule.json', 'ticker.json']);
    expect(source.files('programmes')).toEqual(['morning.json', 'welcome.json']);
    expect(source.text('ticker.json')).toBe(readFileSync(path.join(playlists, 'ticker.json'), 'utf8'));
    rmSync(path.join(playlists, 'programmes'), { recursive: true });
    expect(source.files('programmes')).toEqual([]);
    expect(folderSource(path.join(playlists, 'nowhere')).isFolder()).toBe(false);
  });

  it('lays files written and deleted over the folder, in memory only', () => {
    const { playlists } = hall();
    const overlay = new Map<string, Uint8Array | null>([
      ['programmes/evening.json', bytes('{"title":{"zh-CN":"晚间"}}')],
      ['programmes/morning.json', null],
      ['queue.json', bytes('{}')],
      ['ticker.json', bytes('{ "speed": 90 }')],
    ]);
    const source = overlaidSource(folderSource(playlists), overlay);
    expect(source.files('')).toEqual(['calendars.json', 'layouts.json', 'queue.json', 'schedule.json', 'ticker.json']);
    expect(source.files('programmes')).toEqual(['evening.json', 'welcome.json']);
    expect(source.text('programmes/evening.json')).toBe('{"title":{"zh-CN":"晚间"}}');
    expect(source.size('programmes/evening.json')).toBe(Buffer.byteLength('{"title":{"zh-CN":"晚间"}}'));
    expect(source.text('ticker.json')).toBe('{ "speed": 90 }');
    expect(source.text('layouts.json')).toBe(readFileSync(path.join(playlists, 'layouts.json'), 'utf8'));
    expect(readFileSync(path.join(playlists, 'ticker.json'), 'utf8')).not.toBe('{ "speed": 90 }');
  });

  it('gives the loader the same findings as the folder with the change written to it', () => {
    const { playlists, assets } = hall();
    const broken = readFileSync(path.join(playlists, 'schedule.json'), 'utf8').replace('"30 11 * * *"', '"61 * * * *"');
    const options = { assetsDir: assets, displayDir: '', displayAssets: 'assets', now: NOW };
    const inMemory = loadPlaylists(overlaidSource(folderSource(playlists), new Map([['schedule.json', bytes(broken)]])), options);
    expect(readFileSync(path.join(playlists, 'schedule.json'), 'utf8')).not.toBe(broken);
    writeFileSync(path.join(playlists, 'schedule.json'), broken);
    const onDisk = loadPlaylists(playlists, options);
    expect(inMemory.config).toBeNull();
    expect(inMemory.diagnostics.map(formatDiagnostic)).toEqual(onDisk.diagnostics.map(formatDiagnostic));
    expect(inMemory.diagnostics.map(formatDiagnostic)).toContainEqual(expect.stringMatching(/^schedule\.json:\d+:\d+: error: cron "61 \* \* \* \*"/));
  });

  it('hands back the schedule it compiled with the configuration', () => {
    const { playlists, assets } = hall();
    const result = loadPlaylists(playlists, { assetsDir: assets, now: NOW });
    expect(result.config).not.toBeNull();
    expect(result.schedule?.zone.name).toBe('Asia/Shanghai');
    expect(result.schedule?.entries.map((e) => e.id).sort()).toEqual(result.config?.schedule.entries.map((e) => e.id).sort());
  });
});
