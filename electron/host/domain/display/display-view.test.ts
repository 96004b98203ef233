import { describe, expect, it } from 'vitest';
import type { LayoutsFile, Programme, ScheduleFile } from '../../../contract/hall-config.js';
import { chooseLayout, displaySchedule, UNASSIGNED, type DisplayView } from './display-view.js';

const zone = { kind: 'programme' as const, x: 0, y: 0, w: 1, h: 1 };
const layouts: LayoutsFile = {
  default: 'wide',
  layouts: {
    wide: { orientation: 'landscape', zones: { main: zone } },
    film: { orientation: 'landscape', zones: { main: zone } },
    tall: { orientation: 'portrait', zones: { main: zone } },
    'tall-film': { orientation: 'portrait', zones: { main: zone } },
    counter: { orientation: 'landscape', zones: { main: zone } },
  },
};
const programme = (layout?: string) => ({ id: 'p', title: { 'zh-CN': 'p' }, order: 'loop', volume: 1, items: [], ...(layout ? { layout } : {}) }) as Programme;
const screen = (width: number, height: number): DisplayView => ({ ...UNASSIGNED, screen: { width, height } });

describe('a display\'s layout', () => {
  it('is the programme\'s, or the hall default, on a screen of that orientation or of unknown size', () => {
    expect(chooseLayout(layouts, programme('film'), screen(1920, 1080))).toBe('film');
    expect(chooseLayout(layouts, programme(), screen(1920, 1080))).toBe('wide');
    expect(chooseLayout(layouts, programme('film'), UNASSIGNED)).toBe('film');
  });
  it('turns to the screen: a portrait screen gets defaultPortrait, else the first portrait layout', () => {
    expect(chooseLayout(layouts, programme('film'), screen(1080, 1920))).toBe('tall');
    expect(chooseLayout({ ...layouts, defaultPortrait: 'tall-film' }, programme(), screen(1080, 1920))).toBe('tall-film');
    expect(chooseLayout(layouts, programme('tall'), screen(1280, 800))).toBe('wide');
    expect(chooseLayout(layouts, programme('tall-film'), screen(1080, 1920))).toBe('tall-film');
  });
  it('is the display\'s own when displays.json names one, whatever the programme', () => {
    const view: DisplayView = { id: 'c', config: { name: { 'zh-CN': 'c' }, area: 'counter', layout: 'counter' }, screen: { width: 1280, height: 800 } };
    expect(chooseLayout(layouts, programme('film'), view)).toBe('counter');
    expect(chooseLayout(layouts, programme('film'), { ...view, config: { ...view.config!, layout: 'auto' } })).toBe('film');
  });
});

describe('a display\'s own schedule', () => {
  const hall: ScheduleFile = { timezone: 'Asia/Shanghai', default: 'welcome', entries: [{ id: 'peak', programme: 'peak', priority: 1000, daypart: { from: '11:00', to: '14:00' } }] };
  const own = { entries: [{ id: 'guide', programme: 'guide', priority: -1000, daypart: { from: '09:00', to: '18:00' } }] };
  it('puts its entries above every hall entry, then falls back to the hall\'s entries and default', () => {
    const merged = displaySchedule(hall, own);
    expect(merged.entries.map((e) => [e.id, e.priority])).toStrictEqual([['guide', 1001], ['peak', 1000]]);
    expect(merged.default).toBe('welcome');
  });
  it('with a default of its own never falls back to the hall\'s', () => {
    const merged = displaySchedule(hall, { ...own, default: 'guide' });
    expect(merged.entries.map((e) => e.id)).toStrictEqual(['guide']);
    expect(merged.default).toBe('guide');
  });
});
