import { describe, expect, it } from 'vitest';
import { createHealth } from './health.js';
import { HEALTH_CLASSES } from '../../../contract/health-view.js';

const quiet = { info: () => undefined, warn: () => undefined };

describe('health', () => {
  it('lists every class, all clear at start', () => {
    const health = createHealth({ now: () => 1000, log: quiet });
    const view = health.view();
    expect(view.ok).toBe(true);
    expect(Object.keys(view.classes)).toEqual([...HEALTH_CLASSES]);
    for (const kind of HEALTH_CLASSES) expect(view.classes[kind]).toEqual({ count: 0, active: [], last: null });
  });

  it('counts events and keeps the latest', () => {
    let now = 1000;
    const lines: string[] = [];
    const health = createHealth({ now: () => now, log: { info: () => undefined, warn: (m) => lines.push(m) } });
    health.count('clock-jumps', 'clock stepped back 3600 s', { stepMs: -3_600_000 });
    now = 2000;
    health.count('dropped-reports', 'reports over the rate', { display: 'd1' }, 40);
    const view = health.view();
    expect(view.ok).toBe(true);
    expect(view.classes['clock-jumps'].count).toBe(1);
    expect(view.classes['dropped-reports']).toMatchObject({ count: 40, last: { at: 2000, message: 'reports over the rate' } });
    expect(lines).toEqual(['clock stepped back 3600 s', 'reports over the rate']);
  });

  it('raises a condition once per key until it clears', () => {
    let now = 5;
    const health = createHealth({ now: () => now, log: quiet });
    health.raise('disk', 'proof-of-play', 'proof-of-play log: ENOSPC');
    health.raise('disk', 'proof-of-play', 'proof-of-play log: ENOSPC');
    now = 9;
    health.raise('disk', 'speech-cache', 'speech cache: ENOSPC');
    let view = health.view();
    expect(view.ok).toBe(false);
    expect(view.classes.disk.count).toBe(2);
    expect(view.classes.disk.active.map((a) => [a.key, a.since])).toEqual([['proof-of-play', 5], ['speech-cache', 9]]);
    health.clear('disk', 'proof-of-play');
    health.clear('disk', 'speech-cache');
    health.clear('disk', 'never-raised');
    view = health.view();
    expect(view.ok).toBe(true);
    expect(view.classes.disk.count).toBe(2);
    expect(health.isActive('disk', 'proof-of-play')).toBe(false);
  });

  it('refreshes the message and fields of a condition raised again, without counting or logging it', () => {
    const lines: string[] = [];
    const health = createHealth({ now: () => 7, log: { info: () => undefined, warn: (m) => lines.push(m) } });
    health.raise('disk', 'proof-of-play', 'proof-of-play: 1 dropped', { dropped: 1 });
    health.raise('disk', 'proof-of-play', 'proof-of-play: 2 dropped', { dropped: 2 });
    const disk = health.view().classes.disk;
    expect(disk.count).toBe(1);
    expect(disk.active).toEqual([{ key: 'proof-of-play', since: 7, message: 'proof-of-play: 2 dropped', fields: { dropped: 2 } }]);
    expect(lines).toEqual(['proof-of-play: 1 dropped']);
  });
});
