import { describe, expect, it } from 'vitest';
import { displayFields, freshDisplayId, nameDisplay, renameDisplay } from './display-fields.js';

const file = { displays: { waiting: { name: { 'zh-CN': '等候区' }, area: 'waiting' as const, pa: 'speaker' as const }, 'display-1': { name: { 'zh-CN': 'x' }, area: 'other' as const } } };

describe('displays.json in the console', () => {
  it('names an unassigned display by the id its page asked for, when it can', () => {
    expect(nameDisplay(file, 'counter-5').id).toBe('counter-5');
    expect(nameDisplay(file, 'counter-5').file.displays['counter-5']).toStrictEqual({ name: { 'zh-CN': 'counter-5' }, area: 'waiting', layout: 'auto' });
    // Taken, malformed or none: a fresh id.
    expect(nameDisplay(file, 'waiting').id).toBe('display-2');
    expect(nameDisplay(file, '../x').id).toBe('display-2');
    expect(nameDisplay(file, null).id).toBe('display-2');
    expect(freshDisplayId(file, 'counter')).toBe('counter-1');
  });
  it('renames in place, never over another display', () => {
    expect(Object.keys(renameDisplay(file, 'waiting', 'lobby').displays)).toStrictEqual(['lobby', 'display-1']);
    expect(renameDisplay(file, 'waiting', 'display-1')).toBe(file);
  });
  it('lists a field for every display, escaped as JSON Pointers', () => {
    expect(displayFields(file)).toContain('/displays/waiting/pa');
    expect(displayFields({ displays: { 'a/b': file.displays.waiting } })).toContain('/displays/a~1b/name/zh-CN');
  });
});
