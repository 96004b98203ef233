/**
 * Replays a simulated day through the model and the estimator and asks: what did the board promise
 * each customer when they took their ticket, and how long did they really wait until called? The
 * same question is put to a naive baseline, so a bench can show whether learning and sharing pay.
 */
import type { QueueConfig } from './config.js';
import { createEstimator, estimateWaits, observe } from './estimator.js';
import { hallLoad } from './hall-load.js';
import { applyEvent, createQueueState } from './model.js';
import { advance, createSimulator, type SimulatorOptions } from './simulator.js';
import { roundedWaitRange, type WaitMinutes } from './wait-range.js';

export interface Accuracy {
  meanAbsoluteErrorMinutes: number;
  /** Positive when customers waited longer than promised. */
  meanSignedErrorMinutes: number;
  withinRangeShare: number;
}

export interface BacktestReport extends Accuracy {
  /** Tickets issued during the day. */
  tickets: number;
  /** Tickets called after an estimate was shown ("—" estimates are not counted). */
  compared: number;
  naive: Accuracy;
  byService: Record<string, { compared: number; model: Accuracy; naive: Accuracy }>;
  /** Most tickets waiting at once, all services together. */
  peakWaiting: number;
  /** Simulator events the model refused: should be none. */
  rejectedEvents: number;
}

/** "No wait" is kept when the customer is called within this long: walking up takes that anyway. */
const NO_WAIT_TOLERANCE_MINUTES = 1;
const DAY_MS = 24 * 3600_000;

interface Promise {
  service: string;
  issuedAt: number;
  model: WaitMinutes | null;
  naive: WaitMinutes;
}

interface Comparison {
  service: string;
  actual: number;
  model: WaitMinutes;
  naive: WaitMinutes;
}

export function backtest(
  config: QueueConfig,
  seed: number,
  dayStartMs: number,
  localMinuteOfDay: (ms: number) => number,
  simulator: Partial<SimulatorOptions> = {},
): BacktestReport {
  const sim = createSimulator({ config, seed, localMinuteOfDay, startMs: dayStartMs, ...simulator });
  let state = createQueueState(config);
  let estimator = createEstimator(config);
  const promises = new Map<string, Promise>();
  const comparisons: Comparison[] = [];
  let tickets = 0;
  let peakWaiting = 0;
  let rejectedEvents = 0;

  for (const event of advance(sim, dayStartMs + DAY_MS)) {
    if (event.type === 'ticket.issued') {
      tickets++;
      const load = hallLoad(state);
      const shown = estimateWaits(estimator, load).find((e) => e.service === event.service)!;
      promises.set(event.ticket, { service: event.service, issuedAt: event.at, model: shown.minutes, naive: naiveRange(config, event.service, shown.waiting) });
    }
    const applied = applyEvent(state, event, event.at);
    state = applied.state;
    for (const step of applied.outcome.steps) {
      if (step.kind === 'applied') estimator = observe(estimator, step.event);
      if (step.kind === 'rejected') rejectedEvents++;
    }
    const promise = event.type === 'ticket.called' ? promises.get(event.ticket) : undefined;
    if (promise && event.type === 'ticket.called') {
      promises.delete(event.ticket);
      if (promise.model) comparisons.push({ service: promise.service, actual: (event.at - promise.issuedAt) / 60_000, model: promise.model, naive: promise.naive });
    }
    peakWaiting = Math.max(peakWaiting, Object.values(hallLoad(state).waiting).reduce((a, b) => a + b, 0));
  }

  const byService: BacktestReport['byService'] = {};
  for (const { id } of config.services) {
    const mine = comparisons.filter((c) => c.service === id);
    byService[id] = { compared: mine.length, model: accuracy(mine, (c) => c.model), naive: accuracy(mine, (c) => c.naive) };
  }
  return {
    tickets,
    compared: comparisons.length,
    ...accuracy(comparisons, (c) => c.model),
    naive: accuracy(comparisons, (c) => c.naive),
    byService,
    peakWaiting,
    rejectedEvents,
  };
}

/** What a first attempt would show: every configured counter of the service busy with it alone, at the default service time. */
function naiveRange(config: QueueConfig, service: string, waiting: number): WaitMinutes {
  if (waiting === 0) return { low: 0, high: 0 };
  const counters = config.counters.filter((c) => c.services.includes(service)).length;
  const seconds = config.services.find((s) => s.id === service)!.defaultServiceSeconds;
  return roundedWaitRange((waiting * seconds) / Math.max(counters, 1) / 60, 0);
}

function accuracy(comparisons: Comparison[], pick: (c: Comparison) => WaitMinutes): Accuracy {
  if (comparisons.length === 0) return { meanAbsoluteErrorMinutes: NaN, meanSignedErrorMinutes: NaN, withinRangeShare: NaN };
  let absolute = 0;
  let signed = 0;
  let within = 0;
  for (const c of comparisons) {
    const range = pick(c);
    const error = c.actual - pointOf(range);
    absolute += Math.abs(error);
    signed += error;
    if (contains(range, c.actual)) within++;
  }
  const n = comparisons.length;
  return { meanAbsoluteErrorMinutes: absolute / n, meanSignedErrorMinutes: signed / n, withinRangeShare: within / n };
}

/** The middle of the range; an open range ("over 60") is read as its floor, which is all it promises. */
function pointOf({ low, high }: WaitMinutes): number {
  return high === null ? low : (low + high) / 2;
}

function contains({ low, high }: WaitMinutes, minutes: number): boolean {
  if (high === 0) return minutes <= NO_WAIT_TOLERANCE_MINUTES;
  return minutes >= low && (high === null || minutes <= high);
}
