import { describe, expect, it } from 'vitest';
import { latestOnly } from './latest-only.js';

function later<T>() {
  let answer!: (value: T) => void;
  const promise = new Promise<T>((resolve) => (answer = resolve));
  return { promise, answer };
}

describe('latestOnly', () => {
  it('drops an earlier request answered after a later one (the library listed before an upload)', async () => {
    const latest = latestOnly<string[]>();
    const first = later<string[]>();
    const second = later<string[]>();
    const shown: (string[] | null)[] = [];
    const a = latest(first.promise).then((list) => shown.push(list));
    const b = latest(second.promise).then((list) => shown.push(list));
    second.answer(['clip.mp4', 'new.mp4']);
    await b;
    first.answer(['clip.mp4']);
    await a;
    expect(shown).toEqual([['clip.mp4', 'new.mp4'], null]);
  });

  it('keeps every answer of requests that do not overlap, and a later one that overlaps', async () => {
    const latest = latestOnly<number>();
    expect(await latest(Promise.resolve(1))).toBe(1);
    expect(await latest(Promise.resolve(2))).toBe(2);
    const first = later<number>();
    const a = latest(first.promise);
    const b = latest(Promise.resolve(4));
    first.answer(3);
    expect([await a, await b]).toEqual([null, 4]);
  });
});
