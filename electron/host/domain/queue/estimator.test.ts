import { describe, expect, it } from 'vitest';
import { DEFAULT_QUEUE_CONFIG } from './config.js';
import { createEstimator, estimateWaits, observe, serviceCapacity, type EstimatorState, type HallLoad } from './estimator.js';
import type { QueueEvent } from './events.js';
import { feed, minutes } from './feed.test-support.js';

const config = DEFAULT_QUEUE_CONFIG;
const seconds = (s: number): number => minutes(0) + s * 1000;

function learn(events: QueueEvent[], est: EstimatorState = createEstimator(config)): EstimatorState {
  return events.reduce(observe, est);
}

describe('learning service times', () => {
  it('starts from the configured prior', () => {
    expect(createEstimator(config).stats.get('A')).toEqual({ meanSeconds: 360, varianceSeconds2: 180 ** 2, samples: 0 });
  });

  it('takes served − called, weighted by alpha', () => {
    const next = feed();
    const est = learn([
      next(seconds(0), { type: 'ticket.called', ticket: 'A001', counter: 1 }),
      next(seconds(300), { type: 'ticket.served', ticket: 'A001', counter: 1 }),
    ]);
    // diff = −60, step = −12: mean 348; variance 0.8 × (32400 + 720).
    expect(est.stats.get('A')).toEqual({ meanSeconds: 348, varianceSeconds2: 26_496, samples: 1 });
    expect(est.openCalls.size).toBe(0);
  });

  it('ignores absurd service times', () => {
    const next = feed();
    const est = learn([
      next(seconds(0), { type: 'ticket.called', ticket: 'A001', counter: 1 }),
      next(seconds(5), { type: 'ticket.served', ticket: 'A001' }),
      next(seconds(10), { type: 'ticket.called', ticket: 'A002', counter: 2 }),
      next(seconds(10 + 3 * 3600), { type: 'ticket.served', ticket: 'A002' }),
    ]);
    expect(est.stats.get('A')!.samples).toBe(0);
  });

  it('learns nothing from a no-show', () => {
    const next = feed();
    const est = learn([next(seconds(0), { type: 'ticket.called', ticket: 'B001', counter: 4 }), next(seconds(60), { type: 'ticket.noshow', ticket: 'B001' })]);
    expect(est.stats.get('B')!.samples).toBe(0);
    expect(est.openCalls.size).toBe(0);
  });

  it('uses the gap between calls at a counter for feeds that never send served', () => {
    const next = feed();
    const est = learn([
      next(seconds(0), { type: 'ticket.called', ticket: 'B001', counter: 4 }),
      next(seconds(100), { type: 'ticket.called', ticket: 'B002', counter: 4 }),
      next(seconds(130), { type: 'ticket.called', ticket: 'A001', counter: 5 }),
    ]);
    // diff = −50, step = −10: mean 140; variance 0.8 × (75² + 500) = 0.8 × 6125.
    expect(est.stats.get('B')).toEqual({ meanSeconds: 140, varianceSeconds2: 4900, samples: 1 });
    expect(est.stats.get('A')!.samples).toBe(0);
  });

  it('stops using call gaps once the feed has said served', () => {
    const next = feed();
    const est = learn([
      next(seconds(0), { type: 'ticket.called', ticket: 'B001', counter: 4 }),
      next(seconds(150), { type: 'ticket.served', ticket: 'B001', counter: 4 }),
      next(seconds(160), { type: 'ticket.called', ticket: 'B002', counter: 4 }),
      next(seconds(900), { type: 'ticket.called', ticket: 'B003', counter: 4 }),
    ]);
    expect(est.stats.get('B')).toEqual({ meanSeconds: 150, varianceSeconds2: 0.8 * 75 ** 2, samples: 1 });
  });

  it('takes open calls from a snapshot', () => {
    const next = feed();
    const est = learn([
      next(seconds(0), { type: 'snapshot', counters: [], tickets: [{ ticket: 'A007', service: 'A', state: 'called', issuedAt: seconds(-600), calledAt: seconds(-60), counter: 2 }] }),
      next(seconds(240), { type: 'ticket.served', ticket: 'A007' }),
    ]);
    // Called 60 s before the snapshot, served 240 s after it: a 300 s service.
    expect(est.stats.get('A')).toMatchObject({ meanSeconds: 348, samples: 1 });
  });
});

describe('capacity', () => {
  const service = (id: string) => config.services.find((s) => s.id === id)!;
  const hall = (waiting: HallLoad['waiting']): HallLoad => ({
    waiting,
    openCounters: [
      { id: 1, services: ['A'], busy: true },
      { id: 5, services: ['A', 'B'], busy: true },
      { id: 6, services: ['A', 'V'], busy: true },
    ],
  });
  const capacity = (id: string, load: HallLoad) => serviceCapacity(service(id), load, config.services);

  it('shares a counter between its services: 1/k each', () => {
    expect(capacity('B', hall({}))).toBe(0.5);
    expect(capacity('A', hall({ V: 1 }))).toBe(2);
  });

  it('gives priority the whole counter, and takes none from others while nobody waits for it', () => {
    expect(capacity('V', hall({ V: 1 }))).toBe(1);
    expect(capacity('A', hall({ V: 0 }))).toBe(2.5);
  });
});

describe('estimates', () => {
  const est = createEstimator(config);
  const counter = (id: number, services: string[], busy = false) => ({ id, services, busy });
  const texts = (waiting: HallLoad['waiting'], ...openCounters: HallLoad['openCounters']) =>
    estimateWaits(est, { waiting, openCounters }).map((e) => [e.service, e.waiting, e.minutes, e.text.zh, e.text.en]);

  it('is waiting × mean / capacity, ± one sd of the sum, rounded outward; "—" with no open counter', () => {
    // A: 10 × 360 s / 3 = 20 min, sd √10 × 180 s / 3 = 3.16 min → 16.8–23.2 → 15–25.
    expect(texts({ A: 10, B: 1 }, counter(1, ['A'], true), counter(2, ['A'], true), counter(3, ['A']), counter(4, ['B']))).toEqual([
      ['A', 10, { low: 15, high: 25 }, '15–25 分钟', '15–25 min'],
      ['B', 1, { low: 0, high: 5 }, '5 分钟内', 'under 5 min'],
      ['V', 0, null, '—', '—'],
    ]);
  });

  it('gives each service 1/k of a shared counter', () => {
    // A: 2 × 360 s / 0.5 = 24 min, sd √2 × 180 s / 0.5 = 8.5 min → 15.5–32.5 → 15–40.
    expect(texts({ A: 2, B: 0 }, counter(5, ['A', 'B']))).toEqual([
      ['A', 2, { low: 15, high: 40 }, '15–40 分钟', '15–40 min'],
      ['B', 0, { low: 0, high: 0 }, '无需等待', 'no wait'],
      ['V', 0, null, '—', '—'],
    ]);
  });

  it('serves priority first at a shared counter', () => {
    // V: 1 × 420 s / 1 = 7 min ± 3.5 → under 15. A: 2 × 360 s / 0.5 = 24 min → 15–40 while V waits…
    expect(texts({ A: 2, V: 1 }, counter(6, ['A', 'V']))).toEqual([
      ['A', 2, { low: 15, high: 40 }, '15–40 分钟', '15–40 min'],
      ['B', 0, null, '—', '—'],
      ['V', 1, { low: 0, high: 15 }, '15 分钟内', 'under 15 min'],
    ]);
    // …and 12 min ± 4.2 → 5–20 when nobody does.
    expect(texts({ A: 2 }, counter(6, ['A', 'V']))[0]).toEqual(['A', 2, { low: 5, high: 20 }, '5–20 分钟', '5–20 min']);
  });

  it('reads an empty queue one way: no wait wherever an open counter serves it, busy or free', () => {
    expect(texts({}, counter(6, ['A', 'V']))[0]).toEqual(['A', 0, { low: 0, high: 0 }, '无需等待', 'no wait']);
    // Was "under 10 min" beside another service's "0 waiting · no wait" (issue 12).
    expect(texts({}, counter(6, ['A', 'V'], true))[0]).toEqual(['A', 0, { low: 0, high: 0 }, '无需等待', 'no wait']);
    // With one waiting and the counter busy, the service in progress counts:
    // A: 1 + (1 + 0.25) / 2 = 1.625 services ahead: 9.75 min ± 3.8 → 5–15.
    expect(texts({ A: 1 }, counter(6, ['A', 'V'], true))[0]!.slice(0, 3)).toEqual(['A', 1, { low: 5, high: 15 }]);
  });

  it('caps long waits at 60 minutes', () => {
    expect(texts({ B: 40 }, counter(4, ['B']))[1]).toEqual(['B', 40, { low: 60, high: null }, '60 分钟以上', 'over 60 min']);
    // A: 9 × 6 min = 54 min ± 9 → 45–63: the top is over the cap.
    expect(texts({ A: 9 }, counter(1, ['A']))[0]).toEqual(['A', 9, { low: 40, high: null }, '40 分钟以上', 'over 40 min']);
  });

  it('follows what it learnt', () => {
    const next = feed();
    let learnt = createEstimator(config);
    for (let i = 0; i < 30; i++) {
      learnt = observe(learnt, next(seconds(i * 1000), { type: 'ticket.called', ticket: `A${i + 1}`, counter: 1 }));
      learnt = observe(learnt, next(seconds(i * 1000 + 660), { type: 'ticket.served', ticket: `A${i + 1}`, counter: 1 }));
    }
    expect(learnt.stats.get('A')!.meanSeconds).toBeCloseTo(660, 0);
    const [a] = estimateWaits(learnt, { waiting: { A: 4 }, openCounters: [counter(1, ['A']), counter(2, ['A'])] });
    // 4 × 11 min / 2 = 22 min, and the spread has all but vanished.
    expect(a!.text.en).toBe('20–25 min');
  });
});
