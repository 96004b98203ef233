import { describe, expect, it } from 'vitest';
import { planCall } from './call-plan.js';
import { planText, speakableText } from './text-reading.js';

describe('free text read as calls are read', () => {
  it('plans "请A023号到5号窗口": the ticket digit by digit, the counter as a number, the rest untouched', () => {
    expect(planText('请A023号到5号窗口', 'zh-CN')).toStrictEqual([
      { kind: 'text', text: '请' },
      { kind: 'ticket', written: 'A023', said: ['letter-A', 'digit-0', 'digit-2', 'digit-3'] },
      { kind: 'text', text: '号到' },
      { kind: 'counter', written: '5', said: ['num-5'] },
      { kind: 'text', text: '号窗口' },
    ]);
    expect(speakableText('请A023号到5号窗口', 'zh-CN')).toBe('请 A 零 二 三 号到五号窗口');
  });

  it('plans "Ticket B100, counter 20": "B, one, zero, zero", "counter twenty"', () => {
    expect(planText('Ticket B100, counter 20', 'en')).toStrictEqual([
      { kind: 'text', text: 'Ticket ' },
      { kind: 'ticket', written: 'B100', said: ['letter-B', 'digit-1', 'digit-0', 'digit-0'] },
      { kind: 'text', text: ', counter ' },
      { kind: 'counter', written: '20', said: ['num-20'] },
    ]);
    expect(speakableText('Ticket B100, counter 20', 'en')).toBe('Ticket B, one, zero, zero, counter twenty');
    expect(speakableText('A023', 'en')).toBe('A, zero, two, three');
  });

  it('says exactly the segments a call says for the same ticket and counter', () => {
    for (const [ticket, counter] of [['A023', 5], ['V7', 12], ['B100', 105], ['C0001', 999], ['A1', 200]] as const) {
      const zh = planText(`请${ticket}号到${counter}号窗口`, 'zh-CN').flatMap((p) => (p.kind === 'text' ? [] : p.said));
      expect(zh).toStrictEqual(planCall(ticket, counter, 'zh-CN').filter((s) => /^(letter|digit|num)-/.test(s)));
      const en = planText(`Ticket ${ticket}, please go to counter ${counter}`, 'en').flatMap((p) => (p.kind === 'text' ? [] : p.said));
      expect(en).toStrictEqual(planCall(ticket, counter, 'en').filter((s) => /^(letter|digit|num)-/.test(s)));
    }
    expect(speakableText('请B100号到105号窗口', 'zh-CN')).toBe('请 B 一 零 零 号到一百零五号窗口');
    expect(speakableText('12号柜台暂停服务', 'zh-CN')).toBe('十二号柜台暂停服务');
    expect(speakableText('Please go to window 105.', 'en')).toBe('Please go to window one hundred and five.');
  });

  it('leaves alone what is no ticket or counter: words with digits, long numbers, counter 0, other numbers', () => {
    const same = ['Play the mp3 file', 'COVID19 rules apply', 'Call 10086 for help', 'counter 0 is closed', 'counter 1234', 'encounter 5 times', 'Open until 8 pm'];
    for (const text of same) expect(speakableText(text, 'en')).toBe(text);
    expect(speakableText('请拨打10086', 'zh-CN')).toBe('请拨打10086');
    expect(speakableText('1234号窗口', 'zh-CN')).toBe('1234号窗口');
    expect(speakableText('ABCD123号', 'zh-CN')).toBe('ABCD123号');
    // Next to hanzi a lower-case ticket is still a ticket (caps lock off), read in capitals.
    expect(speakableText('请a7到3号窗口', 'zh-CN')).toBe('请 A 七 到三号窗口');
  });
});

describe('segment words', () => {
  it('are what the shipped packs\' clips say, so free text and calls use the same words', async () => {
    const { readFileSync } = await import('node:fs');
    const { segmentWord } = await import('./segment-words.js');
    for (const lang of ['zh-CN', 'en'] as const) {
      const manifest = JSON.parse(readFileSync(new URL(`../../../../assets/voice/${lang}/manifest.json`, import.meta.url), 'utf8')) as { clips: Record<string, { text: string }> };
      const spoken = Object.entries(manifest.clips).filter(([id]) => /^(letter|digit|num)-/.test(id));
      expect(spoken.length).toBeGreaterThan(30);
      for (const [id, clip] of spoken) expect({ id, word: segmentWord(id, lang) }).toStrictEqual({ id, word: clip.text.replace(/ \(.*\)$/, '') });
    }
  });
});
