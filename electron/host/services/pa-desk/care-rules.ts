/**
 * Queue-aware care (the seed's 分流引导): when a service is overloaded, suggest another way — the
 * self-service machines, the app — by voice and with a slide, at most every `everyMinutes`. Pure;
 * it decides on the queue's own wait estimates (waiting count and estimate per service), not on
 * the board the displays get.
 */
import type { CareRule } from '../../../contract/hall-config.js';
import type { WaitEstimate } from '../../domain/queue/estimator.js';

export const DEFAULT_CARE_EVERY_MINUTES = 15;
export const DEFAULT_SLIDE_SECONDS = 30;

export interface CareRuleHit {
  rule: CareRule;
  /** Why, in the floor staff's words: "A: 31 waiting (≥ 25)". */
  reason: string;
}

/** What a care rule reads of one service: how many wait, and the estimate (null: no open counter). */
export type ServiceLoad = Pick<WaitEstimate, 'service' | 'waiting' | 'minutes'>;

/** The rules whose condition holds on `services`, whether or not they may fire again yet. */
export function overloadedRules(rules: readonly CareRule[], services: readonly ServiceLoad[]): CareRuleHit[] {
  const hits: CareRuleHit[] = [];
  for (const rule of rules) {
    const service = services.find((s) => s.service === rule.service);
    if (!service) continue;
    const why: string[] = [];
    if (rule.waitingAtLeast !== undefined && service.waiting >= rule.waitingAtLeast) why.push(`${service.waiting} waiting (≥ ${rule.waitingAtLeast})`);
    const low = service.minutes?.low;
    if (rule.estimateMinutesAtLeast !== undefined && low !== undefined && low >= rule.estimateMinutesAtLeast) {
      why.push(`estimate ${low}+ min (≥ ${rule.estimateMinutesAtLeast})`);
    }
    if (why.length > 0) hits.push({ rule, reason: `${service.service}: ${why.join(', ')}` });
  }
  return hits;
}

/** The overloaded rules that may fire now: never fired, or not within their `everyMinutes`. */
export function dueCareRules(rules: readonly CareRule[], services: readonly ServiceLoad[], lastFired: ReadonlyMap<string, number>, now: number): CareRuleHit[] {
  return overloadedRules(rules, services).filter(({ rule }) => {
    const last = lastFired.get(rule.id);
    return last === undefined || now - last >= (rule.everyMinutes ?? DEFAULT_CARE_EVERY_MINUTES) * 60_000;
  });
}
