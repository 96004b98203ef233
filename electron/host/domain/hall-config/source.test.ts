import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../../contract/diagnostic.js';
import { jsonPointer, JsonSource } from './source.js';

describe('JSON Pointer of a finding', () => {
  it('names the value a finding is about, so an editor can show it at its field', () => {
    const out: Diagnostic[] = [];
    const source = JsonSource.parse('p.json', '{\n  "items": [{}, {}, { "duration": -1 }]\n}\n', out)!;
    expect(source.at(['items', 2, 'duration'], 'error', 'bad')).toEqual({ file: 'p.json', line: 2, col: 35, severity: 'error', message: 'bad', pointer: '/items/2/duration' });
    expect(source.at([], 'warning', 'whole file').pointer).toBe('');
  });

  it('escapes ~ and / in keys (RFC 6901)', () => {
    expect(jsonPointer(['calendars', 'a/b~c', 0])).toBe('/calendars/a~1b~0c/0');
  });

  it('places syntax errors and duplicate keys too', () => {
    const syntax: Diagnostic[] = [];
    JsonSource.parse('s.json', '{ "ticker": { "speed": } }', syntax);
    expect(syntax[0]).toMatchObject({ severity: 'error', pointer: '/ticker/speed' });
    const duplicate: Diagnostic[] = [];
    JsonSource.parse('d.json', '{ "a": { "b": 1, "b": 2 } }', duplicate);
    expect(duplicate).toEqual([expect.objectContaining({ message: expect.stringMatching(/^duplicate key "b"/), pointer: '/a/b' })]);
  });
});
