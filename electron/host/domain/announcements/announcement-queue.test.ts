import { describe, expect, it } from 'vitest';
import { createQueue, finished, next, request, started } from './announcement-queue.js';
import { announcement as ann, drain, requestAll, T0 } from './announce.test-support.js';

describe('order', () => {
  it('plays by priority: emergency, PA message, call, care', () => {
    const q = requestAll(createQueue(), [ann('care', 'c1'), ann('call', 'k1'), ann('pa', 'p1'), ann('emergency', 'e1')]);
    expect(drain(q).played).toEqual(['e1', 'p1', 'k1', 'c1']);
  });

  it('is first come first served within a priority', () => {
    const q = requestAll(createQueue(), ['A001', 'A002', 'B001', 'A003'].map((t) => ann('call', t)));
    expect(drain(q).played).toEqual(['A001', 'A002', 'B001', 'A003']);
  });

  it('lets an explicit priority rank a notice between kinds', () => {
    const q = requestAll(createQueue(), [ann('call', 'k1'), ann('care', 'urgent-care', { priority: 250 })]);
    expect(drain(q).played).toEqual(['urgent-care', 'k1']);
  });
});

describe('one at a time', () => {
  it('never cuts a playing call for another call, nor for a PA message', () => {
    let s = next(request(createQueue(), ann('call', 'A001'), T0).q, T0);
    s = next(started(s.q, 'A001', T0).q, T0);
    const r1 = request(s.q, ann('call', 'A002'), T0 + 1_000);
    const r2 = request(r1.q, ann('pa', 'p1'), T0 + 1_500);
    expect([...r1.effects, ...r2.effects].map((e) => e.type)).toEqual(['requested', 'requested']);
    const busy = next(r2.q, T0 + 2_000);
    expect(busy.play).toBeNull();
    expect(busy.q.current?.a.id).toBe('A001');
    const after = next(finished(busy.q, 'A001', T0 + 4_000).q, T0 + 4_000);
    expect(after.play?.id).toBe('p1');
  });

  it('an emergency preempts: stop effect, then it plays, then the cut call again from its old place', () => {
    let q = requestAll(createQueue(), [ann('call', 'A001'), ann('call', 'A002')]);
    q = next(q, T0).q;
    q = started(q, 'A001', T0).q;
    const r = request(q, ann('emergency', 'fire'), T0 + 1_000);
    expect(r.effects).toContainEqual(expect.objectContaining({ type: 'stop', id: 'A001' }));
    expect(r.q.current).toBeNull();
    // The player's late "ended" for the stopped call must not end anything else.
    expect(finished(r.q, 'A001', T0 + 1_100).effects).toEqual([]);
    expect(drain(r.q, T0 + 1_200).played).toEqual(['fire', 'A001', 'A002']);
  });

  it('an emergency does not cut another emergency', () => {
    let q = next(request(createQueue(), ann('emergency', 'e1'), T0).q, T0).q;
    const r = request(q, ann('emergency', 'e2'), T0 + 500);
    expect(r.effects.map((e) => e.type)).toEqual(['requested']);
    q = r.q;
    expect(next(q, T0 + 600).play).toBeNull();
    expect(drain(finished(q, 'e1', T0 + 4_000).q, T0 + 4_000).played).toEqual(['e2']);
  });

  it('gives up a play whose end is never reported, after durations × repeat + grace', () => {
    let s = next(request(createQueue({ endGraceMs: 10_000 }), ann('pa', 'p1', { repeat: 2 }), T0).q, T0);
    s = next(started(s.q, 'p1', T0).q, T0);
    expect(s.wakeAt).toBe(T0 + 2 * 4_000 + 10_000 + 1);
    const late = next(request(s.q, ann('call', 'A001'), T0 + 5_000).q, s.wakeAt!);
    expect(late.effects.map((e) => e.type)).toEqual(['stop', 'dropped']);
    expect(late.q.recent[0]).toMatchObject({ id: 'p1', outcome: 'dropped', reason: expect.stringMatching(/^no end reported/) });
    expect(late.play?.id).toBe('A001');
  });
});

describe('staleness', () => {
  it('drops a stale call with the reason instead of reading it out late', () => {
    const q = requestAll(createQueue(), [ann('call', 'A001', { expiresAt: T0 + 60_000 }), ann('call', 'A002')]);
    const s = next(q, T0 + 61_000);
    expect(s.play?.id).toBe('A002');
    expect(s.effects).toEqual([
      {
        type: 'dropped',
        at: T0 + 61_000,
        id: 'A001',
        reason: 'stale: requested at 2026-12-01T02:00:00.000Z, expired at 2026-12-01T02:01:00.000Z',
      },
    ]);
    expect(s.q.recent[0]).toMatchObject({ id: 'A001', outcome: 'dropped' });
  });

  it('asks to be woken when a waiting item would go stale, so the log says so on time', () => {
    let s = next(request(createQueue(), ann('pa', 'p1'), T0).q, T0);
    s = next(request(s.q, ann('call', 'A001', { expiresAt: T0 + 2_000 }), T0).q, T0);
    expect(s.wakeAt).toBe(T0 + 2_001);
    expect(next(s.q, T0 + 2_001).effects).toContainEqual(expect.objectContaining({ type: 'dropped', id: 'A001' }));
  });

  it('drops a request already stale on arrival', () => {
    const r = request(createQueue(), ann('call', 'A001', { expiresAt: T0 - 1 }), T0);
    expect(r.effects.map((e) => e.type)).toEqual(['requested', 'dropped']);
    expect(r.q.pending).toEqual([]);
  });
});

describe('recalls (same key)', () => {
  it('merges with the pending call: one item, earlier place, refreshed expiry and content', () => {
    const q = requestAll(createQueue(), [
      ann('call', 'A023-1', { key: 'call:A023', expiresAt: T0 + 60_000, payload: { counter: 3 } }),
      ann('call', 'A024', { key: 'call:A024' }),
    ]);
    const r = request(q, ann('call', 'A023-2', { key: 'call:A023', requestedAt: T0 + 30_000, expiresAt: T0 + 90_000, payload: { counter: 5 } }), T0 + 30_000);
    expect(r.effects).toContainEqual({ type: 'merged', at: T0 + 30_000, id: 'A023-2', into: 'A023-1', merged: 1 });
    expect(r.q.pending).toHaveLength(2);
    const s = next(r.q, T0 + 70_000); // past the first expiry, within the refreshed one
    expect(s.play).toMatchObject({ id: 'A023-1', expiresAt: T0 + 90_000, payload: { counter: 5 } });
  });

  it('queues the same key once more while it is playing (the customer may not have heard)', () => {
    let s = next(request(createQueue(), ann('call', 'A023-1', { key: 'call:A023' }), T0).q, T0);
    s = next(started(s.q, 'A023-1', T0).q, T0);
    const again = request(s.q, ann('call', 'A023-2', { key: 'call:A023' }), T0 + 1_000);
    const third = request(again.q, ann('call', 'A023-3', { key: 'call:A023' }), T0 + 2_000);
    expect(again.effects.map((e) => e.type)).toEqual(['requested']);
    expect(third.effects.map((e) => e.type)).toEqual(['requested', 'merged']);
    expect(third.q.pending.map((p) => p.a.id)).toEqual(['A023-2']);
    expect(drain(finished(third.q, 'A023-1', T0 + 4_000).q, T0 + 4_000).played).toEqual(['A023-2']);
  });
});

describe('repeat', () => {
  it('plays all repetitions as one play: one start, one end, nothing slips in between', () => {
    let s = next(request(createQueue(), ann('call', 'A001', { repeat: 3 }), T0).q, T0);
    expect(s.play?.repeat).toBe(3);
    const st = started(s.q, 'A001', T0);
    s = next(request(st.q, ann('call', 'A002'), T0 + 5_000).q, T0 + 5_000);
    expect(s.play).toBeNull();
    const end = finished(s.q, 'A001', T0 + 12_000);
    expect([...st.effects, ...end.effects].map((e) => e.type)).toEqual(['started', 'ended']);
    expect(next(end.q, T0 + 12_000).play?.id).toBe('A002');
  });

  it('an emergency cut during a repetition brings the whole item back, repeats intact', () => {
    const q = started(next(request(createQueue(), ann('call', 'A001', { repeat: 2 }), T0).q, T0).q, 'A001', T0).q;
    const r = request(q, ann('emergency', 'e1'), T0 + 6_000);
    const s = next(finished(next(r.q, T0 + 6_000).q, 'e1', T0 + 9_000).q, T0 + 9_000);
    expect(s.play).toMatchObject({ id: 'A001', repeat: 2 });
  });
});

describe('requests refused', () => {
  it('rejects a bad repeat and a duplicate id with the reason', () => {
    const q = request(createQueue(), ann('call', 'A001'), T0).q;
    expect(request(q, ann('call', 'A001'), T0).effects[0]).toMatchObject({ type: 'rejected', reason: expect.stringMatching(/^duplicate/) });
    expect(request(q, ann('call', 'A002', { repeat: 0 }), T0).effects[0]).toMatchObject({ type: 'rejected', reason: expect.stringMatching(/repeat/) });
  });
});
