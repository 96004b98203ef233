import { describe, expect, it } from 'vitest';
import type { QueueBoardCall, QueueBoardState } from '../../../contract/messages.js';
import type { CareRule } from '../../../contract/hall-config.js';
import type { AnnounceIntent } from './announce-request.js';
import { callIntent, newFreshCalls, watchCalls } from './call-trigger.js';
import { dueCareRules, overloadedRules } from './care-rules.js';

const callOf = (ticket: string, counter: number, at: number, extra: Partial<QueueBoardCall> = {}): QueueBoardCall => ({
  key: `${ticket}@${counter}@${at}`,
  ticket,
  counter,
  at,
  recall: false,
  priority: false,
  fresh: true,
  ...extra,
});

function board(calls: QueueBoardCall[], waiting = 0, low: number | null = null): QueueBoardState {
  return {
    seq: 1,
    at: 0,
    services: [{ id: 'A', name: { 'zh-CN': '综合业务' }, priority: false, waiting, wait: { zh: '', en: '' }, minutes: low === null ? null : { low, high: low + 5 } }],
    serving: [],
    calls,
    feed: { kind: 'push', state: 'up', delayed: false, lastEventAt: 0 },
  };
}

describe('queue calls read out', () => {
  it('takes new fresh calls oldest first, never a late one', () => {
    const b = board([callOf('A3', 1, 3), callOf('A2', 2, 2, { fresh: false }), callOf('A1', 1, 1)]);
    expect(newFreshCalls(b, new Set(['A1@1@1'])).map((c) => c.ticket)).toStrictEqual(['A3']);
  });

  it('does not read the calls already up when it starts, reads each new one once, and keys recalls by ticket', () => {
    let listener: ((b: QueueBoardState | null) => void) | null = null;
    const said: [string, string][] = [];
    watchCalls({
      subscribe: (l) => ((listener = l), () => undefined),
      board: () => board([callOf('A1', 1, 1)]),
      settings: () => null,
      announce: (intent: AnnounceIntent, key) => said.push([intent.what === 'call' ? `${intent.ticket}→${intent.counter}` : '?', key]),
    });
    listener!(board([callOf('A1', 1, 1)]));
    listener!(board([callOf('A2', 2, 2), callOf('A1', 1, 1)]));
    listener!(board([callOf('A2', 2, 2), callOf('A1', 1, 1)]));
    listener!(board([callOf('A2', 3, 5, { recall: true }), callOf('A2', 2, 2), callOf('A1', 1, 1)]));
    expect(said).toStrictEqual([
      ['A2→2', 'call:A2'],
      ['A2→3', 'call:A2'],
    ]);
  });

  it('stays silent when the hall turns call announcements off', () => {
    let listener: ((b: QueueBoardState | null) => void) | null = null;
    const said: string[] = [];
    watchCalls({ subscribe: (l) => ((listener = l), () => undefined), board: () => null, settings: () => ({ calls: { enabled: false } }), announce: (_i, key) => said.push(key) });
    listener!(board([callOf('A1', 1, 1)]));
    expect(said).toStrictEqual([]);
  });

  it('uses the hall\'s call settings', () => {
    expect(callIntent(callOf('B7', 4, 1), { calls: { repeat: 2, maxAgeSeconds: 20, languages: ['en'] }, chime: false })).toStrictEqual({
      what: 'call',
      ticket: 'B7',
      counter: 4,
      kind: 'call',
      repeat: 2,
      expiresInMs: 20_000,
      chime: false,
      languages: ['en'],
    });
  });
});

describe('care rules', () => {
  const rule: CareRule = { id: 'self-service', service: 'A', waitingAtLeast: 25, estimateMinutesAtLeast: 20, everyMinutes: 15, text: { 'zh-CN': '可使用自助终端' } };

  it('holds when either threshold is reached, and says which', () => {
    expect(overloadedRules([rule], board([], 24, 19))).toStrictEqual([]);
    expect(overloadedRules([rule], board([], 25, 10))[0]!.reason).toBe('A: 25 waiting (≥ 25)');
    expect(overloadedRules([rule], board([], 30, 20))[0]!.reason).toBe('A: 30 waiting (≥ 25), estimate 20+ min (≥ 20)');
    expect(overloadedRules([{ ...rule, service: 'Z' }], board([], 99, 99))).toStrictEqual([]);
  });

  it('fires at most every everyMinutes', () => {
    const busy = board([], 40, 30);
    expect(dueCareRules([rule], busy, new Map(), 0)).toHaveLength(1);
    expect(dueCareRules([rule], busy, new Map([['self-service', 0]]), 14 * 60_000)).toHaveLength(0);
    expect(dueCareRules([rule], busy, new Map([['self-service', 0]]), 15 * 60_000)).toHaveLength(1);
  });
});
