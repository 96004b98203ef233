import { describe, expect, it } from 'vitest';
import type { CallEvent } from '../../domain/queue/queue-call.js';
import type { CallMomentRecord } from '../../domain/call-moment/paint-tally.js';
import { FakeTime } from '../../fake-time.test-support.js';
import { createCallMoments } from './call-moments.js';

const START = Date.parse('2026-12-01T02:00:00Z');
const call = (ticket: string, at: number) => ({ ticket, counter: 5, service: 'A', at, recall: false });

function moments(expected: string[] | ((counter: number) => string[]) = ['d1', 'd2']) {
  const time = new FakeTime(START);
  const listeners = new Set<(e: CallEvent) => void>();
  const written: CallMomentRecord[] = [];
  const m = createCallMoments({
    clock: time,
    timers: time.timers,
    subscribeCalls: (l) => (listeners.add(l), () => void listeners.delete(l)),
    expected: (counter) => (typeof expected === 'function' ? expected(counter) : expected),
    write: (r) => void written.push(r),
  });
  const tell = (e: CallEvent) => listeners.forEach((l) => l(e));
  return { m, time, tell, written, listening: () => listeners.size };
}

describe('call moments', () => {
  it('writes one record per fresh call 2 s after it, with the displays\' paints and the skew', () => {
    const { m, time, tell, written } = moments();
    tell({ call: call('A023', START), fresh: true, flashAt: START + 150 });
    time.advance(200);
    m.painted('d1', { key: 'A023@5@' + START, at: START + 151, late: false });
    m.painted('d2', { key: 'A023@5@' + START, at: START + 160.5, late: false });
    time.advance(1_799);
    expect(written).toStrictEqual([]);
    time.advance(1);
    expect(written).toHaveLength(1);
    expect(written[0]).toMatchObject({ event: 'call-moment', ticket: 'A023', flashAt: START + 150, logged: START + 2_000, skewMs: 9.5, missed: [], late: [] });
  });

  it('expects the displays that show that call\'s counter: a call to counter 4 does not miss counter 5\'s screen', () => {
    const { time, tell, written } = moments((counter) => ['board', ...(counter === 5 ? ['counter-5'] : [])]);
    tell({ call: { ...call('A1', START), counter: 5 }, fresh: true, flashAt: START + 150 });
    tell({ call: { ...call('B1', START), counter: 4 }, fresh: true, flashAt: START + 150 });
    time.advance(2_000);
    expect(written.map((r) => [r.ticket, r.missed])).toStrictEqual([
      ['A1', ['board', 'counter-5']],
      ['B1', ['board']],
    ]);
  });

  it('tallies nothing for a call that is not fresh, or has no moment', () => {
    const { time, tell, written } = moments();
    tell({ call: call('A001', START - 600_000), fresh: false });
    tell({ call: call('A002', START), fresh: true });
    time.advance(5_000);
    expect(written).toStrictEqual([]);
  });

  it('closes each call on its own window, and what is open when the host stops', () => {
    const { m, time, tell, written, listening } = moments(['d1']);
    tell({ call: call('A1', START), fresh: true, flashAt: START + 150 });
    time.advance(1_000);
    tell({ call: call('A2', START + 1_000), fresh: true, flashAt: START + 1_150 });
    time.advance(1_000);
    expect(written.map((r) => r.ticket)).toStrictEqual(['A1']);
    m.stop();
    expect(written.map((r) => [r.ticket, r.missed])).toStrictEqual([
      ['A1', ['d1']],
      ['A2', ['d1']],
    ]);
    expect(listening()).toBe(0);
  });
});
