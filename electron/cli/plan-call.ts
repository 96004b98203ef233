/**
 * `hallcast plan-call TICKET COUNTER [--lang zh|en]`: the exact clips a call is read with, one
 * segment id per word, on one line — what the PA will say, checkable without a speaker.
 */
import { planCall } from '../host/domain/speech-plans/call-plan.js';
import type { Output } from './output.js';

/** `zh` and `en` on the command line; the packs are named by locale. */
const LANGS: Record<string, string> = { zh: 'zh-CN', 'zh-CN': 'zh-CN', en: 'en' };

export function runPlanCall(ticket: string, counter: string, lang: string, out: Output): number {
  const locale = LANGS[lang];
  if (!locale) {
    out.stderr(`hallcast: --lang ${lang}: use zh or en`);
    return 2;
  }
  if (!/^\d{1,3}$/.test(counter)) {
    out.stderr(`hallcast: counter must be a number 1–999, got "${counter}"`);
    return 1;
  }
  try {
    out.stdout(planCall(ticket, Number(counter), locale).join(' '));
    return 0;
  } catch (error) {
    out.stderr(`hallcast: ${(error as Error).message}`);
    return 1;
  }
}
