import { describe, expect, it } from 'vitest';
import type { DisplaysFile, HallConfig } from '../contract/hall-config.js';
import { FakeTime } from '../host/fake-time.test-support.js';
import { createPowerRunner } from '../host/services/power/power-runner.js';
import { fakeElectron } from './fake-electron.test-support.js';
import { followPowerSave } from './power-save.js';

const bj = (date: string, time: string): number => Date.parse(`${date}T${time}+08:00`);

describe('the Electron shell\'s power-save blocker follows the power windows', () => {
  it('is held while on, released at the window\'s end, held again at the next start', () => {
    const time = new FakeTime(bj('2026-10-09', '20:29:00'));
    const runner = createPowerRunner({ clock: time, timers: time.timers, log: { info: () => undefined, warn: () => undefined } });
    const displays: DisplaysFile = { power: { windows: [{ days: ['workday'], from: '08:00', to: '20:30' }] }, displays: {} };
    runner.configure({ schedule: { timezone: 'Asia/Shanghai', calendar: 'cn', entries: [] }, calendars: { calendars: { cn: { preset: 'cn-mainland' } } }, displays } as Partial<HallConfig> as HallConfig);
    runner.start();
    const { electron, blockers } = fakeElectron({ appData: '/nonexistent' });
    const follow = followPowerSave(electron.powerSaveBlocker, { current: () => runner.power(null), subscribe: runner.subscribe });
    expect(blockers).toStrictEqual({ started: ['prevent-display-sleep'], stopped: [] });
    time.advance(60_000);
    expect(blockers.stopped).toStrictEqual([1]);
    // Saturday 2026-10-10 is a 调休 workday.
    time.advance(bj('2026-10-10', '08:00:00') - time.now());
    expect(blockers.started).toStrictEqual(['prevent-display-sleep', 'prevent-display-sleep']);
    follow.stop();
    expect(blockers.stopped).toStrictEqual([1, 2]);
  });
});
