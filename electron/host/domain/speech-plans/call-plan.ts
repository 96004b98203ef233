/**
 * What a hall says when it calls a ticket: the call template per language, filled in with the
 * ticket read digit by digit and the counter read as a number. The result is a list of segment ids,
 * one clip each, so the player only concatenates files and this stays pure and testable.
 */
import { MAX_COUNTER, MIN_COUNTER, readCounter } from './counter-reading.js';
import { TICKET_DIGITS, TICKET_LETTERS, digitSegment, letterSegment, readTicket } from './ticket-reading.js';
import { assertVoiceLang, type VoiceLang } from './voice-lang.js';

/** A fixed clip, or a slot filled from the call. */
type TemplatePart = string | { slot: 'ticket' } | { slot: 'counter' };

const TICKET = { slot: 'ticket' } as const;
const COUNTER = { slot: 'counter' } as const;

// 请 A023 号 到 5 号窗口 — "号窗口" is one clip so it flows as one word; "办理" is left out
// because halls differ on what follows it (业务, 手续) and the call is complete without it.
const CALL_TEMPLATES: Record<VoiceLang, readonly TemplatePart[]> = {
  'zh-CN': ['chime', 'qing', TICKET, 'hao', 'dao', COUNTER, 'hao-chuangkou'],
  en: ['chime', 'ticket', TICKET, 'please-go-to-counter', COUNTER],
};

/** The segment ids announcing `ticket` at `counter`, in playing order. Throws on bad input. */
export function planCall(ticket: string, counter: number, lang: string): string[] {
  const voiceLang = assertVoiceLang(lang);
  const ticketSegments = readTicket(ticket);
  const counterSegments = readCounter(counter, voiceLang);
  return CALL_TEMPLATES[voiceLang].flatMap((part) => {
    if (typeof part === 'string') return [part];
    return part.slot === 'ticket' ? ticketSegments : counterSegments;
  });
}

/**
 * Every segment id some call in `lang` can produce, derived by walking the template with every
 * letter, digit and counter, so a pack check can never drift from what planCall says.
 */
export function requiredSegments(lang: string): string[] {
  const voiceLang = assertVoiceLang(lang);
  const ids = new Set<string>();
  for (const part of CALL_TEMPLATES[voiceLang]) {
    if (typeof part === 'string') ids.add(part);
    else if (part.slot === 'ticket') {
      TICKET_LETTERS.forEach((letter) => ids.add(letterSegment(letter)));
      TICKET_DIGITS.forEach((digit) => ids.add(digitSegment(digit)));
    } else {
      for (let n = MIN_COUNTER; n <= MAX_COUNTER; n += 1) readCounter(n, voiceLang).forEach((id) => ids.add(id));
    }
  }
  return [...ids].sort();
}
