import { describe, expect, it } from 'vitest';
import { TextCacheBudget } from './text-cache-budget.js';

const FONT = '600 84px sans-serif';

describe('TextCacheBudget', () => {
  it('is due at the limit-th distinct string, not before', () => {
    const b = new TextCacheBudget(() => 3);
    expect(b.measured(FONT, 'A001')).toBe(false);
    expect(b.measured(FONT, 'A002')).toBe(false);
    expect(b.measured(FONT, 'A003')).toBe(true);
    expect(b.size).toBe(3);
  });

  it('counts what Chromium caches: a string again is free, the same string in another font is not', () => {
    const b = new TextCacheBudget(() => 3);
    for (let i = 0; i < 10; i++) expect(b.measured(FONT, '09:30')).toBe(false);
    expect(b.measured('40px sans-serif', '09:30')).toBe(false);
    expect(b.size).toBe(2);
    expect(b.measured('40px sans-serif', '09:31')).toBe(true);
  });

  it('starts again from nothing on a fresh canvas', () => {
    const b = new TextCacheBudget(() => 2);
    b.measured(FONT, 'A001');
    expect(b.measured(FONT, 'A002')).toBe(true);
    b.renewed();
    expect(b.size).toBe(0);
    expect(b.renewals).toBe(1);
    // A string the old canvas had shaped is new to the fresh one.
    expect(b.measured(FONT, 'A001')).toBe(false);
    expect(b.measured(FONT, 'A003')).toBe(true);
  });

  it('stays due until renewed (the renewal waits for the measurement in progress)', () => {
    const b = new TextCacheBudget(() => 1);
    expect(b.measured(FONT, 'A001')).toBe(true);
    expect(b.measured(FONT, 'A001')).toBe(true);
    expect(b.measured(FONT, 'A002')).toBe(true);
  });

  it('never renews with an infinite limit (the baseline), and reads the limit at each decision', () => {
    let limit = Infinity;
    const b = new TextCacheBudget(() => limit);
    for (let i = 0; i < 5000; i++) expect(b.measured(FONT, `A${i}`)).toBe(false);
    expect(b.size).toBe(5000);
    limit = 5000;
    expect(b.measured(FONT, 'A0')).toBe(true);
  });
});
