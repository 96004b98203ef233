import { describe, expect, it } from 'vitest';
import { readCounter } from './counter-reading.js';

// Segment ids spelled back into words so the expectations read like the spoken numbers.
const ZH_WORDS: Record<string, string> = {
  'num-1': '一', 'num-2': '二', 'num-3': '三', 'num-4': '四', 'num-5': '五', 'num-6': '六', 'num-7': '七',
  'num-8': '八', 'num-9': '九', 'num-shi': '十', 'num-bai': '百', 'num-ling': '零', 'num-liang': '两',
};
const EN_WORDS: Record<string, string> = {
  'num-1': 'one', 'num-2': 'two', 'num-9': 'nine', 'num-10': 'ten', 'num-11': 'eleven', 'num-12': 'twelve',
  'num-20': 'twenty', 'num-90': 'ninety', 'num-hundred': 'hundred', 'num-and': 'and',
};

const zh = (n: number) => readCounter(n, 'zh-CN').map((id) => ZH_WORDS[id] ?? `?${id}`).join('');
const en = (n: number) => readCounter(n, 'en').map((id) => EN_WORDS[id] ?? `?${id}`).join(' ');

describe('counter numbers in zh-CN', () => {
  it.each([
    [1, '一'], [2, '二'], [10, '十'], [11, '十一'], [12, '十二'], [20, '二十'], [21, '二十一'], [99, '九十九'],
    [100, '一百'], [101, '一百零一'], [110, '一百一十'], [111, '一百一十一'], [200, '两百'], [999, '九百九十九'],
    [220, '两百二十'], [902, '九百零二'],
  ])('%i is read %s', (n, words) => {
    expect(zh(n)).toBe(words);
  });
});

describe('counter numbers in en', () => {
  it.each([
    [1, 'one'], [2, 'two'], [10, 'ten'], [11, 'eleven'], [12, 'twelve'], [20, 'twenty'], [21, 'twenty one'],
    [99, 'ninety nine'], [100, 'one hundred'], [101, 'one hundred and one'], [110, 'one hundred and ten'],
    [111, 'one hundred and eleven'], [200, 'two hundred'], [999, 'nine hundred and ninety nine'],
  ])('%i is read %s', (n, words) => {
    expect(en(n)).toBe(words);
  });
});
