/**
 * Queue-aware care (the seed's 分流引导): when a service is overloaded, suggest another way — the
 * self-service machines, the app — by voice and with a slide, at most every `everyMinutes`. Pure.
 */
import type { QueueBoardState } from '../../../contract/messages.js';
import type { CareRule } from '../../../contract/hall-config.js';

export const DEFAULT_CARE_EVERY_MINUTES = 15;
export const DEFAULT_SLIDE_SECONDS = 30;

export interface CareRuleHit {
  rule: CareRule;
  /** Why, in the floor staff's words: "A: 31 waiting (≥ 25)". */
  reason: string;
}

/** The rules whose condition holds on `board`, whether or not they may fire again yet. */
export function overloadedRules(rules: readonly CareRule[], board: QueueBoardState): CareRuleHit[] {
  const hits: CareRuleHit[] = [];
  for (const rule of rules) {
    const service = board.services.find((s) => s.id === rule.service);
    if (!service) continue;
    const why: string[] = [];
    if (rule.waitingAtLeast !== undefined && service.waiting >= rule.waitingAtLeast) why.push(`${service.waiting} waiting (≥ ${rule.waitingAtLeast})`);
    const low = service.minutes?.low;
    if (rule.estimateMinutesAtLeast !== undefined && low !== undefined && low >= rule.estimateMinutesAtLeast) {
      why.push(`estimate ${low}+ min (≥ ${rule.estimateMinutesAtLeast})`);
    }
    if (why.length > 0) hits.push({ rule, reason: `${service.id}: ${why.join(', ')}` });
  }
  return hits;
}

/** The overloaded rules that may fire now: never fired, or not within their `everyMinutes`. */
export function dueCareRules(rules: readonly CareRule[], board: QueueBoardState, lastFired: ReadonlyMap<string, number>, now: number): CareRuleHit[] {
  return overloadedRules(rules, board).filter(({ rule }) => {
    const last = lastFired.get(rule.id);
    return last === undefined || now - last >= (rule.everyMinutes ?? DEFAULT_CARE_EVERY_MINUTES) * 60_000;
  });
}
