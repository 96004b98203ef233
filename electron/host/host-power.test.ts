import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { DisplayState } from '../contract/messages.js';
import { testHall } from './test-hall.test-support.js';

const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((cleanup) => cleanup()));

const bj = (date: string, time: string): number => Date.parse(`${date}T${time}+08:00`);
const name = { 'zh-CN': '屏' };

function setup(start: string) {
  const hall = testHall(start, (root) => {
    const displays = {
      power: { windows: [{ days: ['workday'], from: '08:00', to: '20:30' }, { days: ['restday'], from: '09:00', to: '18:00' }] },
      displays: { waiting: { name, area: 'waiting', pa: 'speaker' }, street: { name, area: 'entrance', alwaysOn: true } },
    };
    writeFileSync(path.join(root, 'playlists', 'displays.json'), JSON.stringify({ $schema: './schema/displays.schema.json', ...displays }));
  });
  cleanups.push(hall.cleanup);
  hall.host.start();
  hall.host.receive({ type: 'hello', hello: { shell: 'chromium', width: 1920, height: 1080, userAgent: 't', display: 'waiting' } }, 's1');
  hall.host.receive({ type: 'hello', hello: { shell: 'chromium', width: 1920, height: 1080, userAgent: 't', display: 'street' } }, 's2');
  return hall;
}

describe('the host\'s displays sleep with the hall', () => {
  it('sends each display its power, a new state at the window\'s end, and shows it in status', () => {
    // Tuesday 2026-12-01, a workday.
    const { host, time } = setup('2026-12-01T20:29:30+08:00');
    const sent: DisplayState[] = [];
    host.subscribe((s) => sent.push(s));
    expect(host.state('s1').power).toEqual({ state: 'on', reason: 'window', since: null, next: bj('2026-12-01', '20:30:00') });
    time.advance(30_000);
    expect(sent.length).toBeGreaterThan(0);
    expect(host.state('s1').power).toEqual({ state: 'off', reason: 'window', since: bj('2026-12-01', '20:30:00'), next: bj('2026-12-02', '08:00:00') });
    // The programme goes on underneath: the display pauses it, and wakes where the schedule is then.
    expect(host.state('s1').programme).not.toBeNull();
    expect(host.state('s2').power?.state).toBe('on');
    const status = host.status();
    expect(status.displays.find((d) => d.id === 'waiting')?.power?.state).toBe('off');
    expect(status.power?.['street']?.reason).toBe('always-on');
    expect(status.power?.['']?.state).toBe('off');
  });

  it('wakes at the next window\'s start, and for an emergency (host.power.wake) in between', () => {
    const { host, time } = setup('2026-12-01T21:00:00+08:00');
    expect(host.state('s1').power?.state).toBe('off');
    const release = host.power.wake('emergency');
    expect(host.state('s1').power).toMatchObject({ state: 'on', reason: 'woken' });
    release();
    expect(host.state('s1').power?.state).toBe('off');
    time.advance(bj('2026-12-02', '08:00:00') - time.now());
    expect(host.state('s1').power).toMatchObject({ state: 'on', reason: 'window', since: bj('2026-12-02', '08:00:00') });
  });
});
