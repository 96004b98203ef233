import { describe, expect, it } from 'vitest';
import { planCall, requiredSegments } from './call-plan.js';

describe('planCall zh-CN', () => {
  const plan = (ticket: string, counter: number) => planCall(ticket, counter, 'zh-CN');
  const call = (ticket: string[], counter: string[]) => ['chime', 'qing', ...ticket, 'hao', 'dao', ...counter, 'hao-chuangkou'];

  it('reads A023 at counter 5: ticket digit by digit, counter as a number', () => {
    expect(plan('A023', 5)).toEqual(call(['letter-A', 'digit-0', 'digit-2', 'digit-3'], ['num-5']));
  });
  it('reads V7 at counter 12 as 十二', () => {
    expect(plan('V7', 12)).toEqual(call(['letter-V', 'digit-7'], ['num-shi', 'num-2']));
  });
  it('reads B100 at counter 105 as 一百零五, keeping the ticket zeros as digits', () => {
    expect(plan('B100', 105)).toEqual(
      call(['letter-B', 'digit-1', 'digit-0', 'digit-0'], ['num-1', 'num-bai', 'num-ling', 'num-5']),
    );
  });
  it('reads A0001 at counter 999 as 九百九十九', () => {
    expect(plan('A0001', 999)).toEqual(
      call(['letter-A', 'digit-0', 'digit-0', 'digit-0', 'digit-1'], ['num-9', 'num-bai', 'num-9', 'num-shi', 'num-9']),
    );
  });
});

describe('planCall en', () => {
  const plan = (ticket: string, counter: number) => planCall(ticket, counter, 'en');
  const call = (ticket: string[], counter: string[]) => ['chime', 'ticket', ...ticket, 'please-go-to-counter', ...counter];

  it('reads A023 at counter 5', () => {
    expect(plan('A023', 5)).toEqual(call(['letter-A', 'digit-0', 'digit-2', 'digit-3'], ['num-5']));
  });
  it('reads V7 at counter 12 as twelve', () => {
    expect(plan('V7', 12)).toEqual(call(['letter-V', 'digit-7'], ['num-12']));
  });
  it('reads B100 at counter 105 as one hundred and five', () => {
    expect(plan('B100', 105)).toEqual(
      call(['letter-B', 'digit-1', 'digit-0', 'digit-0'], ['num-1', 'num-hundred', 'num-and', 'num-5']),
    );
  });
  it('reads A0001 at counter 999 as nine hundred and ninety nine', () => {
    expect(plan('A0001', 999)).toEqual(
      call(['letter-A', 'digit-0', 'digit-0', 'digit-0', 'digit-1'], ['num-9', 'num-hundred', 'num-and', 'num-90', 'num-9']),
    );
  });
});

describe('planCall input checks', () => {
  it('accepts lower-case letters and the widest ticket format', () => {
    expect(planCall('abc1234', 1, 'en').slice(2, 5)).toEqual(['letter-A', 'letter-B', 'letter-C']);
  });

  it.each([
    ['A-0/23', /not 1–3 letters followed by 1–4 digits/],
    ['X'.repeat(40), /2–7 characters, got 40/],
    ['', /2–7 characters, got 0/],
    ['023', /not 1–3 letters/],
    ['A', /2–7 characters/],
    ['ABCD1', /not 1–3 letters/],
    ['A12345', /not 1–3 letters/],
    ['A 23', /not 1–3 letters/],
    ['A٢٣', /not 1–3 letters/], // Arabic-Indic digits are not ticket digits
    ['ı23', /not 1–3 letters/], // dotless i upper-cases to "I"; it must not sneak through
  ])('refuses ticket %j', (ticket, message) => {
    expect(() => planCall(ticket, 1, 'zh-CN')).toThrow(message);
  });

  it('refuses a ticket that is not a string', () => {
    expect(() => planCall(23 as unknown as string, 1, 'en')).toThrow(/must be a string/);
  });

  it.each([0, 1000, -1, 1.5, Number.NaN, Number.POSITIVE_INFINITY])('refuses counter %s', (counter) => {
    expect(() => planCall('A1', counter, 'en')).toThrow(/counter must be an integer 1–999/);
  });

  it('refuses a counter given as a string', () => {
    expect(() => planCall('A1', '5' as unknown as number, 'en')).toThrow(/counter must be an integer/);
  });

  it.each(['fr', 'zh', 'EN', ''])('refuses language %j, naming the packs there are', (lang) => {
    expect(() => planCall('A1', 1, lang)).toThrow('available: zh-CN, en');
  });
});

describe('requiredSegments', () => {
  it('covers every segment of every plan (spot check against planCall)', () => {
    for (const lang of ['zh-CN', 'en']) {
      const required = new Set(requiredSegments(lang));
      for (const counter of [1, 7, 10, 19, 20, 99, 100, 105, 110, 200, 999]) {
        for (const id of planCall('XYZ0189', counter, lang)) expect(required, `${lang} ${id}`).toContain(id);
      }
    }
  });

  it('lists exactly the zh-CN number words 一…九, 十, 百, 零, 两', () => {
    const numbers = requiredSegments('zh-CN').filter((id) => id.startsWith('num-'));
    expect(numbers).toEqual(
      ['num-1', 'num-2', 'num-3', 'num-4', 'num-5', 'num-6', 'num-7', 'num-8', 'num-9', 'num-bai', 'num-liang', 'num-ling', 'num-shi'].sort(),
    );
  });

  it('lists the en number words one…nineteen, the tens, hundred and "and"', () => {
    const numbers = requiredSegments('en').filter((id) => id.startsWith('num-'));
    expect(numbers).toHaveLength(19 + 8 + 2);
  });

  it('refuses an unknown language', () => {
    expect(() => requiredSegments('de')).toThrow('available: zh-CN, en');
  });
});
