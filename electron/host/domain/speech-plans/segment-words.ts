/**
 * The written word each call segment stands for, per language: what a text-to-speech engine is
 * given where a voice pack would play the clip. The same ids as the packs (and the same readings
 * as their `text`), so free text reads a ticket or a counter exactly as a call does.
 */
import type { VoiceLang } from './voice-lang.js';

const ZH_DIGITS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];
const EN_DIGITS = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine'];
const EN_TEENS = ['ten', 'eleven', 'twelve', 'thirteen', 'fourteen', 'fifteen', 'sixteen', 'seventeen', 'eighteen', 'nineteen'];
const EN_TENS = ['', '', 'twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety'];

const ZH_NAMED: Record<string, string> = { 'num-ling': '零', 'num-shi': '十', 'num-bai': '百', 'num-liang': '两' };
const EN_NAMED: Record<string, string> = { 'num-hundred': 'hundred', 'num-and': 'and' };

/** `digit-3` → 三 / three, `num-12` → twelve, `num-shi` → 十, `letter-A` → A. Throws on an id no call uses. */
export function segmentWord(segment: string, lang: VoiceLang): string {
  const letter = /^letter-([A-Z])$/.exec(segment);
  if (letter) return letter[1]!;
  const digit = /^digit-(\d)$/.exec(segment);
  if (digit) return (lang === 'zh-CN' ? ZH_DIGITS : EN_DIGITS)[Number(digit[1])]!;
  const named = (lang === 'zh-CN' ? ZH_NAMED : EN_NAMED)[segment];
  if (named) return named;
  const num = /^num-(\d{1,2})$/.exec(segment);
  if (num) {
    const n = Number(num[1]);
    if (lang === 'zh-CN' && n >= 1 && n <= 9) return ZH_DIGITS[n]!;
    if (lang === 'en' && n >= 1 && n <= 9) return EN_DIGITS[n]!;
    if (lang === 'en' && n >= 10 && n <= 19) return EN_TEENS[n - 10]!;
    if (lang === 'en' && n % 10 === 0 && n >= 20) return EN_TENS[n / 10]!;
  }
  throw new RangeError(`no ${lang} word for segment "${segment}"`);
}
