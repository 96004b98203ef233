import { describe, expect, it } from 'vitest';
import { EventList } from './event-list.js';

describe('EventList', () => {
  it.each([
    ['a day', 86_400],
    ['a year', 366 * 86_400],
    ['five years (three radix passes)', 5 * 366 * 86_400],
  ])('puts events of %s in time order and keeps each code with its time', (_, span) => {
    const list = new EventList(8);
    const pairs: [number, number][] = [];
    let seed = 12_345;
    for (let i = 0; i < 5000; i++) {
      seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
      const time = seed % span;
      pairs.push([time, i]);
      list.push(time, i);
    }
    const { times, codes } = list.sorted();
    expect(Array.from(times)).toEqual(pairs.map(([t]) => t).sort((a, b) => a - b));
    const byCode = new Map(pairs.map(([t, c]) => [c, t]));
    codes.forEach((code, i) => expect(byCode.get(code)).toBe(times[i]));
  });
});
