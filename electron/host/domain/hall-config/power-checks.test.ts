import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadPlaylists } from '../../services/playlists/load.js';

const FIXTURE = path.join(import.meta.dirname, '../../services/playlists/fixtures/hall');
const roots: string[] = [];
afterEach(() => roots.splice(0).forEach((r) => rmSync(r, { recursive: true, force: true })));

/** The fixture hall (calendar "cn") with this displays.json; the findings about it. */
function check(displays: object): string[] {
  const root = mkdtempSync(path.join(tmpdir(), 'hallcast-power-'));
  roots.push(root);
  cpSync(FIXTURE, root, { recursive: true });
  writeFileSync(path.join(root, 'playlists', 'displays.json'), JSON.stringify({ $schema: './schema/displays.schema.json', ...displays }, null, 1));
  const result = loadPlaylists(path.join(root, 'playlists'), { displayDir: 'playlists', now: Date.parse('2026-06-01') });
  return result.diagnostics.filter((d) => d.file === 'playlists/displays.json').map((d) => `${d.severity}: ${d.message}`);
}

const name = { 'zh-CN': '屏' };
const displays = { waiting: { name, area: 'waiting', pa: 'speaker' } };

describe('displays.json power windows', () => {
  it('takes the hall\'s windows, a display\'s own and an always-on display', () => {
    const power = { windows: [{ days: ['workday'], from: '08:00', to: '20:30' }, { days: ['restday', 'holiday'], from: '09:00', to: '18:00' }, { from: '22:00', to: '02:00' }] };
    expect(check({ power, displays: { ...displays, street: { name, area: 'entrance', alwaysOn: true }, vip: { name, area: 'vip', power: { windows: [{ from: '00:00', to: '24:00' }] } } } })).toStrictEqual([]);
  });

  it('refuses an empty window, a start at 24:00 and an unknown calendar', () => {
    const found = check({ power: { calendar: 'cm', windows: [{ from: '08:00', to: '08:00' }, { from: '24:00', to: '06:00' }] }, displays });
    expect(found).toStrictEqual([
      'error: unknown calendar "cm": did you mean "cn"? calendars.json defines: cn',
      'error: the window from 08:00 to 08:00 is empty: a whole day is "00:00" to "24:00", a night "22:00" to "06:00"',
      'error: a window cannot start at 24:00, the end of the day: write "00:00" (and the days it opens on)',
    ]);
  });

  it('refuses a bad time and an unknown day (the schema)', () => {
    const found = check({ power: { windows: [{ from: '8:00', to: '20:00' }, { days: ['weekday'], from: '08:00', to: '20:00' }] }, displays });
    expect(found.some((f) => f.startsWith('error:') && f.includes('HH:MM'))).toBe(true);
    expect(found.some((f) => f.startsWith('error:') && f.includes('weekday'))).toBe(true);
  });

  it('refuses power without windows, and warns of windows an always-on display never uses', () => {
    expect(check({ power: { windows: [] }, displays }).some((f) => f.startsWith('error:'))).toBe(true);
    expect(check({ displays: { ...displays, street: { name, area: 'entrance', alwaysOn: true, power: { windows: [{ from: '08:00', to: '20:00' }] } } } })).toStrictEqual([
      'warning: "street" is "alwaysOn", so its power windows are never used: remove one of the two',
    ]);
  });
});
