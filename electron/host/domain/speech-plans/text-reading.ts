/**
 * Free text read the way a call is read. An operator types "请A023号到5号窗口" or "Ticket B100,
 * counter 20"; a speech engine left to itself reads A023 as "A 零二十三" / "A twenty-three". Here
 * the tickets and counters in the text are found and planned by the call's own rules
 * (`readTicket`, `readCounter`), then written out as words, so any engine — the bundled espeak-ng
 * or a hall's command — says "A 零 二 三", "五号窗口", "B, one, zero, zero", "counter twenty".
 * Everything else is left to the engine.
 */
import { readCounter } from './counter-reading.js';
import { segmentWord } from './segment-words.js';
import { readTicket } from './ticket-reading.js';
import { assertVoiceLang, type VoiceLang } from './voice-lang.js';

export type TextPart =
  | { kind: 'text'; text: string }
  /** `said` is the segment ids a call would play for the same ticket or counter. */
  | { kind: 'ticket'; written: string; said: string[] }
  | { kind: 'counter'; written: string; said: string[] };

// A ticket is 1–3 letters then 1–4 digits, not inside a longer run of letters or digits.
// In English text only capitals count ("mp3", "h2o" are words); next to hanzi any case is a ticket.
const TICKET = { 'zh-CN': /(?<![A-Za-z0-9])[A-Za-z]{1,3}[0-9]{1,4}(?![A-Za-z0-9])/y, en: /(?<![A-Za-z0-9])[A-Z]{1,3}[0-9]{1,4}(?![A-Za-z0-9])/y };
// A counter is a number naming a counter: "5号窗口", "12号柜台"; "counter 20", "window 3", "desk 7".
const ZH_COUNTER = /(?<![A-Za-z0-9])([0-9]{1,3})(?=\s*号\s*(?:窗口|柜台))/y;
const EN_COUNTER = /\b(counter|window|desk)(\s+)([0-9]{1,3})(?![0-9])/iy;

/** The text cut into plain text, tickets and counters, each with the segments a call would say. */
export function planText(text: string, lang: string): TextPart[] {
  const voiceLang = assertVoiceLang(lang);
  const parts: TextPart[] = [];
  let plain = '';
  const flush = (): void => {
    if (plain) parts.push({ kind: 'text', text: plain });
    plain = '';
  };
  for (let at = 0; at < text.length; ) {
    const found = matchAt(text, at, voiceLang);
    if (!found) {
      plain += text[at];
      at += 1;
      continue;
    }
    if (found.before) plain += found.before;
    flush();
    parts.push(found.part);
    at = found.end;
  }
  flush();
  return parts;
}

/** The text as an engine should be given it: tickets and counters written out as the call says them. */
export function speakableText(text: string, lang: string): string {
  const voiceLang = assertVoiceLang(lang);
  const out = planText(text, voiceLang).map((part) => {
    if (part.kind === 'text') return part.text;
    const words = part.said.map((s) => segmentWord(s, voiceLang));
    if (part.kind === 'ticket') return voiceLang === 'zh-CN' ? ` ${words.join(' ')} ` : words.join(', ');
    return words.join(voiceLang === 'zh-CN' ? '' : ' ');
  });
  return out.join('').replace(/ {2,}/g, ' ').trim();
}

function matchAt(text: string, at: number, lang: VoiceLang): { before?: string; part: TextPart; end: number } | null {
  if (lang === 'zh-CN') {
    ZH_COUNTER.lastIndex = at;
    const counter = ZH_COUNTER.exec(text);
    if (counter) {
      const said = counterSegments(counter[1]!, lang);
      if (said) return { part: { kind: 'counter', written: counter[1]!, said }, end: at + counter[0].length };
    }
  } else {
    EN_COUNTER.lastIndex = at;
    const counter = EN_COUNTER.exec(text);
    if (counter) {
      const said = counterSegments(counter[3]!, lang);
      if (said) return { before: counter[1]! + counter[2]!, part: { kind: 'counter', written: counter[3]!, said }, end: at + counter[0].length };
    }
  }
  const pattern = TICKET[lang];
  pattern.lastIndex = at;
  const ticket = pattern.exec(text);
  if (ticket) return { part: { kind: 'ticket', written: ticket[0], said: readTicket(ticket[0]) }, end: at + ticket[0].length };
  return null;
}

/** A counter's segments, or null where the number is no counter a call could name (0, "007"). */
function counterSegments(digits: string, lang: VoiceLang): string[] | null {
  const n = Number(digits);
  if (!/^[1-9]/.test(digits)) return null;
  try {
    return readCounter(n, lang);
  } catch {
    return null;
  }
}
