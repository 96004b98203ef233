import { describe, expect, it } from 'vitest';
import { DEFAULT_SESSION_LIMITS, DisplayAdmission, droppedTotal } from './admission.js';
import { largerThan } from './message-size.js';

const hello = { type: 'hello', hello: { shell: 'chromium', width: 1920, height: 1080, userAgent: 'x' } };
const report = (i: number) => ({ type: 'report', report: { event: 'ended', programme: 'p', item: `p#${i}`, url: null, at: i } });
const heartbeat = (at: number) => ({ type: 'heartbeat', heartbeat: { at, programme: null, item: null, position: null } });

describe('DisplayAdmission', () => {
  it('drops everything before the hello, counted as before-hello; the hello makes it a display', () => {
    const s = new DisplayAdmission(DEFAULT_SESSION_LIMITS, 0);
    expect(s.admit(report(1), 0)).toBe('before-hello');
    expect(s.admit(heartbeat(1), 0)).toBe('before-hello');
    expect(s.hello).toBeNull();
    expect(s.admit(hello, 5)).toMatchObject({ type: 'hello' });
    expect(s.hello).toMatchObject({ shell: 'chromium', width: 1920 });
    expect(s.admit(report(2), 6)).toMatchObject({ type: 'report' });
    expect(s.takeDropped()).toStrictEqual({ 'before-hello': 2 });
    expect(s.takeDropped()).toStrictEqual({});
  });

  it('counts malformed, unknown and oversized messages without turning them into anything', () => {
    const s = new DisplayAdmission(DEFAULT_SESSION_LIMITS, 0);
    s.admit(hello, 0);
    expect(s.admit('not a message', 1)).toBe('malformed');
    expect(s.admit({ type: 'launch', launch: {} }, 1)).toBe('malformed');
    expect(s.admit({ type: 'report', report: { event: 'ended', programme: 'p', item: 'x'.repeat(2049), url: null, at: 1 } }, 1)).toBe('malformed');
    expect(s.admit({ ...report(1), junk: ' '.repeat(8 * 1024) }, 1)).toBe('too-large');
    expect(s.drop('too-large')).toBe('too-large');
    expect(s.takeDropped()).toStrictEqual({ malformed: 3, 'too-large': 2 });
  });

  it('hears a window\'s page from its first message: the shell\'s sender check already let it through', () => {
    const s = new DisplayAdmission(DEFAULT_SESSION_LIMITS, 0, false);
    expect(s.admit(report(1), 0)).toMatchObject({ type: 'report' });
    expect(s.hello).toBeNull();
    expect(s.takeDropped()).toStrictEqual({});
  });

  it('holds a flood of 20,000 reports in 4 s to 10/s after a burst of 50, and counts the rest', () => {
    const s = new DisplayAdmission(DEFAULT_SESSION_LIMITS, 0);
    s.admit(hello, 0);
    let written = 0;
    for (let i = 0; i < 20_000; i++) if (typeof s.admit(report(i), i / 5) !== 'string') written++;
    expect(written).toBe(89);
    const dropped = s.takeDropped();
    expect(dropped).toStrictEqual({ rate: 20_000 - 89 });
    expect(droppedTotal(dropped)).toBe(19_911);
  });

  it('limits each kind on its own: a report flood does not starve heartbeats', () => {
    const s = new DisplayAdmission(DEFAULT_SESSION_LIMITS, 0);
    s.admit(hello, 0);
    for (let i = 0; i < 1000; i++) s.admit(report(i), 0);
    expect(s.admit(heartbeat(0), 0)).toMatchObject({ type: 'heartbeat' });
    // Heartbeats: a burst of 5, then 2 a second.
    for (let i = 0; i < 10; i++) s.admit(heartbeat(0), 0);
    expect(s.admit(heartbeat(499), 499)).toBe('rate');
    expect(s.admit(heartbeat(500), 500)).toMatchObject({ type: 'heartbeat' });
  });

  it('holds clock pings to a burst of 10 then 2 a second, and call paints to 20 then 5 a second', () => {
    const s = new DisplayAdmission(DEFAULT_SESSION_LIMITS, 0);
    s.admit(hello, 0);
    const admitted = (make: (i: number) => unknown, n: number, now: number) => Array.from({ length: n }, (_, i) => s.admit(make(i), now)).filter((m) => typeof m !== 'string').length;
    expect(admitted((i) => ({ type: 'clock', clock: { sent: i } }), 30, 0)).toBe(10);
    expect(admitted((i) => ({ type: 'painted', painted: { key: `k${i}`, at: i, late: false } }), 30, 0)).toBe(20);
    expect(admitted((i) => ({ type: 'clock', clock: { sent: i } }), 30, 1_000)).toBe(2);
    expect(admitted((i) => ({ type: 'painted', painted: { key: `k${i}`, at: i, late: false } }), 30, 1_000)).toBe(5);
  });

  it('a socket is overdue for its hello after 10 s', () => {
    const s = new DisplayAdmission(DEFAULT_SESSION_LIMITS, 1_000);
    expect(s.helloOverdue(10_999)).toBe(false);
    expect(s.helloOverdue(11_000)).toBe(true);
    s.admit(hello, 11_000);
    expect(s.helloOverdue(20_000)).toBe(false);
  });

  it('is lost once after 10 s (5 heartbeat periods) without a heartbeat, and found again by the next one', () => {
    const s = new DisplayAdmission(DEFAULT_SESSION_LIMITS, 0);
    expect(s.becameLost(60_000)).toBe(false); // not a display: nothing to lose
    s.admit(hello, 0);
    s.admit(heartbeat(2_000), 2_000);
    expect(s.becameLost(11_999)).toBe(false);
    expect(s.becameLost(12_000)).toBe(true);
    expect(s.lost).toBe(true);
    expect(s.becameLost(20_000)).toBe(false);
    s.admit(heartbeat(21_000), 21_000);
    expect(s.lost).toBe(false);
    expect(s.becameLost(30_999)).toBe(false);
    expect(s.becameLost(31_000)).toBe(true);
  });
});

describe('largerThan', () => {
  it('never counts more than the JSON of a parsed message, so what passed the socket\'s text limit passes', () => {
    const messages = [hello, report(12), heartbeat(3), { type: 'x', list: Array.from({ length: 500 }, (_, i) => [i, 'ab', null, true, { k: 1.5e300 }]) }];
    for (const m of messages) {
      const chars = JSON.stringify(m).length;
      expect(largerThan(JSON.parse(JSON.stringify(m)), chars)).toBe(false);
    }
    expect(largerThan({ text: 'x'.repeat(100) }, 100)).toBe(true);
  });

  it('stops at the limit on a cyclic or shared object', () => {
    const cycle: Record<string, unknown> = { at: 1 };
    cycle.self = cycle;
    expect(largerThan(cycle, 8 * 1024)).toBe(true);
    const row = Array.from({ length: 10_000 }, () => 0);
    expect(largerThan(Array.from({ length: 10_000 }, () => row), 8 * 1024)).toBe(true);
  });
});
