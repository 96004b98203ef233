import { describe, expect, it } from 'vitest';
import { PaintTally } from './paint-tally.js';

const FLASH = 1_764_554_400_150;
const opening = (key: string, expected = ['d1', 'd2', 'd3']) => ({ key, ticket: 'A023', counter: 5, flashAt: FLASH, expected });

describe('PaintTally', () => {
  it('closes a call\'s tally after its window into one record: paints earliest first, skew between first and last', () => {
    const t = new PaintTally({ windowMs: 2_000, maxOpen: 64 });
    expect(t.start(opening('A023@5@1'), 0, FLASH - 150)).toStrictEqual([]);
    expect(t.painted('d2', { key: 'A023@5@1', at: FLASH + 12.5, late: false })).toBe(true);
    expect(t.painted('d1', { key: 'A023@5@1', at: FLASH + 3, late: false })).toBe(true);
    // A second report of the same call from a display changes nothing.
    t.painted('d1', { key: 'A023@5@1', at: FLASH + 900, late: true });
    expect(t.close(1_999, FLASH)).toStrictEqual([]);
    expect(t.nextClose).toBe(2_000);
    const [record, ...more] = t.close(2_000, FLASH + 1_850);
    expect(more).toStrictEqual([]);
    expect(record).toStrictEqual({
      event: 'call-moment',
      key: 'A023@5@1',
      ticket: 'A023',
      counter: 5,
      flashAt: FLASH,
      logged: FLASH + 1_850,
      paints: [
        { display: 'd1', at: FLASH + 3, lateMs: 3, late: false },
        { display: 'd2', at: FLASH + 12.5, lateMs: 12.5, late: false },
      ],
      firstAt: FLASH + 3,
      lastAt: FLASH + 12.5,
      skewMs: 9.5,
      late: [],
      missed: ['d3'],
    });
    expect(t.nextClose).toBeNull();
    // Closed: a paint that comes now is not counted anywhere.
    expect(t.painted('d3', { key: 'A023@5@1', at: FLASH + 2_500, late: true })).toBe(false);
  });

  it('names the late displays, and records a call nobody painted with no skew', () => {
    const t = new PaintTally({ windowMs: 2_000, maxOpen: 64 });
    t.start(opening('a'), 0, 0);
    t.start(opening('b', ['d1']), 10, 0);
    t.painted('d3', { key: 'a', at: FLASH + 40, late: true });
    t.painted('d1', { key: 'a', at: FLASH + 1, late: false });
    const [a, b] = t.close(5_000, 0);
    expect(a).toMatchObject({ key: 'a', skewMs: 39, late: ['d3'], missed: ['d2'] });
    expect(b).toMatchObject({ key: 'b', paints: [], firstAt: null, lastAt: null, skewMs: null, late: [], missed: ['d1'] });
  });

  it('holds at most maxOpen calls: a flood closes the oldest early, recorded as it stands', () => {
    const t = new PaintTally({ windowMs: 2_000, maxOpen: 2 });
    t.start(opening('1'), 0, 0);
    t.start(opening('2'), 1, 0);
    t.painted('d1', { key: '1', at: FLASH, late: false });
    const early = t.start(opening('3'), 2, 0);
    expect(early.map((r) => [r.key, r.paints.length])).toStrictEqual([['1', 1]]);
    // The same call opened twice (a board sent again) is one tally.
    expect(t.start(opening('3'), 3, 0)).toStrictEqual([]);
    expect(t.close(10_000, 0).map((r) => r.key)).toStrictEqual(['2', '3']);
  });
});
