import { describe, expect, it } from 'vitest';
import { cappedSince, KEEP_RESTARTS_MS, parseRestarts, renderRestarts, restartPlayer, type PlayerRestart } from './player-restarts.js';

const T0 = Date.UTC(2026, 11, 7, 9, 0);
const MIN = 60_000;
const CAP = { maxRestarts: 3, windowMs: 60 * MIN };

describe('player restart cap', () => {
  it('allows three restarts in an hour, then refuses, capped since the third', () => {
    let record: PlayerRestart[] = [];
    for (const at of [T0, T0 + 5 * MIN, T0 + 10 * MIN]) {
      const verdict = restartPlayer(record, 'picture frozen', at, CAP);
      expect(verdict.restart).toBe(true);
      if (verdict.restart) record = verdict.record;
    }
    expect(restartPlayer(record, 'picture frozen', T0 + 11 * MIN, CAP)).toStrictEqual({ restart: false, since: T0 + 10 * MIN });
    expect(cappedSince(record, T0 + 11 * MIN, CAP)).toBe(T0 + 10 * MIN);
  });

  it('allows one again once the oldest restart leaves the window', () => {
    const record = [T0, T0 + 5 * MIN, T0 + 10 * MIN].map((at) => ({ at, reason: 'x' }));
    expect(restartPlayer(record, 'x', T0 + 60 * MIN - 1, CAP).restart).toBe(false);
    expect(restartPlayer(record, 'x', T0 + 60 * MIN, CAP).restart).toBe(true);
    expect(cappedSince(record, T0 + 60 * MIN, CAP)).toBeNull();
  });

  it('drops restarts older than a day from the record it writes', () => {
    const record = [{ at: T0 - KEEP_RESTARTS_MS, reason: 'old' }];
    const verdict = restartPlayer(record, 'new', T0, CAP);
    expect(verdict).toStrictEqual({ restart: true, record: [{ at: T0, reason: 'new' }] });
  });

  it('a clock stepped back leaves restarts "in the future" counted: the cap errs towards not looping', () => {
    const record = [1, 2, 3].map((i) => ({ at: T0 + i * MIN, reason: 'x' }));
    expect(restartPlayer(record, 'x', T0, CAP).restart).toBe(false);
  });
});

describe('the restart record as text', () => {
  it('round-trips', () => {
    const restarts = [{ at: T0, reason: 'picture frozen' }];
    expect(parseRestarts(renderRestarts(restarts))).toStrictEqual({ restarts, broken: false });
  });
  it('no file is an empty record, not a broken one', () => {
    expect(parseRestarts(null)).toStrictEqual({ restarts: [], broken: false });
  });
  it('a truncated or foreign file is an empty record, said to be broken', () => {
    expect(parseRestarts('{"restarts": [{"at": 17')).toStrictEqual({ restarts: [], broken: true });
    expect(parseRestarts('')).toStrictEqual({ restarts: [], broken: true });
    expect(parseRestarts('null')).toStrictEqual({ restarts: [], broken: true });
    expect(parseRestarts('[1,2]')).toStrictEqual({ restarts: [], broken: true });
  });
  it('keeps the good entries of a partly damaged record, and says so', () => {
    expect(parseRestarts('{"restarts":[{"at":5,"reason":"a"},{"at":"x"},null]}')).toStrictEqual({ restarts: [{ at: 5, reason: 'a' }], broken: true });
  });
});
