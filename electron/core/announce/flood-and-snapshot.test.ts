import { describe, expect, it } from 'vitest';
import { createQueue, finished, next, request, started, type AnnouncementEffect, type AnnouncementQueue } from './announcement-queue.js';
import { announcement as ann, localTime, requestAll, shanghaiMinuteOfDay, T0 } from './announce.test-support.js';
import { parseQuietHours, quietEndsAfter } from './quiet-hours.js';
import { snapshot } from './snapshot.js';

describe('flood', () => {
  it('1,000 requests in one second: the queue stays bounded, drops have reasons, emergency and PA kept', () => {
    let q: AnnouncementQueue = createQueue();
    const effects: AnnouncementEffect[] = [];
    for (let i = 0; i < 1_000; i++) {
      const a = i === 500 ? ann('emergency', 'fire') : i === 10 ? ann('pa', 'pa-1') : ann('call', `call-${i}`);
      const r = request(q, { ...a, requestedAt: T0 + i }, T0 + i);
      q = r.q;
      effects.push(...r.effects);
      expect(q.pending.length).toBeLessThanOrEqual(50);
    }
    const dropped = effects.filter((e) => e.type === 'dropped');
    expect(dropped).toHaveLength(950);
    expect(dropped.every((e) => e.type === 'dropped' && e.reason.startsWith('queue full: more than 50 waiting'))).toBe(true);
    const ids = q.pending.map((p) => p.a.id);
    expect(ids).toContain('fire');
    expect(ids).toContain('pa-1');
    // The oldest calls went first: the 48 newest remain.
    expect(ids.filter((id) => id.startsWith('call-'))).toEqual(Array.from({ length: 48 }, (_, k) => `call-${952 + k}`));
    expect(q.recent).toHaveLength(20);
  });

  it('never drops an emergency, even past the bound', () => {
    const q = requestAll(createQueue({ maxPending: 3 }), [ann('call', 'k1'), ...['e1', 'e2', 'e3', 'e4'].map((id) => ann('emergency', id))]);
    expect(q.pending.map((p) => p.a.id)).toEqual(['e1', 'e2', 'e3', 'e4']);
    expect(q.recent[0]).toMatchObject({ id: 'k1', outcome: 'dropped' });
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
