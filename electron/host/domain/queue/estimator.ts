/**
 * Honest wait estimates per service. Service times are learnt from the feed itself (served − called,
 * or the gap between calls at one counter when a feed never says `served`) as an exponentially
 * weighted mean and variance, so a slow afternoon or a new clerk shows within a dozen customers.
 * Learning reads events only and estimating reads a HallLoad only: each is tested on its own.
 */
import type { QueueConfig, ServiceConfig } from './config.js';
import { ticketPrefix, type QueueEvent } from './events.js';
import { describeWait, roundedWaitRange, type WaitMinutes } from './wait-range.js';

/** Shorter is a mis-click or a customer who left at once; longer is a counter left open over lunch. */
const MIN_SERVICE_SECONDS = 10;
const MAX_SERVICE_SECONDS = 2 * 3600;

export interface ServiceStats {
  meanSeconds: number;
  varianceSeconds2: number;
  samples: number;
}

interface OpenCall {
  ticket: string;
  service: string;
  at: number;
}

export interface EstimatorState {
  readonly services: readonly ServiceConfig[];
  readonly alpha: number;
  readonly stats: ReadonlyMap<string, ServiceStats>;
  /** Per counter, the call whose end we have not seen yet. */
  readonly openCalls: ReadonlyMap<number, OpenCall>;
  /** Once a feed has said `served`, the gap between calls is idle time as much as service time: stop using it. */
  readonly feedSendsServed: boolean;
}

/** The two facts an estimate needs from the hall: who waits, and which counters are open for what. */
export interface HallLoad {
  waiting: Readonly<Record<string, number>>;
  /** busy: serving someone now (a feed that never says `served` keeps every counter busy). */
  openCounters: readonly { id: number; services: readonly string[]; busy: boolean }[];
}

export interface WaitEstimate {
  service: string;
  /** Tickets waiting: the people ahead of whoever takes a ticket now. */
  waiting: number;
  /** null when no open counter serves the service. */
  minutes: WaitMinutes | null;
  text: { zh: string; en: string };
}

export function createEstimator(config: QueueConfig): EstimatorState {
  const cv = config.estimator.priorCoefficientOfVariation;
  const stats = new Map(
    config.services.map((s) => [s.id, { meanSeconds: s.defaultServiceSeconds, varianceSeconds2: (cv * s.defaultServiceSeconds) ** 2, samples: 0 }]),
  );
  return { services: config.services, alpha: config.estimator.alpha, stats, openCalls: new Map(), feedSendsServed: false };
}

/** Learns from one event the model applied (skip what it rejected: a refused call is no evidence). */
export function observe(est: EstimatorState, event: QueueEvent): EstimatorState {
  switch (event.type) {
    case 'ticket.called':
    case 'ticket.recalled': {
      const previous = est.openCalls.get(event.counter);
      if (previous?.ticket === event.ticket) return est;
      const openCalls = new Map([...est.openCalls].filter(([, call]) => call.ticket !== event.ticket));
      openCalls.set(event.counter, { ticket: event.ticket, service: ticketPrefix(event.ticket), at: event.at });
      const stats = previous && !est.feedSendsServed ? learn(est, previous.service, event.at - previous.at) : est.stats;
      return { ...est, openCalls, stats };
    }
    case 'ticket.served': {
      const entry = [...est.openCalls].find(([, call]) => call.ticket === event.ticket);
      if (!entry) return { ...est, feedSendsServed: true };
      const openCalls = new Map(est.openCalls);
      openCalls.delete(entry[0]);
      return { ...est, openCalls, stats: learn(est, entry[1].service, event.at - entry[1].at), feedSendsServed: true };
    }
    case 'ticket.noshow':
      return { ...est, openCalls: new Map([...est.openCalls].filter(([, call]) => call.ticket !== event.ticket)) };
    case 'counter.closed': {
      const openCalls = new Map(est.openCalls);
      openCalls.delete(event.counter);
      return { ...est, openCalls };
    }
    case 'snapshot': {
      const openCalls = new Map<number, OpenCall>();
      for (const t of event.tickets) {
        if (t.state === 'called' && t.counter !== undefined && t.calledAt !== undefined) {
          openCalls.set(t.counter, { ticket: t.ticket, service: t.service, at: t.calledAt });
        }
      }
      return { ...est, openCalls };
    }
    default:
      return est;
  }
}

/**
 * Wait for whoever takes a ticket now = services ahead × mean / capacity, shown as mean ± one sd
 * of the sum of those services (sd × √ahead / capacity), rounded outward (wait-range.ts). The
 * services ahead are the tickets waiting, plus, when no counter of the service is free, the rest
 * of the services in progress: the backtest showed "no wait" promised to customers who then
 * waited minutes for a busy counter.
 */
export function estimateWaits(est: EstimatorState, load: HallLoad): WaitEstimate[] {
  return est.services.map((service) => {
    const waiting = load.waiting[service.id] ?? 0;
    const capacity = serviceCapacity(service, load, est.services);
    const stats = est.stats.get(service.id)!;
    const free = load.openCounters.some((c) => !c.busy && c.services.includes(service.id));
    let minutes: WaitMinutes | null = null;
    // Nobody waiting: "no wait" wherever a counter serves it, even if that counter is busy for a
    // few more minutes — one reading of an empty queue; a board showing "0 waiting · under 10 min"
    // beside "0 waiting · no wait" reads as a contradiction to a customer (issue 12).
    if (capacity > 0 && waiting === 0) minutes = { low: 0, high: 0 };
    else if (capacity > 0) {
      // A service in progress has on average mean × (1 + cv²) / 2 left (the inspection paradox).
      const cv2 = stats.varianceSeconds2 / stats.meanSeconds ** 2;
      const ahead = waiting + (free ? 0 : (1 + cv2) / 2);
      const expected = (ahead * stats.meanSeconds) / capacity;
      const sd = Math.sqrt(ahead * stats.varianceSeconds2) / capacity;
      minutes = roundedWaitRange(expected / 60, sd / 60);
    }
    return { service: service.id, waiting, minutes, text: describeWait(minutes) };
  });
}

/**
 * Counters working on a service at once: a counter shared by k services gives each 1/k of its time.
 * Priority services are called first wherever they are served, so they get the whole counter; and
 * a priority service nobody waits for takes nothing, so it does not count in k (otherwise a quiet
 * special-care lane would halve its counter for general business all day).
 */
export function serviceCapacity(service: ServiceConfig, load: HallLoad, services: readonly ServiceConfig[]): number {
  if (service.priority) return load.openCounters.filter((c) => c.services.includes(service.id)).length;
  const idlePriority = new Set(services.filter((s) => s.priority && !(load.waiting[s.id] ?? 0)).map((s) => s.id));
  return load.openCounters
    .filter((c) => c.services.includes(service.id))
    .reduce((sum, c) => sum + 1 / c.services.filter((s) => !idlePriority.has(s)).length, 0);
}

function learn(est: EstimatorState, service: string, elapsedMs: number): ReadonlyMap<string, ServiceStats> {
  const seconds = elapsedMs / 1000;
  const current = est.stats.get(service);
  if (!current || seconds < MIN_SERVICE_SECONDS || seconds > MAX_SERVICE_SECONDS) return est.stats;
  // The incremental exponentially weighted mean and variance (T. Finch, 2009).
  const diff = seconds - current.meanSeconds;
  const step = est.alpha * diff;
  const next = { meanSeconds: current.meanSeconds + step, varianceSeconds2: (1 - est.alpha) * (current.varianceSeconds2 + diff * step), samples: current.samples + 1 };
  return new Map(est.stats).set(service, next);
}
