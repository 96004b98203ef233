import { describe, expect, it } from 'vitest';
import { createQueue, finished, next, request, started, type AnnouncementQueue } from './announcement-queue.js';
import { announcement as ann, drain, localTime, MIDNIGHT, requestAll, shanghaiMinuteOfDay, T0 } from './announce.test-support.js';

const DAY = 24 * 3_600_000;
const overnight = (): AnnouncementQueue =>
  createQueue({ quietHours: [{ from: '22:00', to: '07:00' }], localMinuteOfDay: shanghaiMinuteOfDay });

describe('quiet hours across midnight (22:00–07:00)', () => {
  const late = localTime('23:30');

  it('drops a call with the reason', () => {
    const r = request(overnight(), ann('call', 'A001', { requestedAt: late }), late);
    expect(r.effects[1]).toEqual({ type: 'dropped', at: late, id: 'A001', reason: 'quiet hours 22:00–07:00: calls are not read out' });
  });

  it('still plays emergency and PA messages', () => {
    const q = requestAll(overnight(), [ann('pa', 'p1'), ann('emergency', 'e1')], late);
    expect(drain(q, late).played).toEqual(['e1', 'p1']);
  });

  it('holds a care notice until quiet hours end, then plays it', () => {
    const q = request(overnight(), ann('care', 'c1', { requestedAt: late }), late).q;
    const s = next(q, late);
    expect(s.play).toBeNull();
    expect(s.wakeAt).toBe(localTime('07:00') + DAY);
    expect(next(s.q, localTime('06:59') + DAY).play).toBeNull();
    expect(next(s.q, s.wakeAt!).play?.id).toBe('c1');
  });

  it('drops a held care notice that expires before quiet hours end', () => {
    const q = request(overnight(), ann('care', 'c1', { requestedAt: late, expiresAt: late + 3_600_000 }), late).q;
    const s = next(q, late);
    expect(s.wakeAt).toBe(late + 3_600_001);
    expect(next(s.q, s.wakeAt!).effects[0]).toMatchObject({ type: 'dropped', reason: expect.stringMatching(/^stale/) });
  });

  it('drops a call still waiting when quiet hours begin', () => {
    let s = next(request(overnight(), ann('pa', 'p1'), localTime('21:59')).q, localTime('21:59'));
    s = next(request(s.q, ann('call', 'A001'), localTime('21:59')).q, localTime('21:59'));
    const s2 = next(finished(s.q, 'p1', localTime('22:00')).q, localTime('22:00'));
    expect(s2.play).toBeNull();
    expect(s2.effects[0]).toMatchObject({ type: 'dropped', id: 'A001' });
  });

  it('is quiet from 00:00 to 06:59 on the next day too, and plays calls at 07:00', () => {
    expect(request(overnight(), ann('call', 'A001'), MIDNIGHT + DAY).effects.map((e) => e.type)).toEqual(['requested', 'dropped']);
    expect(drain(request(overnight(), ann('call', 'A002'), localTime('07:00')).q, localTime('07:00')).played).toEqual(['A002']);
  });

  it('refuses windows it cannot read', () => {
    expect(() => createQueue({ quietHours: [{ from: '22:00', to: '22:00' }], localMinuteOfDay: shanghaiMinuteOfDay })).toThrow(/distinct/);
    expect(() => createQueue({ quietHours: [{ from: '25:00', to: '07:00' }], localMinuteOfDay: shanghaiMinuteOfDay })).toThrow(/HH:MM/);
    expect(() => createQueue({ quietHours: [{ from: '22:00', to: '07:00' }] })).toThrow(/localMinuteOfDay/);
  });
});

describe('quiet hours within a day (12:00–13:00)', () => {
  const lunch = createQueue({ quietHours: [{ from: '12:00', to: '13:00' }], localMinuteOfDay: shanghaiMinuteOfDay });
  it('drops calls inside, plays them at the end minute', () => {
    expect(request(lunch, ann('call', 'A001'), localTime('12:30')).effects.map((e) => e.type)).toEqual(['requested', 'dropped']);
    expect(drain(request(lunch, ann('call', 'A001'), localTime('13:00')).q, localTime('13:00')).played).toEqual(['A001']);
  });
});

describe('waitPolicy for care notices', () => {
  /** A PA message playing from T0 until `endsAt`, and the given requests queued behind it at T0. */
  function busyUntil(endsAt: number, ...waiting: ReturnType<typeof ann>[]) {
    let q = next(request(createQueue(), ann('pa', 'long', { durationMs: endsAt - T0 }), T0).q, T0).q;
    q = requestAll(started(q, 'long', T0).q, waiting);
    return next(finished(q, 'long', endsAt).q, endsAt);
  }

  it('skip: dropped with the reason once it has waited longer than maxWaitMs', () => {
    const s = busyUntil(T0 + 90_000, ann('care', 'c1', { waitPolicy: { maxWaitMs: 60_000, then: 'skip' } }));
    expect(s.play).toBeNull();
    expect(s.effects[0]).toMatchObject({ type: 'dropped', id: 'c1', reason: 'skipped: waited 90 s, more than the 60 s allowed' });
  });

  it('skip: plays when its turn comes within maxWaitMs', () => {
    expect(busyUntil(T0 + 30_000, ann('care', 'c1', { waitPolicy: { maxWaitMs: 60_000, then: 'skip' } })).play?.id).toBe('c1');
  });

  it('play: after maxWaitMs it goes ahead of calls, so a busy hall cannot starve it', () => {
    const care = ann('care', 'c1', { waitPolicy: { maxWaitMs: 60_000, then: 'play' } });
    expect(busyUntil(T0 + 30_000, care, ann('call', 'A001')).play?.id).toBe('A001');
    expect(busyUntil(T0 + 90_000, care, ann('call', 'A001')).play?.id).toBe('c1');
    expect(busyUntil(T0 + 90_000, care, ann('pa', 'p1')).play?.id).toBe('p1');
  });

  it('plays at once when nothing else speaks, even with maxWaitMs 0', () => {
    const q = request(createQueue(), ann('care', 'c1', { waitPolicy: { maxWaitMs: 0, then: 'skip' } }), T0).q;
    expect(next(q, T0).play?.id).toBe('c1');
  });
});
