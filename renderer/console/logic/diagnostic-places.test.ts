import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../api/types.js';
import { fieldId, nearestField, placeDiagnostics, pointerOf, pointerParts } from './diagnostic-places.js';

const finding = (file: string, pointer: string | undefined, message = 'bad'): Diagnostic => ({ file, line: 3, col: 5, severity: 'error', message, ...(pointer === undefined ? {} : { pointer }) });

describe('pointers', () => {
  it('escapes ~ and / both ways', () => {
    expect(pointerOf(['items', 2, 'duration'])).toBe('/items/2/duration');
    expect(pointerOf(['templates', 'a/b~c'])).toBe('/templates/a~1b~0c');
    expect(pointerParts('/templates/a~1b~0c')).toEqual(['templates', 'a/b~c']);
    expect(pointerParts('')).toEqual([]);
    expect(pointerOf([])).toBe('');
  });
});

describe('placeDiagnostics', () => {
  const fields = ['/title/zh-CN', '/items', '/items/0', '/items/2', '/items/2/duration', ''];

  it('puts a finding at its own field', () => {
    const placed = placeDiagnostics([finding('programmes/a.json', '/items/2/duration')], 'programmes/a.json', fields);
    expect([...placed.at.keys()]).toEqual(['/items/2/duration']);
    expect(placed.unplaced).toEqual([]);
  });

  it('climbs to the nearest field above a deeper pointer', () => {
    const placed = placeDiagnostics([finding('programmes/a.json', '/items/2/title/fr'), finding('programmes/a.json', '/items/1/src')], 'programmes/a.json', fields);
    expect(placed.at.get('/items/2')).toHaveLength(1);
    expect(placed.at.get('/items')).toHaveLength(1);
  });

  it('matches files named from the hall folder, and keeps other files apart', () => {
    const placed = placeDiagnostics(
      [finding('playlists/programmes/a.json', '/title/zh-CN'), finding('schedule.json', '/entries/3/programme')],
      'programmes/a.json',
      fields,
    );
    expect(placed.at.get('/title/zh-CN')).toHaveLength(1);
    expect(placed.elsewhere.map((d) => d.file)).toEqual(['schedule.json']);
  });

  it('leaves findings without a pointer, or with no field above, to the summary', () => {
    const placed = placeDiagnostics([finding('programmes/a.json', undefined), finding('programmes/a.json', '/volume')], 'programmes/a.json', ['/items']);
    expect(placed.unplaced).toHaveLength(2);
  });

  it('does not mistake a file whose name only ends the same', () => {
    const placed = placeDiagnostics([finding('programmes/xa.json', '/items')], 'a.json', fields);
    expect(placed.elsewhere).toHaveLength(1);
  });
});

describe('nearestField', () => {
  it('prefers the root only when nothing closer exists', () => {
    expect(nearestField('/order', new Set(['', '/items']))).toBe('');
    expect(nearestField('/items/4/src', new Set(['', '/items']))).toBe('/items');
  });
});

describe('fieldId', () => {
  it('is a valid, distinct id per field', () => {
    const a = fieldId('programmes/a.json', '/items/2/duration');
    const b = fieldId('programmes/a.json', '/items/2/title/zh-CN');
    expect(a).toMatch(/^[A-Za-z][A-Za-z0-9_-]*$/);
    expect(a).not.toBe(b);
  });
});
