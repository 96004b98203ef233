import { cpSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { main } from '../../../cli/main.js';
import { formatDiagnostic } from '../../../contract/diagnostic.js';
import { loadPlaylists } from './load.js';

const FIXTURES = path.join(import.meta.dirname, 'fixtures');
const made: string[] = [];
// Before the calendar preset's data runs out (see the preset-coverage test).
const MID_2026 = Date.parse('2026-06-01T00:00:00Z');
const fixedNow = (): number => MID_2026;
afterEach(() => made.splice(0).forEach((dir) => rmSync(dir, { recursive: true, force: true })));

/** A copy of the fixture hall with one case's files laid over it. */
function hallWith(caseName: string | null): string {
  const root = mkdtempSync(path.join(tmpdir(), 'hallcast-fixture-'));
  made.push(root);
  cpSync(path.join(FIXTURES, 'hall'), root, { recursive: true });
  // A complete hall has voice packs (hallcast validate checks them); the shipped ones serve.
  cpSync(path.join(import.meta.dirname, '../../../../assets/voice'), path.join(root, 'assets', 'voice'), { recursive: true });
  if (caseName) cpSync(path.join(FIXTURES, 'cases', caseName), path.join(root, 'playlists'), { recursive: true });
  return root;
}

function findings(root: string): string[] {
  const result = loadPlaylists(path.join(root, 'playlists'), { displayDir: 'playlists', displayAssets: 'assets', assetsDir: path.join(root, 'assets'), now: MID_2026 });
  return result.diagnostics.map(formatDiagnostic);
}

describe('hallcast validate: one fixture per kind of bad input', () => {
  it('passes the fixture hall', () => {
    expect(findings(hallWith(null))).toEqual([]);
  });

  it.each([
    ['malformed-json', 'playlists/schedule.json:4:3: error: invalid JSON: a comma is missing between two values'],
    ['wrong-type', 'playlists/programmes/welcome.json:6:63: error: "items[1].duration" must be a number (found "8")'],
    ['unknown-key', 'playlists/schedule.json:9:7: warning: unknown key "priorty" is ignored: did you mean "priority"?'],
    ['missing-media', 'playlists/programmes/welcome.json:6:31: error: media file not found: assets/video/missing.mp4: copy the file there or fix the path'],
    [
      'path-escape',
      'playlists/programmes/welcome.json:4:39: error: media path "../../etc/passwd" leaves the assets/ folder: media must be inside it; copy the file there and give its path relative to assets/',
    ],
    ['bad-cron', 'playlists/schedule.json:6:55: error: cron "61 * * * *": minute: "61" is out of range: minutes run 0-59'],
    ['bad-timezone', 'playlists/schedule.json:3:15: error: unknown time zone "Asia/Shangai": use an IANA name such as "Asia/Shanghai"'],
    [
      'unknown-programme',
      'playlists/schedule.json:6:37: error: unknown programme "mornin": did you mean "morning"? add programmes/NAME.json or use one of: morning, welcome',
    ],
    ['unknown-zone', 'playlists/programmes/morning.json:4:17: error: unknown zone "queu": did you mean "queue"? layout "landscape" has: main, queue, ticker'],
    [
      'end-before-start',
      'playlists/schedule.json:11:18: error: validTo 2026-12-01 is before validFrom 2026-12-31, so it never applies: swap or fix the dates',
    ],
    ['empty-programme', 'playlists/programmes/morning.json:4:12: error: "items" must have at least 1 item: add one'],
    [
      'bad-ticket-rewrite',
      'playlists/queue.json:12:37: error: field mapping: mapping.ticketRewrite.pattern repeats a group with +, * or {n,}, which can run for ever on some texts: repeat single characters or classes instead ("\\\\d+", "[A-Z]*")',
    ],
  ])('%s', (caseName, expected) => {
    expect(findings(hallWith(caseName))).toEqual([expected]);
  });

  it('empty dayparts and cron entries without an end', () => {
    expect(findings(hallWith('empty-daypart'))).toEqual([
      'playlists/schedule.json:5:84: error: the daypart starts and ends at 09:00, so it is empty: for a whole day write "from": "00:00", "to": "24:00"',
      'playlists/schedule.json:6:56: error: a cron entry needs an end: add "duration" (e.g. "PT2H") or "until" (e.g. "14:00")',
    ]);
  });

  it('refuses a 50 MB playlist file without reading it', () => {
    const root = hallWith(null);
    writeFileSync(path.join(root, 'playlists', 'ticker.json'), Buffer.alloc(50 * 1024 * 1024, 0x20));
    expect(findings(root)).toEqual([
      'playlists/ticker.json:1:1: error: file is 50.0 MB; playlist files are limited to 5 MB: split it or remove embedded data (media belong in assets/)',
    ]);
  });

  it('refuses a symbolic link that leads out of assets/', () => {
    const root = hallWith(null);
    symlinkSync('/etc/hostname', path.join(root, 'assets', 'images', 'escape.png'));
    writeFileSync(
      path.join(root, 'playlists', 'programmes', 'welcome.json'),
      '{\n  "$schema": "../schema/programme.schema.json",\n  "title": { "zh-CN": "欢迎" },\n  "items": [{ "type": "image", "src": "images/escape.png", "duration": 5 }]\n}\n',
    );
    expect(findings(root)).toEqual([
      'playlists/programmes/welcome.json:4:39: error: media path "images/escape.png" leaves the assets/ folder: media must be inside it; copy the file there and give its path relative to assets/',
    ]);
  });

  it('reports every problem of a file, not only the first', () => {
    const root = hallWith(null);
    writeFileSync(
      path.join(root, 'playlists', 'programmes', 'welcome.json'),
      '{\n  "title": { "en": "no Chinese" },\n  "order": "random",\n  "items": [{ "type": "video", "src": "video/clip.avi" }]\n}\n',
    );
    expect(findings(root)).toEqual([
      'playlists/programmes/welcome.json:2:12: error: "title" lacks "zh-CN": add it (简体中文)',
      'playlists/programmes/welcome.json:3:12: error: "order" must be one of "loop", "shuffle" (found "random")',
      'playlists/programmes/welcome.json:1:1: warning: no "$schema": add "$schema": "../schema/programme.schema.json" so editors check this file as you type',
    ]);
  });

  it('the CLI prints FILE:LINE:COL lines, a summary, and exits 1 on errors and 0 on warnings only', async () => {
    const lines: string[] = [];
    const out = { stdout: (l: string) => lines.push(l), stderr: (l: string) => lines.push(l) };
    const broken = hallWith('bad-cron');
    expect(await main(['validate', path.join(broken, 'playlists')], out, fixedNow)).toBe(1);
    expect(lines.at(-1)).toBe('1 error, 0 warnings in 6 files');
    expect(lines[0]).toMatch(/schedule\.json:6:55: error: cron "61 \* \* \* \*"/);
    lines.length = 0;
    expect(await main(['validate', path.join(hallWith('unknown-key'), 'playlists')], out, fixedNow)).toBe(0);
    expect(lines.at(-1)).toBe('0 errors, 1 warning in 6 files');
  });

  it('the shipped hall is clean', async () => {
    const lines: string[] = [];
    const code = await main(['validate', path.join(import.meta.dirname, '../../../../playlists')], { stdout: (l) => lines.push(l), stderr: (l) => lines.push(l) }, fixedNow);
    expect(lines).toEqual([expect.stringMatching(/^ok: \d+ files checked, no problems$/)]);
    expect(code).toBe(0);
  });

  it('warns before the holiday preset runs out, unless the hall lists the next year itself', () => {
    const root = hallWith(null);
    const late2026 = Date.parse('2026-11-25T00:00:00Z');
    const load = (): string[] =>
      loadPlaylists(path.join(root, 'playlists'), { displayDir: 'playlists', displayAssets: 'assets', assetsDir: path.join(root, 'assets'), now: late2026 }).diagnostics.map(formatDiagnostic);
    expect(load()).toEqual([
      'playlists/calendars.json:3:36: warning: preset "cn-mainland" lists holidays only up to 2026: 2027\'s statutory days off are computed (provisional) and its make-up working days (调休) unknown — add 2027\'s holidays and make-up working days from the State Council\'s notice to "holidays" and "workdays", or update hallcast',
    ]);
    writeFileSync(
      path.join(root, 'playlists', 'calendars.json'),
      '{\n  "$schema": "./schema/calendars.schema.json",\n  "calendars": { "cn": { "preset": "cn-mainland", "holidays": ["2027-01-01"] } }\n}\n',
    );
    expect(load()).toEqual([]);
  });
});
