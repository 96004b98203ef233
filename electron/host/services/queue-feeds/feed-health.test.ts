import { describe, expect, it } from 'vitest';
import { FakeTime } from '../../fake-time.test-support.js';
import { FeedHealthReporter } from './feed-health.js';
import { recordingSink } from './feed-test-kit.test-support.js';
import { DEFAULT_BACKOFF, reconnectDelay } from './reconnect-backoff.js';

/** Timers run only when the test moves the clock; `jumpWall` moves the wall clock alone (a clock change). */
const manualClock = (start: number) => new FakeTime(start);

const T0 = Date.UTC(2026, 11, 1, 1, 0);

describe('FeedHealthReporter', () => {
  it('goes delayed after delayedAfter of silence, and up again on the next sign of life', () => {
    const clock = manualClock(T0);
    const board = recordingSink();
    const health = new FeedHealthReporter(board.sink, { clock, timers: clock.timers }, 10_000, 'sse http://vendor/q');
    health.start();
    health.up();
    clock.advance(6_000);
    health.heard();
    // A sign of life is news for the board's "last heard" even without events (pull feeds too).
    expect(board.health.at(-1)).toEqual({ state: 'up', since: T0, lastEventAt: T0 + 6_000 });
    clock.advance(9_000);
    expect(board.states()).toEqual(['connecting', 'up']);
    clock.advance(1_000);
    expect(board.health.at(-1)).toEqual({ state: 'delayed', since: T0 + 16_000, lastEventAt: T0 + 6_000, reason: 'sse http://vendor/q: nothing heard for 10 s' });
    health.heard();
    expect(board.states()).toEqual(['connecting', 'up', 'delayed', 'up']);
  });

  it('measures silence in elapsed time: a clock step forward does not make a live feed delayed, one back does not hide a silent one', () => {
    const clock = manualClock(T0);
    const board = recordingSink();
    const health = new FeedHealthReporter(board.sink, { clock, timers: clock.timers }, 10_000, 'sse http://vendor/q');
    health.start();
    health.up();
    clock.advance(6_000);
    health.heard();
    clock.jumpWall(3600_000); // an hour forward, between the message and the timer
    clock.advance(9_000);
    health.heard();
    clock.advance(9_000);
    expect(board.states()).toEqual(['connecting', 'up']);
    clock.jumpWall(-7200_000); // and two hours back: still 10 s of real silence
    clock.advance(1_000);
    expect(board.states()).toEqual(['connecting', 'up', 'delayed']);
  });

  it('stays down through retries with the first since, tells the newest reason, and logs each problem once', () => {
    const clock = manualClock(T0);
    const board = recordingSink();
    const health = new FeedHealthReporter(board.sink, { clock, timers: clock.timers }, 10_000, 'poll http://vendor/q');
    const refused = { key: 'refused', message: 'poll http://vendor/q: connection refused' };
    health.start();
    health.down(refused);
    clock.advance(1_000);
    health.down(refused);
    health.down({ key: '503', message: 'poll http://vendor/q: HTTP 503' });
    health.down(refused);
    expect(board.health.map((h) => [h.state, h.since, h.reason])).toEqual([
      ['connecting', T0, undefined],
      ['down', T0, 'poll http://vendor/q: connection refused'],
      ['down', T0, 'poll http://vendor/q: HTTP 503'],
      ['down', T0, 'poll http://vendor/q: connection refused'],
    ]);
    expect(board.warnings).toEqual(['poll http://vendor/q: connection refused', 'poll http://vendor/q: HTTP 503']);
    clock.advance(59_000);
    health.up();
    expect(board.infos).toEqual(['poll http://vendor/q: up again after 60 s down']);
  });
});

describe('reconnectDelay', () => {
  it('doubles from about a second to the 30 s cap, with half of it random', () => {
    expect([0, 1, 2, 5, 10].map((attempt) => reconnectDelay(attempt, DEFAULT_BACKOFF, 0))).toEqual([500, 1_000, 2_000, 15_000, 15_000]);
    expect([0, 1, 2, 5, 10].map((attempt) => reconnectDelay(attempt, DEFAULT_BACKOFF, 0.999_999))).toEqual([1_000, 2_000, 4_000, 30_000, 30_000]);
  });
});
