import { describe, expect, it } from 'vitest';
import { createQueue, finished, next, request, started, type AnnouncementEffect, type AnnouncementQueue } from './announcement-queue.js';
import { announcement as ann, localTime, requestAll, shanghaiMinuteOfDay, T0 } from './announce.test-support.js';
import { parseQuietHours, quietEndsAfter } from './quiet-hours.js';
import { snapshot } from './snapshot.js';

describe('flood', () => {
  it('1,000 requests in one second: the queue stays bounded (50 ordinary + the emergency), drops have reasons, emergency and PA kept', () => {
    let q: AnnouncementQueue = createQueue();
    const effects: AnnouncementEffect[] = [];
    for (let i = 0; i < 1_000; i++) {
      const a = i === 500 ? ann('emergency', 'fire') : i === 10 ? ann('pa', 'pa-1') : ann('call', `call-${i}`);
      const r = request(q, { ...a, requestedAt: T0 + i }, T0 + i);
      q = r.q;
      effects.push(...r.effects);
      expect(q.pending.length).toBeLessThanOrEqual(50 + 3);
    }
    const dropped = effects.filter((e) => e.type === 'dropped');
    expect(dropped).toHaveLength(949);
    expect(dropped.every((e) => e.type === 'dropped' && e.reason.startsWith('queue full: more than 50 waiting'))).toBe(true);
    const ids = q.pending.map((p) => p.a.id);
    expect(ids).toContain('fire');
    expect(ids).toContain('pa-1');
    // The oldest calls went first: the 49 newest remain (the emergency takes no ordinary place).
    expect(ids.filter((id) => id.startsWith('call-'))).toEqual(Array.from({ length: 49 }, (_, k) => `call-${951 + k}`));
    expect(q.recent).toHaveLength(20);
  });

  it('never drops an emergency, and emergencies never push an ordinary request out: they have their own budget', () => {
    const q = requestAll(createQueue({ maxPending: 1, maxEmergencies: 4 }), [ann('call', 'k1'), ...['e1', 'e2', 'e3', 'e4'].map((id) => ann('emergency', id))]);
    expect(q.pending.map((p) => p.a.id)).toEqual(['k1', 'e1', 'e2', 'e3', 'e4']);
    expect(q.recent).toEqual([]);
  });

  it('3,000 emergencies at once: 3 wait, one merges per repeated key, the rest are refused with the reason; a PA message still queues', () => {
    let q = createQueue();
    const outcomes = { requested: 0, merged: 0, rejected: 0 };
    for (let i = 0; i < 3_000; i++) {
      // Every third one repeats the same text (the same key), the others are all different.
      const a = ann('emergency', `e${i}`, i % 3 === 0 ? { key: 'emergency:same' } : { key: `emergency:${i}` });
      const step = request(q, a, T0 + i);
      q = step.q;
      for (const e of step.effects) if (e.id === a.id && (e.type === 'requested' || e.type === 'rejected')) outcomes[e.type]++;
      if (step.effects.some((e) => e.type === 'merged')) outcomes.merged++;
    }
    // e0 (same), e1, e2 wait; the 999 later "same" merge into e0; the 1,998 other texts are refused.
    expect([...q.pending].sort((x, y) => x.seq - y.seq).map((p) => p.a.id)).toEqual(['e0', 'e1', 'e2']);
    expect(q.pending.find((p) => p.a.id === 'e0')!.merged).toBe(999);
    expect(outcomes).toEqual({ requested: 1_002, merged: 999, rejected: 1_998 });
    expect(q.recent[0]).toMatchObject({
      id: 'e2999',
      outcome: 'rejected',
      reason: 'too many emergencies: 3 emergencies already wait (at most 3); send it again once one has played, or send the same text to merge with it',
    });
    const pa = request(q, ann('pa', 'p1'), T0 + 3_000);
    expect(pa.effects.map((e) => e.type)).toEqual(['requested']);
    expect(pa.q.pending.map((p) => p.a.id)).toContain('p1');
    expect(pa.q.pending).toHaveLength(4);
  });
});

describe('snapshot', () => {
  it('shows what plays, what waits in play order, and the recent outcomes with reasons', () => {
    let q = requestAll(createQueue({ endGraceMs: 5_000 }), [ann('call', 'A001', { key: 'call:A001' }), ann('call', 'A002', { expiresAt: T0 + 10_000 })]);
    q = started(next(q, T0).q, 'A001', T0).q;
    q = finished(q, 'A001', T0 + 4_000).q;
    q = requestAll(q, [ann('care', 'c1'), ann('call', 'B001', { key: 'call:B001' }), ann('call', 'B001-r', { key: 'call:B001' }), ann('pa', 'p1', { repeat: 2 })], T0 + 5_000);
    q = started(next(q, T0 + 6_000).q, 'p1', T0 + 6_000).q;

    const view = snapshot(q, T0 + 11_000);
    expect(view.current).toMatchObject({ id: 'p1', startedAt: T0 + 6_000, expectedEndAt: T0 + 6_000 + 2 * 4_000 });
    expect(view.pending.map((p) => [p.id, p.merged])).toEqual([['B001', 1], ['c1', 0]]);
    expect(view.recent.map((r) => [r.id, r.outcome])).toEqual([['A002', 'dropped'], ['A001', 'played']]);
    expect(view.recent[0]!.reason).toMatch(/^stale: requested at/);
    // Inspecting changes nothing: the drop is logged by the next transition.
    expect(q.pending.map((p) => p.a.id)).toContain('A002');
    expect(next(q, T0 + 11_000).effects).toContainEqual(expect.objectContaining({ type: 'dropped', id: 'A002' }));
  });

  it('marks care notices held by quiet hours', () => {
    const quiet = createQueue({ quietHours: [{ from: '22:00', to: '07:00' }], localMinuteOfDay: shanghaiMinuteOfDay });
    const q = request(quiet, ann('care', 'c1'), localTime('23:00')).q;
    expect(snapshot(q, localTime('23:00')).pending[0]).toMatchObject({ id: 'c1', held: true });
  });
});

describe('quietEndsAfter', () => {
  it('finds the end of overlapping windows', () => {
    const quiet = parseQuietHours([{ from: '21:00', to: '23:00' }, { from: '22:30', to: '06:00' }], shanghaiMinuteOfDay);
    expect(quietEndsAfter(quiet, localTime('21:15'))).toBe(localTime('06:00') + 24 * 3_600_000);
    expect(quietEndsAfter(quiet, localTime('12:00'))).toBeNull();
  });
});
