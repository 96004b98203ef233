import { describe, expect, it } from 'vitest';
import { browserExited, DEFAULT_START, initialStarts, type StartState } from './start-policy.js';

const T0 = Date.UTC(2026, 11, 7, 2, 0, 0);

/** Exits after `ranMs` each, in turn; the verdicts. */
function run(ranMs: number[], tuning = DEFAULT_START) {
  let state: StartState = initialStarts;
  let at = T0;
  return ranMs.map((ms) => {
    const verdict = browserExited(state, at, at + ms, tuning);
    state = verdict.state;
    at += ms + 1_000;
    return verdict;
  });
}

describe('bounded kiosk starts', () => {
  it('gives up on the fifth browser in a row that exits within 5 s of its launch', () => {
    const verdicts = run([120, 90, 4_999, 300, 150]);
    expect(verdicts.map((v) => v.state.failedInARow)).toEqual([1, 2, 3, 4, 5]);
    expect(verdicts.map((v) => v.giveUp)).toEqual([false, false, false, false, true]);
    expect(verdicts.every((v) => v.failedStart)).toBe(true);
  });

  it('a browser that ran 5 s or more did start: it is no failed start and the count begins again', () => {
    const verdicts = run([100, 100, 100, 100, 5_000, 100, 100, 100, 100]);
    expect(verdicts[4]).toMatchObject({ failedStart: false, giveUp: false, state: { failedInARow: 0 } });
    expect(verdicts.map((v) => v.giveUp)).toEqual(Array(9).fill(false));
    expect(verdicts.at(-1)!.state.failedInARow).toBe(4);
  });

  it('never gives up on a browser that keeps dying after it started (the ladder retries that for ever)', () => {
    expect(run(Array(50).fill(60_000)).some((v) => v.giveUp)).toBe(false);
  });

  it('takes its bound and its idea of "quick" from the tuning', () => {
    const verdicts = run([1_500, 1_500], { quickExitMs: 2_000, maxFailedStarts: 2 });
    expect(verdicts.map((v) => v.giveUp)).toEqual([false, true]);
    expect(run([2_000], { quickExitMs: 2_000, maxFailedStarts: 1 })[0]!.giveUp).toBe(false);
  });
});
