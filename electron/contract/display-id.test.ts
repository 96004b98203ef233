import { describe, expect, it } from 'vitest';
import { displayIdProblem, isDisplayId } from './display-id.js';

describe('display ids', () => {
  it('takes the names a hall gives its screens', () => {
    for (const id of ['entrance', 'waiting', 'self-service', 'counter-5', '5', 'a'.repeat(40)]) expect(isDisplayId(id)).toBe(true);
  });
  it('refuses what would escape a URL or a file name, or is too long', () => {
    for (const id of ['', '../etc', 'a/b', 'Counter-5', '-x', 'a'.repeat(41), 'a'.repeat(200), '柜台', 'a b', 5, null]) expect(isDisplayId(id)).toBe(false);
  });
  it('says where the bad id came from and how to fix it, cutting a long one short', () => {
    expect(displayIdProblem('../x', '--display')).toBe(`--display: "../x" is not a display id — use 1–40 of a–z, 0–9 and '-', starting with a letter or digit (e.g. "counter-5")`);
    expect(displayIdProblem('a'.repeat(200), '?display')).toContain('… (200 characters)');
  });
});
