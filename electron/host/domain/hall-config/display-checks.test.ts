import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadPlaylists } from '../../services/playlists/load.js';

const FIXTURE = path.join(import.meta.dirname, '../../services/playlists/fixtures/hall');
const roots: string[] = [];
afterEach(() => roots.splice(0).forEach((r) => rmSync(r, { recursive: true, force: true })));

/** The fixture hall with this displays.json; the findings about it, as `line:col: severity: message`. */
function check(displays: unknown): string[] {
  const root = mkdtempSync(path.join(tmpdir(), 'hallcast-displays-'));
  roots.push(root);
  cpSync(FIXTURE, root, { recursive: true });
  const text = typeof displays === 'string' ? displays : JSON.stringify({ $schema: './schema/displays.schema.json', ...(displays as object) }, null, 1);
  writeFileSync(path.join(root, 'playlists', 'displays.json'), text);
  const result = loadPlaylists(path.join(root, 'playlists'), { displayDir: 'playlists', now: Date.parse('2026-06-01') });
  return result.diagnostics.filter((d) => d.file === 'playlists/displays.json').map((d) => `${d.severity}: ${d.message}`);
}

const name = { 'zh-CN': '屏' };

describe('displays.json checks', () => {
  it('takes a hall of named displays with one speaker', () => {
    expect(check({ displays: { waiting: { name, area: 'waiting', pa: 'speaker' }, entrance: { name, area: 'entrance', pa: 'standby', layout: 'auto' } } })).toStrictEqual([]);
  });

  it('refuses two speakers, naming both and the fix', () => {
    expect(check({ displays: { a: { name, area: 'waiting', pa: 'speaker' }, b: { name, area: 'entrance', pa: 'speaker' } } })).toStrictEqual([
      'error: "a" is the PA speaker already, and a hall has one: make "b" a "standby" (it takes over while "a" cannot speak)',
    ]);
  });

  it('warns when no display is the speaker', () => {
    expect(check({ displays: { a: { name, area: 'waiting' } } })).toStrictEqual([
      'warning: no display is the PA speaker: the latest display whose audio works speaks — set "pa": "speaker" on the one whose machine drives the amplifier',
    ]);
  });

  it('refuses ids that are not ids, and two displays with one id', () => {
    const found = check({ displays: { '../x': { name, area: 'waiting', pa: 'speaker' }, ['a'.repeat(200)]: { name, area: 'waiting' } } });
    expect(found.filter((f) => f.includes('a display id is 1–40 of a–z'))).toHaveLength(2);
    const twice = check('{ "$schema": "./schema/displays.schema.json", "displays": { "a": { "name": {"zh-CN": "x"}, "area": "waiting", "pa": "speaker" }, "a": { "name": {"zh-CN": "y"}, "area": "entrance" } } }');
    expect(twice).toContain('error: duplicate key "a": only the last one would count; remove one of them');
  });

  it('refuses an unknown layout and an unknown programme in its own schedule; warns of a zone no layout has', () => {
    const found = check({
      displays: {
        a: { name, area: 'self-service', pa: 'speaker', layout: 'landscap', hideZones: ['queues'], schedule: { default: 'mornin', entries: [{ id: 'x', programme: 'nope', daypart: { from: '09:00', to: '10:00' } }] } },
      },
    });
    expect(found).toStrictEqual([
      'error: unknown layout "landscap": did you mean "landscape"? use "auto" or one of layouts.json\'s: landscape',
      'error: unknown programme "mornin": did you mean "morning"? add programmes/NAME.json or use one of: morning, welcome',
      'error: unknown programme "nope": add programmes/NAME.json or use one of: morning, welcome',
    ]);
    const auto = check({ displays: { a: { name, area: 'waiting', pa: 'speaker', hideZones: ['queues'] } } });
    expect(auto).toStrictEqual(['warning: no layout this display can get has a zone "queues", so nothing is hidden: did you mean "queue"? zones are: main, queue, ticker']);
  });

  it('warns that the programme zone is never hidden', () => {
    expect(check({ displays: { a: { name, area: 'waiting', pa: 'speaker', hideZones: ['main'] } } })).toStrictEqual([
      'warning: zone "main" is where programmes play and is never hidden: remove it from hideZones',
    ]);
  });

  it('warns of a counter screen that names no counter', () => {
    expect(check({ displays: { c: { name, area: 'counter', pa: 'speaker' } } })).toStrictEqual([
      'warning: counter screen "c" names no counter, so it cannot show whom its counter serves: add "counter": N',
    ]);
  });

  it('warns per zone when a display that gives its distance and screen cannot read its layout from there', () => {
    const screen = { diagonalInches: 10, width: 1280, height: 800 };
    expect(check({ displays: { 'counter-5': { name, area: 'counter', counter: 5, pa: 'speaker', viewingDistanceMetres: 3, screen } } })).toStrictEqual([
      'warning: display "counter-5": the queue board\'s captions would be 2.2 mm tall (capitals) on its 10-inch screen, and 3 m needs 14 mm (16′ of arc): give zone "queue" more room in layout "landscape", a larger screen, or readers nearer',
      'warning: display "counter-5": the ticker\'s English notices would be 3.0 mm tall (capitals) on its 10-inch screen, and 3 m needs 14 mm (16′ of arc): give zone "ticker" more room in layout "landscape", a larger screen, or readers nearer',
    ]);
    // Read from a metre on a 55-inch screen, the same layout is fine.
    expect(check({ displays: { w: { name, area: 'waiting', pa: 'speaker', viewingDistanceMetres: 1 } } })).toStrictEqual([]);
  });
});
