/**
 * How an estimated wait is shown: a range rounded outward to steps a customer can plan with,
 * never a precise-looking number the hall cannot keep. The rule is documented in README.md.
 */

/** Minutes; high null means open-ended ("over 60 min"). {0, 0} means no wait. */
export interface WaitMinutes {
  low: number;
  high: number | null;
}

const UNDER_MINUTES = 5;
const FINE_STEP_UP_TO = 30;
const CAP_MINUTES = 60;
// Float noise (19.999999…) must not push a bound across a step.
const EPSILON = 1e-9;

/** The range mean ± sd, rounded outward: 5-minute steps below 30 minutes, 10-minute steps above, capped at 60. */
export function roundedWaitRange(expectedMinutes: number, sdMinutes: number): WaitMinutes {
  const lowRaw = Math.max(0, expectedMinutes - sdMinutes);
  const highRaw = expectedMinutes + sdMinutes;
  if (highRaw <= UNDER_MINUTES + EPSILON) return { low: 0, high: UNDER_MINUTES };
  const low = roundDown(lowRaw);
  let high = roundUp(highRaw);
  if (high <= low) high = low + stepAt(low);
  if (low >= CAP_MINUTES) return { low: CAP_MINUTES, high: null };
  if (high > CAP_MINUTES) return { low, high: null };
  return { low, high };
}

export function describeWait(minutes: WaitMinutes | null): { zh: string; en: string } {
  if (minutes === null) return { zh: '—', en: '—' };
  const { low, high } = minutes;
  if (high === 0) return { zh: '无需等待', en: 'no wait' };
  if (high === null) return low === 0 ? { zh: '难以估计', en: 'hard to say' } : { zh: `${low} 分钟以上`, en: `over ${low} min` };
  if (low === 0) return { zh: `${high} 分钟内`, en: `under ${high} min` };
  return { zh: `${low}–${high} 分钟`, en: `${low}–${high} min` };
}

function stepAt(minutes: number): number {
  return minutes < FINE_STEP_UP_TO ? 5 : 10;
}

function roundDown(minutes: number): number {
  const step = stepAt(minutes + EPSILON);
  return Math.floor((minutes + EPSILON) / step) * step;
}

function roundUp(minutes: number): number {
  const step = minutes - EPSILON <= FINE_STEP_UP_TO ? 5 : 10;
  return Math.ceil((minutes - EPSILON) / step) * step;
}
