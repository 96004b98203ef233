/**
 * A counter number is read as a number ("counter twelve", "十二号窗口"), unlike a ticket, because
 * that is how the signs above the counters are read aloud. The rules are listed in README.md.
 */
import type { VoiceLang } from './voice-lang.js';

export const MIN_COUNTER = 1;
export const MAX_COUNTER = 999;

/** zh-CN number words. 零/十/百 are words in their own right, so they get names, not values. */
export const ZH_NUM = {
  digit: (d: number): string => `num-${d}`,
  zero: 'num-ling',
  ten: 'num-shi',
  hundred: 'num-bai',
  // 两 replaces 二 before 百 only: "两百" is what is said aloud; "二十" keeps 二.
  two: 'num-liang',
} as const;

/** en number words: one…nineteen and the tens have their own words; "hundred" and "and" join them. */
export const EN_NUM = {
  word: (n: number): string => `num-${n}`,
  hundred: 'num-hundred',
  and: 'num-and',
} as const;

export function assertCounter(counter: number): number {
  if (typeof counter !== 'number' || !Number.isInteger(counter) || counter < MIN_COUNTER || counter > MAX_COUNTER) {
    throw new RangeError(`counter must be an integer ${MIN_COUNTER}–${MAX_COUNTER}, got ${String(counter)}`);
  }
  return counter;
}

export function readCounter(counter: number, lang: VoiceLang): string[] {
  assertCounter(counter);
  return lang === 'zh-CN' ? readCounterZh(counter) : readCounterEn(counter);
}

/** 5 → 五, 10 → 十, 12 → 十二, 20 → 二十, 105 → 一百零五, 110 → 一百一十, 200 → 两百. */
function readCounterZh(n: number): string[] {
  const hundreds = Math.floor(n / 100);
  const tens = Math.floor((n % 100) / 10);
  const units = n % 10;
  if (hundreds === 0) return zhBelowHundred(tens, units, false);
  const head = [hundreds === 2 ? ZH_NUM.two : ZH_NUM.digit(hundreds), ZH_NUM.hundred];
  if (tens === 0 && units === 0) return head;
  if (tens === 0) return [...head, ZH_NUM.zero, ZH_NUM.digit(units)];
  return [...head, ...zhBelowHundred(tens, units, true)];
}

// Alone, 10–19 drop the 一 (十二); after 百 it is kept (一百一十二), as spoken Mandarin does.
function zhBelowHundred(tens: number, units: number, afterHundred: boolean): string[] {
  const unit = units === 0 ? [] : [ZH_NUM.digit(units)];
  if (tens === 0) return unit;
  const tensWord = tens === 1 && !afterHundred ? [ZH_NUM.ten] : [ZH_NUM.digit(tens), ZH_NUM.ten];
  return [...tensWord, ...unit];
}

/** 12 → twelve, 21 → twenty one, 105 → one hundred and five, 110 → one hundred and ten. */
function readCounterEn(n: number): string[] {
  const hundreds = Math.floor(n / 100);
  const rest = n % 100;
  if (hundreds === 0) return enBelowHundred(rest);
  const head = [EN_NUM.word(hundreds), EN_NUM.hundred];
  return rest === 0 ? head : [...head, EN_NUM.and, ...enBelowHundred(rest)];
}

function enBelowHundred(n: number): string[] {
  if (n < 20) return [EN_NUM.word(n)];
  const units = n % 10;
  const tens = EN_NUM.word(n - units);
  return units === 0 ? [tens] : [tens, EN_NUM.word(units)];
}
