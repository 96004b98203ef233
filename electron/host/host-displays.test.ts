import { writeFileSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { DisplayHello, FromDisplay } from '../contract/messages.js';
import { testHall } from './test-hall.test-support.js';

const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((cleanup) => cleanup()));

const DISPLAYS = {
  displays: {
    entrance: { name: { 'zh-CN': '入口屏', en: 'Entrance' }, area: 'entrance', pa: 'standby' },
    waiting: { name: { 'zh-CN': '等候区', en: 'Waiting' }, area: 'waiting', pa: 'speaker' },
    'self-service': {
      name: { 'zh-CN': '自助区', en: 'Self-service' },
      area: 'self-service',
      hideZones: ['queue'],
      schedule: { entries: [{ id: 'guide', programme: 'morning', daypart: { from: '14:00', to: '16:00' } }] },
    },
    'counter-5': { name: { 'zh-CN': '5号窗口', en: 'Counter 5' }, area: 'counter', counter: 5, layout: 'landscape' },
  },
};

/** The fixture hall with displays.json, and a portrait layout beside the landscape one. */
function setup(displays: object = DISPLAYS) {
  const hall = testHall('2026-12-01T15:00:00+08:00', (root) => {
    const dir = path.join(root, 'playlists');
    writeFileSync(path.join(dir, 'displays.json'), JSON.stringify({ $schema: './schema/displays.schema.json', ...displays }));
    const layouts = JSON.parse(readFileSync(path.join(dir, 'layouts.json'), 'utf8'));
    layouts.layouts.tall = {
      orientation: 'portrait',
      zones: { main: { kind: 'programme', x: 0, y: 0, w: 1, h: 0.5 }, queue: { kind: 'queue', x: 0, y: 0.5, w: 1, h: 0.5 } },
    };
    writeFileSync(path.join(dir, 'layouts.json'), JSON.stringify(layouts));
  });
  cleanups.push(hall.cleanup);
  const hello = (session: string, display?: string, width = 1920, height = 1080): void => {
    const message: FromDisplay = { type: 'hello', hello: { shell: 'chromium', width, height, userAgent: 't', ...(display !== undefined ? { display } : {}) } satisfies DisplayHello };
    hall.host.receive(message, session);
  };
  const ready = (session: string): void => hall.host.receive({ type: 'audio', audio: { output: 'ready', at: 0 } }, session);
  return { ...hall, hello, ready };
}

describe('the hall\'s displays (displays.json)', () => {
  it('gives each display its own entry: identity, layout for its screen, hidden zones, its own programme', () => {
    const { host, hello, warnings } = setup();
    host.start();
    expect(warnings.filter((w) => w.includes('displays.json'))).toStrictEqual([]);
    hello('s1', 'entrance');
    hello('s2', 'self-service', 1080, 1920);
    hello('s3', 'counter-5', 1280, 800);
    hello('s4');
    const entrance = host.state('s1');
    expect(entrance.display).toEqual({ id: 'entrance', name: { 'zh-CN': '入口屏', en: 'Entrance' }, area: 'entrance', counter: null, viewingDistanceMetres: 5 });
    expect(entrance.programme?.id).toBe('welcome');
    expect(entrance.layout.name).toBe('landscape');
    const selfService = host.state('s2');
    // Portrait screen, auto layout: the hall's portrait one; its queue zone hidden; its own programme (14:00–16:00).
    expect(selfService.layout.name).toBe('tall');
    expect(selfService.layout.zones.map((z) => z.name)).toStrictEqual(['main']);
    expect(selfService.programme?.id).toBe('morning');
    expect(host.state('s3').display.counter).toBe(5);
    // Unassigned: the hall's schedule and all zones.
    const plain = host.state('s4');
    expect(plain.display.id).toBeNull();
    expect(plain.programme?.id).toBe('welcome');
    expect(plain.layout.zones.map((z) => z.name)).toStrictEqual(['main', 'queue', 'ticker']);
    const status = host.status();
    expect(status.displays.map((d) => [d.id, d.assigned, d.layout])).toStrictEqual([
      ['entrance', true, 'landscape'],
      ['self-service', true, 'tall'],
      ['counter-5', true, 'landscape'],
      ['s4', false, 'landscape'],
    ]);
    expect(status.displaysMissing).toStrictEqual(['waiting']);
  });

  it('reads status without taking state numbers: the next state a display gets follows the last it got', () => {
    const { host, hello } = setup();
    host.start();
    hello('s1', 'entrance');
    hello('s3', 'counter-5', 1280, 800);
    const before = host.state('s1').seq;
    for (let i = 0; i < 3; i++) expect(host.status().displays.map((d) => d.layout)).toStrictEqual(['landscape', 'landscape']);
    expect(host.state('s1').seq).toBe(before + 1);
  });

  it('proof of play names the display by its id and times a display\'s own programme against its own schedule', () => {
    const { host, hello, root, time } = setup();
    host.start();
    hello('s2', 'self-service');
    host.receive({ type: 'report', report: { event: 'ended', programme: 'morning', item: 'morning#0', url: null, at: time.now() } }, 's2');
    host.stop();
    const file = path.join(root, 'state', 'proof-of-play', '2026-12-01.jsonl');
    const [line] = readFileSync(file, 'utf8').trim().split('\n').map((l) => JSON.parse(l));
    expect(line).toMatchObject({ display: 'self-service', programme: 'morning' });
    // Its own entry (from 14:00) is the slot the report answers, not the hall's default.
    expect(line.scheduledAt).toBe(Date.parse('2026-12-01T14:00:00+08:00'));
  });

  it('an unknown, malformed or taken id leaves the display unassigned, playing, with the reason in status', () => {
    const { host, hello } = setup();
    host.start();
    hello('a', 'waiting');
    hello('b', 'waiting');
    hello('c', '../etc/passwd');
    hello('d', 'x'.repeat(200));
    hello('e', 'lobby');
    const by = Object.fromEntries(host.status().displays.map((d) => [d.session, d]));
    expect(by['a']).toMatchObject({ id: 'waiting', assigned: true, problem: null });
    expect(by['b']).toMatchObject({ id: 'b', assigned: false, requested: 'waiting' });
    expect(by['b']!.problem).toContain('held by another live display');
    expect(by['c']!.problem).toContain('is not a display id');
    expect(by['d']!.requested).toHaveLength(80);
    expect(by['d']!.problem).toContain('(200 characters)');
    expect(by['e']!.problem).toBe('display "lobby" is not in displays.json: add it there (the console\'s Displays page) or fix the page\'s ?display=');
    for (const s of ['b', 'c', 'd', 'e']) expect(host.state(s).programme?.id).toBe('welcome');
  });

  it('a display that stopped heartbeating gives its id to the page that claims it next; one that left frees it for a waiting claimant', () => {
    const { host, hello } = setup();
    host.start();
    hello('old', 'waiting');
    hello('second', 'waiting');
    host.lost('old', 'no heartbeat for 15 s');
    const by = () => Object.fromEntries(host.status().displays.map((d) => [d.session, d.id]));
    expect(by()).toStrictEqual({ old: 'old', second: 'waiting' });
    host.disconnect('second');
    hello('third', 'waiting');
    expect(by()).toStrictEqual({ old: 'old', third: 'waiting' });
  });

  it('the named speaker speaks, not the latest ready display; its standby takes over when it is gone', () => {
    const { host, hello, ready } = setup();
    host.start();
    for (const [session, id] of [['w', 'waiting'], ['e', 'entrance'], ['c', 'counter-5']] as const) {
      hello(session, id);
      host.attachSpeaker(session, () => undefined);
    }
    ready('w');
    ready('e');
    ready('c');
    const speaking = () => host.status().displays.filter((d) => d.speaker).map((d) => d.id);
    expect(speaking()).toStrictEqual(['waiting']);
    expect(host.status().displays.map((d) => d.pa ?? null)).toStrictEqual(['speaker', 'standby', null]);
    host.lost('w', 'no heartbeat');
    expect(speaking()).toStrictEqual(['entrance']);
    host.lost('e', 'no heartbeat');
    // Neither can speak: the counter screen is no PA, and the reach says why.
    expect(speaking()).toStrictEqual([]);
    expect(host.status().announcements.reach.reason).toContain('waiting');
  });

  it('without displays.json every display is unassigned and the latest ready one speaks', () => {
    const { host, hello, ready } = setup({ displays: {} });
    host.start();
    hello('a', 'waiting');
    hello('b');
    host.attachSpeaker('a', () => undefined);
    host.attachSpeaker('b', () => undefined);
    ready('a');
    ready('b');
    expect(host.status().displays.filter((d) => d.speaker).map((d) => d.session)).toStrictEqual(['b']);
  });
});

describe('an emergency and sleeping screens', () => {
  it('wakes every screen while it lasts, and lets them sleep again when cleared', () => {
    const { host, hello } = setup({
      power: { windows: [{ from: '08:00', to: '09:00' }] },
      displays: { waiting: { name: { 'zh-CN': '等候区' }, area: 'waiting', pa: 'speaker' } },
    });
    host.start();
    hello('s1', 'waiting');
    // 15:00 in the hall: outside the 08:00–09:00 window, asleep.
    expect(host.state('s1').power?.state).toBe('off');
    const by = { via: 'http' as const, who: '127.0.0.1' };
    expect(host.pa.emergency.raise({ level: 'evacuate', text: { 'zh-CN': '请立即疏散' } }, by).ok).toBe(true);
    expect(host.state('s1').power?.state).toBe('on');
    expect(host.pa.emergency.clear(by).ok).toBe(true);
    expect(host.state('s1').power?.state).toBe('off');
  });
});
