/**
 * Bad input, issue 12: random cron strings (fields built from the grammar's pieces, and garbage)
 * through every path a hall's cron takes — the validator's checks, `hallcast validate`,
 * `hallcast timeline` and a running player's reload. Each run must end in a schedule or a
 * FILE:LINE:COL diagnostic carrying the parser's own one-line refusal, never an exception.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import * as fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { checkReferences } from '../host/domain/hall-config/checks.js';
import { formatDiagnostic, type Diagnostic } from '../contract/diagnostic.js';
import { JsonSource } from '../host/domain/hall-config/source.js';
import { createPlaylistStore } from '../host/services/playlists/store.js';
import type { ScheduleFile } from '../contract/hall-config.js';
import { CronSyntaxError, parseCron } from '../host/domain/schedule/cron.js';
import { resolveMedia } from '../host/services/playlists/media-path.js';
import { main } from './main.js';
import { FakeTime } from '../host/fake-time.test-support.js';

const FIXTURE = path.join(import.meta.dirname, '../host/services/playlists/fixtures/hall');
const NOW = Date.parse('2026-12-01T04:00:00Z');

const names = ['JAN', 'feb', 'Jul', 'DEC', 'SUN', 'mon', 'Fri', 'SAT', 'JU', 'MONDAY'];
const number = fc.oneof(fc.integer({ min: 0, max: 9 }), fc.integer({ min: 0, max: 70 }), fc.integer({ min: 0, max: 400 }), fc.constant(-1)).map(String);
/** Any piece of the grammar in any field, plus garbage: mostly refused. */
const atom = fc.oneof(
  { weight: 6, arbitrary: number },
  { weight: 2, arbitrary: fc.constantFrom(...names) },
  { weight: 3, arbitrary: fc.constantFrom('*', '?', 'L', 'LW', 'W', '#', 'L-', '-', '/', '') },
  { weight: 3, arbitrary: fc.tuple(number, fc.constantFrom('W', 'L', '#', '#L', 'L-', '.')).map(([n, s]) => `${n}${s}`) },
  { weight: 2, arbitrary: fc.tuple(fc.oneof(number, fc.constantFrom(...names)), number).map(([n, k]) => `${n}#${k}`) },
  { weight: 1, arbitrary: number.map((n) => `L-${n}`) },
  { weight: 1, arbitrary: fc.string({ maxLength: 6 }) },
);
const item = fc.oneof(
  { weight: 4, arbitrary: atom },
  { weight: 2, arbitrary: fc.tuple(atom, atom).map(([a, b]) => `${a}-${b}`) },
  { weight: 2, arbitrary: fc.tuple(atom, number).map(([a, s]) => `${a}/${s}`) },
  { weight: 1, arbitrary: fc.tuple(atom, atom, number).map(([a, b, s]) => `${a}-${b}/${s}`) },
);
const anyField = fc.array(item, { minLength: 1, maxLength: 3 }).map((items) => items.join(','));

/** A field that is mostly valid for its place: values in range, names, steps, specials. */
function fieldOf(min: number, max: number, extra: string[]): fc.Arbitrary<string> {
  const value = fc.integer({ min, max });
  const piece = fc.oneof(
    { weight: 4, arbitrary: value.map(String) },
    { weight: 2, arbitrary: fc.tuple(value, value).map(([a, b]) => `${Math.min(a, b)}-${Math.max(a, b)}`) },
    { weight: 2, arbitrary: fc.tuple(fc.constantFrom('*', String(min)), fc.integer({ min: 1, max: max - min + 2 })).map(([a, s]) => `${a}/${s}`) },
    { weight: 1, arbitrary: fc.tuple(value, value, fc.integer({ min: 1, max: 9 })).map(([a, b, s]) => `${Math.min(a, b)}-${Math.max(a, b)}/${s}`) },
    { weight: 1, arbitrary: fc.tuple(value, value).map(([a, b]) => `${Math.max(a, b)}-${Math.min(a, b)}`) }, // often backwards
    { weight: 2, arbitrary: extra.length > 0 ? fc.constantFrom(...extra) : value.map(String) },
  );
  return fc.oneof({ weight: 2, arbitrary: fc.constantFrom('*', '?') }, { weight: 3, arbitrary: fc.array(piece, { minLength: 1, maxLength: 3 }).map((p) => p.join(',')) });
}
const validish = [
  fieldOf(0, 59, []),
  fieldOf(0, 59, []),
  fieldOf(0, 23, []),
  fieldOf(1, 31, ['L', 'LW', 'L-3', '15W', '1W', '31W', '29W', '30W', '?']),
  fieldOf(1, 12, ['JAN', 'feb', 'JUN-AUG', 'DEC']),
  fieldOf(0, 7, ['MON-FRI', 'sun', '5L', 'FRIL', '1#2', 'MON#5', '5#L', 'SAT,SUN']),
] as const;
const spacing = fc.constantFrom(' ', '  ', '\t', ' \u3000 ');
const sixFields = fc.tuple(...validish);
/**
 * Half fields in their own grammar (many valid, some backwards or never running), a third with one
 * field of grammar pieces and garbage, the rest any field count or any text at all.
 */
const cronArb = fc.oneof(
  { weight: 6, arbitrary: fc.tuple(sixFields, fc.boolean(), spacing).map(([f, seconds, sep]) => (seconds ? f : f.slice(1)).join(sep)) },
  {
    weight: 4,
    arbitrary: fc.tuple(sixFields, fc.integer({ min: 1, max: 5 }), anyField, spacing).map(([f, i, garbage, sep]) => {
      const fields: string[] = [...f.slice(1)];
      fields[i - 1] = garbage;
      return fields.join(sep);
    }),
  },
  { weight: 1, arbitrary: fc.tuple(fc.array(anyField, { minLength: 4, maxLength: 7 }), spacing).map(([fields, sep]) => fields.join(sep)) },
  { weight: 1, arbitrary: fc.string({ maxLength: 40 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 30 }) },
);

/** The parser's promise: a spec, or a CronSyntaxError with a one-line message; nothing else. */
function parseOutcome(cron: string, { times = false } = {}): string | null {
  try {
    const spec = parseCron(cron);
    if (times) {
      const all = spec.timesOfDay;
      expect(all.length).toBeGreaterThan(0);
      for (let i = 0; i < all.length; i++) if (!(all[i]! >= 0 && all[i]! < 86_400 && (i === 0 || all[i]! > all[i - 1]!))) throw new Error(`${cron}: times of day out of order at ${i}`);
    }
    return null;
  } catch (e) {
    if (!(e instanceof CronSyntaxError)) throw new Error(`cron ${JSON.stringify(cron)} threw ${String(e)}`, { cause: e });
    expect(e.message).not.toMatch(/[\n\r]/);
    expect(e.message.length).toBeLessThan(400);
    return e.message;
  }
}

const made: string[] = [];
afterAll(() => made.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

function hall(): { playlists: string; assets: string; state: string; write(cron: string): void } {
  const root = mkdtempSync(path.join(tmpdir(), 'hallcast-cron-'));
  made.push(root);
  cpSync(FIXTURE, root, { recursive: true });
  const playlists = path.join(root, 'playlists');
  const file = path.join(playlists, 'schedule.json');
  const schedule = JSON.parse(readFileSync(file, 'utf8')) as ScheduleFile;
  return {
    playlists,
    assets: path.join(root, 'assets'),
    state: path.join(root, 'state'),
    write(cron) {
      schedule.entries[1]!.cron = cron;
      writeFileSync(file, JSON.stringify(schedule, null, 2));
    },
  };
}

describe('random cron strings', () => {
  it('10,000 through the validator: a diagnostic at the cron value with the parser’s message, or none', () => {
    const base = JSON.parse(readFileSync(path.join(FIXTURE, 'playlists', 'schedule.json'), 'utf8')) as ScheduleFile;
    fc.assert(
      fc.property(cronArb, (cron) => {
        const expected = parseOutcome(cron);
        base.entries[1]!.cron = cron;
        const text = JSON.stringify(base, null, 2);
        const found: Diagnostic[] = [];
        const source = JsonSource.parse('schedule.json', text, found)!;
        checkReferences(
          {
            schedule: { source, value: source.value as ScheduleFile },
            layouts: null,
            ticker: null,
            calendars: null,
            queue: null,
            queueFileExists: false,
            announcements: null,
            programmes: [],
            displays: null,
    programmeIds: ['morning', 'welcome'],
            assets: { name: 'assets', find: (relative) => resolveMedia(FIXTURE, relative) },
            today: Math.floor(NOW / 86_400_000),
          },
          found,
        );
        const cronFindings = found.filter((d) => d.pointer === '/entries/1/cron');
        if (expected === null) expect(cronFindings).toEqual([]);
        else {
          const where = source.at(['entries', 1, 'cron'], 'error', '');
          expect(cronFindings.map(formatDiagnostic)).toEqual([`schedule.json:${where.line}:${where.col}: error: ${expected}`]);
        }
      }),
      { numRuns: 10_000 },
    );
  }, 600_000);

  it('through hallcast validate, hallcast timeline and a running player’s reload: a schedule or a diagnostic', async () => {
    const folder = hall();
    const log: string[] = [];
    const store = createPlaylistStore({
      dir: folder.playlists,
      assetsDir: folder.assets,
      stateDir: folder.state,
      log: { info: () => undefined, warn: (m) => log.push(m) },
      now: () => NOW,
      timers: new FakeTime('2026-12-01T10:00:00+08:00').timers,
      onApply: () => undefined,
    });
    expect(store.reload()).toBe(true);
    const run = async (args: string[]): Promise<{ code: number; out: string[]; err: string[] }> => {
      const out: string[] = [];
      const err: string[] = [];
      const code = await main(args, { stdout: (l) => out.push(l), stderr: (l) => err.push(l) }, () => NOW);
      return { code, out, err };
    };
    await fc.assert(
      fc.asyncProperty(cronArb, async (cron) => {
        const problem = parseOutcome(cron, { times: true });
        folder.write(cron);
        const placed = new RegExp(`schedule\\.json:\\d+:\\d+: error: ${problem?.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`);

        const validate = await run(['validate', folder.playlists, '--assets', folder.assets]);
        if (problem === null) expect(validate.code).toBe(0);
        else {
          expect(validate.code).toBe(1);
          expect(validate.out.some((line) => placed.test(line))).toBe(true);
        }

        const timeline = await run(['timeline', '--date', '2026-12-01', '--playlists', folder.playlists, '--assets', folder.assets]);
        if (problem === null) {
          expect(timeline.code).toBe(0);
          expect(timeline.out[0]).toBe('# timeline 2026-12-01 in Asia/Shanghai');
        } else {
          expect(timeline.code).toBe(1);
          expect(timeline.err.some((line) => placed.test(line))).toBe(true);
        }

        const applied = store.reload();
        expect(applied).toBe(problem === null);
        expect(store.current()).not.toBeNull();
        if (problem === null) expect(store.current()!.config.schedule.entries[1]!.cron).toBe(cron);
        else expect(store.status().errors.some((line) => placed.test(line))).toBe(true);
      }),
      { numRuns: Number(process.env.CRON_PROPERTY_RUNS ?? 150) },
    );
  }, 300_000);
});
