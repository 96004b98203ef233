import { describe, expect, it } from 'vitest';
import type { DisplaysFile, HallConfig } from '../contract/hall-config.js';
import { FakeTime } from '../host/fake-time.test-support.js';
import { createHealth } from '../host/domain/health/health.js';
import { createPowerRunner } from '../host/services/power/power-runner.js';
import { followScreenPower } from './kiosk-power.js';
import { screenPowersOf, type CommandRunner } from './screen-power.js';

const bj = (date: string, time: string): number => Date.parse(`${date}T${time}+08:00`);
const name = { 'zh-CN': '屏' };

const DISPLAYS: DisplaysFile = {
  power: { windows: [{ days: ['workday'], from: '08:00', to: '20:30' }, { days: ['restday'], from: '09:00', to: '18:00' }] },
  displays: { waiting: { name, area: 'waiting' } },
};

/** The kiosk of display "waiting" on a machine with X (:0), xset, cec-ctl and /dev/cec0, on fake time. */
function setup(start: number, fail: (command: string, args: string[]) => boolean = () => false, displays: DisplaysFile = DISPLAYS) {
  const time = new FakeTime(start);
  const warnings: string[] = [];
  const log = { info: () => undefined, warn: (m: string) => void warnings.push(m) };
  const runner = createPowerRunner({ clock: time, timers: time.timers, log });
  runner.configure({ schedule: { timezone: 'Asia/Shanghai', calendar: 'cn', entries: [] }, calendars: { calendars: { cn: { preset: 'cn-mainland' } } }, displays } as Partial<HallConfig> as HallConfig);
  runner.start();
  const commands: string[] = [];
  const run: CommandRunner = (command, args, options) => {
    commands.push(`${command === 'xset' ? `DISPLAY=${options.env.DISPLAY} ` : ''}${command} ${args.join(' ')} (${options.timeoutMs} ms)`);
    return fail(command, args) ? Promise.reject(new Error(`${command}: unable to open display`)) : Promise.resolve({ stderr: '' });
  };
  const screens = screenPowersOf({ DISPLAY: ':0', PATH: '/usr/bin' }, { hasCommand: () => true, cecDevices: () => ['/dev/cec0'] }, run);
  const health = createHealth({ now: time.now, log });
  const kiosk = followScreenPower({ current: () => runner.power('waiting'), subscribe: runner.subscribe, screens, health });
  return { time, commands, kiosk, health, warnings };
}

describe('the kiosk\'s screen follows its display\'s power windows', () => {
  it('issues exactly the DPMS and CEC commands at the window\'s end and at the next start', async () => {
    // Friday 2026-10-09 20:29:30; Saturday 10-10 is a 调休 workday, so the screen wakes at 08:00.
    const { time, commands, kiosk } = setup(bj('2026-10-09', '20:29:30'));
    await kiosk.settled();
    const on = ['DISPLAY=:0 xset dpms force on (5000 ms)', 'DISPLAY=:0 xset s reset (5000 ms)', 'DISPLAY=:0 xset -dpms (5000 ms)', 'cec-ctl -d /dev/cec0 --to 0 --image-view-on (5000 ms)'];
    // At start the kiosk makes the screen what the windows say.
    expect(commands.splice(0)).toStrictEqual(on);
    time.advance(29_999);
    await kiosk.settled();
    expect(commands).toStrictEqual([]);
    time.advance(1);
    await kiosk.settled();
    expect(commands.splice(0)).toStrictEqual(['DISPLAY=:0 xset dpms force off (5000 ms)', 'cec-ctl -d /dev/cec0 --to 0 --standby (5000 ms)']);
    time.advance(bj('2026-10-10', '08:00:00') - time.now() - 1);
    await kiosk.settled();
    expect(commands).toStrictEqual([]);
    time.advance(1);
    await kiosk.settled();
    expect(commands.splice(0)).toStrictEqual(on);
  });

  it('a failing command is raised in health once, the other screen still obeys, and it clears when it works again', async () => {
    let xBroken = true;
    const { time, commands, kiosk, health, warnings } = setup(bj('2026-10-09', '20:29:30'), (command) => command === 'xset' && xBroken);
    await kiosk.settled();
    time.advance(30_000);
    await kiosk.settled();
    expect(commands.filter((c) => c.startsWith('cec-ctl'))).toStrictEqual(['cec-ctl -d /dev/cec0 --to 0 --image-view-on (5000 ms)', 'cec-ctl -d /dev/cec0 --to 0 --standby (5000 ms)']);
    const view = health.view().classes['screen-power'];
    expect(view.count).toBe(1);
    expect(view.active.map((a) => a.key)).toStrictEqual(['x-dpms :0']);
    expect(warnings.filter((w) => w.includes('could not turn the screen'))).toStrictEqual(['could not turn the screen on (x-dpms :0): xset: unable to open display']);
    xBroken = false;
    time.advance(bj('2026-10-10', '08:00:00') - time.now());
    await kiosk.settled();
    expect(health.view().classes['screen-power'].active).toStrictEqual([]);
  });

  it('a hall without power windows never touches the screen', async () => {
    const { time, commands, kiosk } = setup(bj('2026-10-09', '20:29:30'), () => false, { displays: DISPLAYS.displays });
    time.advance(60_000);
    await kiosk.settled();
    expect(commands).toStrictEqual([]);
  });

  it('a machine without X or cec-ctl has no screen power; nothing is run', () => {
    expect(screenPowersOf({ PATH: '/usr/bin' }, { hasCommand: () => false, cecDevices: () => ['/dev/cec0'] }, () => Promise.resolve({ stderr: '' }))).toStrictEqual([]);
    expect(screenPowersOf({ DISPLAY: ':1' }, { hasCommand: (c) => c === 'xset', cecDevices: () => [] }, () => Promise.resolve({ stderr: '' })).map((s) => s.name)).toStrictEqual(['x-dpms :1']);
  });
});
