import { describe, expect, it } from 'vitest';
import type { Programme } from '../api/playlist-types.js';
import { placeDiagnostics } from './diagnostic-places.js';
import { mediaUrl, programmeFields } from './programme-fields.js';

const programme: Programme = {
  title: { 'zh-CN': '早间节目' },
  items: [
    { type: 'video', src: 'video/a b.mp4' },
    { type: 'image', src: 'images/x.jpg', duration: 0 },
    { type: 'text', duration: 8, title: { 'zh-CN': '标题' } },
  ],
};

describe('programmeFields', () => {
  it('has a field per editable value of each item kind', () => {
    const fields = programmeFields(programme);
    expect(fields).toContain('/items/1/duration');
    expect(fields).toContain('/items/0/in');
    expect(fields).toContain('/items/2/title/zh-CN');
    expect(fields).not.toContain('/items/0/duration');
  });
  it('places the validator findings of a refused save', () => {
    const placed = placeDiagnostics(
      [
        { file: 'programmes/morning.json', line: 9, col: 50, severity: 'error', message: 'must be > 0', pointer: '/items/1/duration' },
        { file: 'programmes/morning.json', line: 8, col: 30, severity: 'error', message: 'no such file', pointer: '/items/0/src' },
        { file: 'programmes/morning.json', line: 10, col: 5, severity: 'warning', message: 'unknown key "colour"', pointer: '/items/2/colour' },
        { file: 'programmes/morning.json', line: 1, col: 1, severity: 'error', message: 'volume', pointer: '/volume' },
      ],
      'programmes/morning.json',
      programmeFields(programme),
    );
    expect(placed.at.get('/items/1/duration')?.[0]?.message).toBe('must be > 0');
    expect(placed.at.get('/items/0/src')).toHaveLength(1);
    expect(placed.at.get('/items/2')?.[0]?.message).toContain('colour');
    expect(placed.at.get('/volume')).toHaveLength(1);
    expect(placed.unplaced).toEqual([]);
  });
  it('escapes media paths for the URL', () => {
    expect(mediaUrl('video/a b.mp4')).toBe('/media/video/a%20b.mp4');
  });
});
