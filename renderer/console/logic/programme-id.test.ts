import { describe, expect, it } from 'vitest';
import { programmeIdOf, programmeIdProblem, suggestId } from './programme-id.js';

describe('programme ids', () => {
  it('follows the file-name rule', () => {
    expect(programmeIdProblem('spring-2027', [])).toBeNull();
    expect(programmeIdProblem('', [])).toBe('empty');
    expect(programmeIdProblem('Spring', [])).toBe('pattern');
    expect(programmeIdProblem('-x', [])).toBe('pattern');
    expect(programmeIdProblem('早间', [])).toBe('pattern');
    expect(programmeIdProblem('morning', ['morning'])).toBe('taken');
  });
  it('suggests an id from a title', () => {
    expect(suggestId('Spring Offers 2027!')).toBe('spring-offers-2027');
    expect(suggestId('早间节目')).toBe('');
    expect(programmeIdOf('programmes/morning.json')).toBe('morning');
    expect(programmeIdOf('schedule.json')).toBeNull();
  });
});
