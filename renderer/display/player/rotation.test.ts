import { describe, expect, it } from 'vitest';
import type { ItemPlan } from '../../../electron/contract/messages.js';
import { PenaltyBox } from './penalty-box.js';
import { Rotation } from './rotation.js';
import { sameItem } from './same-item.js';

const img = (key: string): ItemPlan => ({ type: 'image', key, url: `/media/images/${key}.jpg`, duration: 5, volume: 1 });
const items = ['a', 'b', 'c', 'd'].map(img);
const never = (): boolean => false;

function seeded(seed: number): () => number {
  let s = seed;
  return () => ((s = (s * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
}

describe('Rotation', () => {
  it('loops in order', () => {
    const r = new Rotation(items, 'loop');
    expect(Array.from({ length: 6 }, () => r.next(never)?.key)).toEqual(['a', 'b', 'c', 'd', 'a', 'b']);
  });

  it('continues after the item on screen', () => {
    const r = new Rotation(items, 'loop', Math.random, items[2]!);
    expect(r.next(never)?.key).toBe('d');
    expect(r.next(never)?.key).toBe('a');
  });

  it('skips penalised items and returns null when all are out', () => {
    const r = new Rotation(items, 'loop');
    expect(r.next((k) => k === 'a')?.key).toBe('b');
    expect(r.next(() => true)).toBeNull();
  });

  it('shuffles each round fully and never repeats at the seam', () => {
    for (let seed = 1; seed < 200; seed++) {
      const r = new Rotation(items, 'shuffle', seeded(seed));
      const played = Array.from({ length: 40 }, () => r.next(never)!.key);
      for (let round = 0; round < 10; round++) expect(new Set(played.slice(round * 4, round * 4 + 4)).size).toBe(4);
      for (let i = 1; i < played.length; i++) expect(played[i]).not.toBe(played[i - 1]);
    }
  });

  it('does not repeat in a shuffle when a penalty removes the neighbour', () => {
    const two = [img('x'), img('y'), img('z')];
    for (let seed = 1; seed < 100; seed++) {
      const r = new Rotation(two, 'shuffle', seeded(seed));
      const played = Array.from({ length: 30 }, () => r.next((k) => k === 'z')!.key);
      for (let i = 1; i < played.length; i++) expect(played[i]).not.toBe(played[i - 1]);
    }
  });

  it('plays a single eligible item again and again', () => {
    const r = new Rotation([img('only')], 'shuffle');
    expect([r.next(never)?.key, r.next(never)?.key]).toEqual(['only', 'only']);
  });
});

describe('PenaltyBox', () => {
  it('keeps an item out for five minutes', () => {
    const box = new PenaltyBox();
    box.add('a', 1000);
    expect(box.isOut('a', 1000 + 299_999)).toBe(true);
    expect(box.nextRelease(['a', 'b'], 2000)).toBe(301_000);
    expect(box.isOut('a', 301_000)).toBe(false);
  });
});

describe('sameItem', () => {
  it('ignores volume but not trims', () => {
    const v: ItemPlan = { type: 'video', key: 'm#0', url: '/media/video/a.mp4', in: 1, out: 7, volume: 0.5 };
    expect(sameItem(v, { ...v, volume: 1 })).toBe(true);
    expect(sameItem(v, { ...v, out: 6 })).toBe(false);
  });
});
