import { describe, expect, it } from 'vitest';
import { byteRange } from './byte-range.js';

describe('byteRange', () => {
  it.each([
    [null, { kind: 'whole' }],
    ['bytes=0-99', { kind: 'part', start: 0, end: 99 }],
    ['bytes=100-', { kind: 'part', start: 100, end: 999 }],
    ['bytes=900-5000', { kind: 'part', start: 900, end: 999 }],
    ['bytes=-10', { kind: 'part', start: 990, end: 999 }],
    ['bytes=-5000', { kind: 'part', start: 0, end: 999 }],
    ['bytes=999-999', { kind: 'part', start: 999, end: 999 }],
    ['bytes=1000-', { kind: 'unsatisfiable' }],
    ['bytes=-0', { kind: 'unsatisfiable' }],
    ['bytes=5-2', { kind: 'whole' }],
    ['bytes=0-1,5-6', { kind: 'whole' }],
    ['items=0-1', { kind: 'whole' }],
    ['bytes=-', { kind: 'whole' }],
  ] as const)('%s of 1000 bytes → %o', (header, expected) => {
    expect(byteRange(header, 1000)).toStrictEqual(expected);
  });

  it('cannot satisfy any range of an empty file', () => {
    expect(byteRange('bytes=0-', 0)).toStrictEqual({ kind: 'unsatisfiable' });
    expect(byteRange('bytes=-1', 0)).toStrictEqual({ kind: 'unsatisfiable' });
  });
});
