import { describe, expect, it } from 'vitest';
import type { Layout, LayoutsFile } from '../../../contract/hall-config.js';
import { checkedLayout, glyphShortfalls, millimetresPerPixel, minCapHeightMm, shortfallMessage } from './legibility.js';

const TEN_INCH = { diagonalInches: 10, width: 1280, height: 800 };

const counterLayout: Layout = {
  orientation: 'landscape',
  zones: { counter: { kind: 'counter', x: 0, y: 0, w: 1, h: 0.7 }, main: { kind: 'programme', x: 0, y: 0.7, w: 1, h: 0.3 } },
};
const boardLayout: Layout = {
  orientation: 'landscape',
  zones: { main: { kind: 'programme', x: 0, y: 0, w: 0.7, h: 1 }, queue: { kind: 'queue', x: 0.7, y: 0, w: 0.3, h: 1 }, counter: { kind: 'counter', x: 0.7, y: 0.8, w: 0.3, h: 0.2 } },
};
const layouts: LayoutsFile = { default: 'board', layouts: { board: boardLayout, counter: counterLayout } };

describe('glyph height for a viewing distance', () => {
  it('asks 16′ of arc of a capital: 14 mm at 3 m, 23 mm at 5 m', () => {
    expect(minCapHeightMm(3)).toBeCloseTo(13.96, 2);
    expect(minCapHeightMm(5)).toBeCloseTo(23.27, 2);
  });

  it('measures a 10-inch 1280×800 panel at 0.168 mm per pixel', () => {
    expect(millimetresPerPixel(TEN_INCH)).toBeCloseTo(0.1683, 4);
  });

  it('the counter layout reads at 3 m on a 10-inch 1280×800 screen, not at 4 m', () => {
    expect(glyphShortfalls(counterLayout, TEN_INCH, 3)).toStrictEqual([]);
    const far = glyphShortfalls(counterLayout, TEN_INCH, 4);
    expect(far.map((s) => [s.zone, s.what])).toStrictEqual([['counter', 'the name']]);
    expect(far[0]!.capMm).toBeCloseTo(117.6 * 0.733 * 0.1683, 1);
  });

  it("a queue board on a 10-inch screen at 3 m is too small, naming its smallest text and a layout that reads", () => {
    const [queue, counter] = glyphShortfalls(boardLayout, TEN_INCH, 3);
    expect(queue).toMatchObject({ zone: 'queue', kind: 'queue', what: 'the captions' });
    expect(queue!.capMm).toBeLessThan(4);
    expect(counter).toMatchObject({ zone: 'counter', kind: 'counter' });
    expect(shortfallMessage('counter-5', 'board', 3, counter!, layouts, TEN_INCH)).toBe(
      `display "counter-5": the counter zone's name would be ${counter!.capMm.toFixed(1)} mm tall (capitals) on its 10-inch screen, and 3 m needs 14 mm (16′ of arc): give zone "counter" more room in layout "board" or use layout "counter"`,
    );
    expect(shortfallMessage('counter-5', 'board', 3, queue!, layouts, TEN_INCH)).toMatch(/the queue board's captions would be \d\.\d mm tall .* give zone "queue" more room in layout "board", a larger screen, or readers nearer$/);
  });

  it('a programme zone has no text of its own to measure', () => {
    expect(glyphShortfalls({ orientation: 'landscape', zones: { main: { kind: 'programme', x: 0, y: 0, w: 1, h: 1 } } }, TEN_INCH, 50)).toStrictEqual([]);
  });

  it('an auto display is measured in the layout its screen gets', () => {
    const withPortrait: LayoutsFile = { ...layouts, layouts: { ...layouts.layouts, tall: { ...counterLayout, orientation: 'portrait' } } };
    expect(checkedLayout({ name: { 'zh-CN': '屏' }, area: 'waiting' }, withPortrait)).toBe('board');
    expect(checkedLayout({ name: { 'zh-CN': '屏' }, area: 'waiting', screen: { diagonalInches: 55, width: 1080, height: 1920 } }, withPortrait)).toBe('tall');
    expect(checkedLayout({ name: { 'zh-CN': '屏' }, area: 'counter', layout: 'counter' }, withPortrait)).toBe('counter');
  });
});
