/**
 * The hall's queue configuration: which services take tickets, which counters serve them, and the
 * knobs of the wait estimator. Plain data, so a hall can describe its own floor in JSON.
 */

export interface ServiceConfig {
  /** The ticket prefix, 1–3 capital letters: "A" issues A001, A002 … */
  id: string;
  name: { zh: string; en: string };
  /** Priority / special-care service: visibly marked on the board, called first at shared counters. */
  priority?: boolean;
  /** The estimator's prior for one customer's service time, used until real calls teach it better. */
  defaultServiceSeconds: number;
}

export interface CounterConfig {
  /** The number customers see above the counter, 1..999. */
  id: number;
  /** Service ids this counter calls, unless a `counter.opened` event says otherwise. */
  services: string[];
}

export interface EstimatorConfig {
  /** Weight of the newest service time in the running mean and variance (0 < alpha ≤ 1). */
  alpha: number;
  /** Spread assumed before any data: prior sd = this × defaultServiceSeconds. */
  priorCoefficientOfVariation: number;
}

export interface QueueConfig {
  services: ServiceConfig[];
  counters: CounterConfig[];
  estimator: EstimatorConfig;
  /** How many calls the board keeps (newest first). */
  recentCalls: number;
  /** How long an event that arrived ahead of a gap waits for the missing seq before we give up. */
  reorderWindowMs: number;
  /**
   * A call opens a closed counter for its configured services: for queue systems that only report
   * calls and never `counter.opened`, whose counters would otherwise all look closed (every wait "—").
   */
  openCountersOnCall?: boolean;
}

export const DEFAULT_ESTIMATOR_CONFIG: EstimatorConfig = { alpha: 0.2, priorCoefficientOfVariation: 0.5 };

/**
 * A typical mid-sized hall: general business takes most staff, payments are quick, and the
 * special-care lane shares a counter with general business because it is rarely busy. Counter 5
 * serves both A and B and is the one a hall staffs only at the lunchtime peak.
 */
export const DEFAULT_QUEUE_CONFIG: QueueConfig = {
  services: [
    { id: 'A', name: { zh: '综合业务', en: 'General business' }, defaultServiceSeconds: 360 },
    { id: 'B', name: { zh: '缴费充值', en: 'Payments & top-up' }, defaultServiceSeconds: 150 },
    { id: 'V', name: { zh: '爱心通道', en: 'Priority & special care' }, priority: true, defaultServiceSeconds: 420 },
  ],
  counters: [
    { id: 1, services: ['A'] },
    { id: 2, services: ['A'] },
    { id: 3, services: ['A'] },
    { id: 4, services: ['B'] },
    { id: 5, services: ['A', 'B'] },
    { id: 6, services: ['A', 'V'] },
  ],
  estimator: DEFAULT_ESTIMATOR_CONFIG,
  recentCalls: 8,
  reorderWindowMs: 500,
};

