import { describe, expect, it } from 'vitest';
import type { DisplaysFile, HallConfig } from '../../../contract/hall-config.js';
import { FakeTime } from '../../fake-time.test-support.js';
import { createPowerRunner } from './power-runner.js';

const bj = (date: string, time: string): number => Date.parse(`${date}T${time}+08:00`);
const name = { 'zh-CN': '屏' };

/** The parts of a hall the power runner reads: zone, calendar, displays.json. */
function hall(displays: DisplaysFile | null): HallConfig {
  return {
    schedule: { timezone: 'Asia/Shanghai', calendar: 'cn', entries: [] },
    calendars: { calendars: { cn: { preset: 'cn-mainland' } } },
    displays,
  } as Partial<HallConfig> as HallConfig;
}

const DISPLAYS: DisplaysFile = {
  power: {
    windows: [
      { days: ['workday'], from: '08:00', to: '20:30' },
      { days: ['restday'], from: '09:00', to: '18:00' },
    ],
  },
  displays: {
    waiting: { name, area: 'waiting' },
    street: { name, area: 'entrance', alwaysOn: true },
    vip: { name, area: 'vip', power: { windows: [{ from: '07:00', to: '22:00' }] } },
  },
};

function setup(start: number, displays: DisplaysFile | null = DISPLAYS) {
  const time = new FakeTime(start);
  const infos: string[] = [];
  const runner = createPowerRunner({ clock: time, timers: time.timers, log: { info: (m) => infos.push(m), warn: () => undefined } });
  runner.configure(hall(displays));
  runner.start();
  let changes = 0;
  runner.subscribe(() => changes++);
  return { time, runner, infos, changes: () => changes };
}

describe('the power runner', () => {
  it('blanks at the window\'s end and wakes at the next start (a 调休 Saturday opens at 08:00)', () => {
    // Friday 2026-10-09, 50 s before the workday window ends; the 30-s re-checks fall at :10 and :40,
    // so only the timer for the window's end turns it off on the second.
    const { time, runner, changes } = setup(bj('2026-10-09', '20:29:10'));
    expect(runner.power('waiting')).toEqual({ state: 'on', reason: 'window', since: null, next: bj('2026-10-09', '20:30:00') });
    time.advance(49_999);
    expect(runner.power('waiting').state).toBe('on');
    time.advance(1);
    expect(runner.power('waiting')).toEqual({ state: 'off', reason: 'window', since: bj('2026-10-09', '20:30:00'), next: bj('2026-10-10', '08:00:00') });
    expect(changes()).toBe(1);
    // Saturday 2026-10-10 is a make-up workday: awake at 08:00, not the rest day's 09:00.
    time.advance(bj('2026-10-10', '08:00:00') - time.now() - 1);
    expect(runner.power('waiting').state).toBe('off');
    time.advance(1);
    expect(runner.power('waiting')).toEqual({ state: 'on', reason: 'window', since: bj('2026-10-10', '08:00:00'), next: bj('2026-10-10', '20:30:00') });
    // Told of each change: waiting off 20:30, vip off 22:00 and on 07:00, waiting on 08:00.
    expect(changes()).toBe(4);
  });

  it('an always-on display never sleeps; its own windows win; an unassigned display follows the hall', () => {
    const { runner } = setup(bj('2026-10-09', '21:00:00'));
    expect(runner.power('street')).toEqual({ state: 'on', reason: 'always-on', since: null, next: null });
    expect(runner.power('vip')).toMatchObject({ state: 'on', next: bj('2026-10-09', '22:00:00') });
    expect(runner.power(null)).toMatchObject({ state: 'off', next: bj('2026-10-10', '08:00:00') });
    expect(runner.power('not-in-displays-json')).toMatchObject({ state: 'off' });
  });

  it('without power windows every display is always on', () => {
    const { runner } = setup(bj('2026-10-09', '23:00:00'), { displays: { waiting: { name, area: 'waiting' } } });
    expect(runner.power('waiting')).toEqual({ state: 'on', reason: 'always-on', since: null, next: null });
    expect(runner.power(null).state).toBe('on');
  });

  it('follows a wall-clock step back into the window within 30 s', () => {
    const { time, runner } = setup(bj('2026-10-09', '20:31:00'));
    expect(runner.power('waiting').state).toBe('off');
    time.jumpWall(-10 * 60_000);
    time.advance(29_000);
    expect(runner.power('waiting').state).toBe('off');
    time.advance(1_000);
    expect(runner.power('waiting')).toMatchObject({ state: 'on', next: bj('2026-10-09', '20:30:00') });
  });

  it('a boundary passed in a forward step (a resume from suspend) is dated at the window\'s end, not when it was noticed', () => {
    const { time, runner } = setup(bj('2026-10-09', '20:25:00'));
    time.jumpWall(15 * 60_000);
    time.advance(1_000);
    expect(runner.power('waiting')).toMatchObject({ state: 'off', since: bj('2026-10-09', '20:30:00') });
  });

  it('wake turns every sleeping display on until released; the windows take over again', () => {
    const { time, runner, changes } = setup(bj('2026-10-09', '21:00:00'));
    const release = runner.wake('emergency');
    expect(runner.power('waiting')).toEqual({ state: 'on', reason: 'woken', since: bj('2026-10-09', '21:00:00'), next: null });
    expect(runner.power(null).state).toBe('on');
    expect(runner.power('street').reason).toBe('always-on');
    expect(changes()).toBe(1);
    time.advance(60_000);
    release();
    release();
    expect(runner.power('waiting')).toEqual({ state: 'off', reason: 'window', since: bj('2026-10-09', '21:01:00'), next: bj('2026-10-10', '08:00:00') });
    expect(changes()).toBe(2);
  });

  it('two wakes: the displays sleep again only when both are released', () => {
    const { runner } = setup(bj('2026-10-09', '21:00:00'));
    const first = runner.wake('emergency');
    const second = runner.wake('drill');
    first();
    expect(runner.power('waiting').state).toBe('on');
    second();
    expect(runner.power('waiting').state).toBe('off');
  });
});
