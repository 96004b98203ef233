import { describe, expect, it } from 'vitest';
import { fakePacks, urlsOf } from './desk.test-support.js';
import { callLine, composeCall, composeText, spokenDurationMs } from './spoken.js';

describe('composeCall', () => {
  it('reads a call in zh-CN then English with one chime at the start', () => {
    const s = composeCall('a023', 12, ['zh-CN', 'en'], true, fakePacks());
    expect(urlsOf(s.clips)).toStrictEqual([
      'zh-CN/chime',
      ...['qing', 'letter-A', 'digit-0', 'digit-2', 'digit-3', 'hao', 'dao', 'num-shi', 'num-2', 'hao-chuangkou'].map((x) => `zh-CN/${x}`),
      ...['ticket', 'letter-A', 'digit-0', 'digit-2', 'digit-3', 'please-go-to-counter', 'num-12'].map((x) => `en/${x}`),
    ]);
    expect(s.leadIn).toBe(1);
    expect(s.lines).toStrictEqual([
      { lang: 'zh-CN', text: '请 A023 号到 12 号窗口' },
      { lang: 'en', text: 'Ticket A023, please go to counter 12' },
    ]);
    expect(spokenDurationMs(s)).toBe(1600 + 17 * 400);
  });

  it('leaves the chime out when the hall turns it off', () => {
    const s = composeCall('B7', 3, ['en'], false, fakePacks());
    expect(urlsOf(s.clips)).toStrictEqual(['en/ticket', 'en/letter-B', 'en/digit-7', 'en/please-go-to-counter', 'en/num-3']);
    expect(s.leadIn).toBe(0);
  });

  it.each([
    ['A-0/23', 5, /not 1–3 letters followed by 1–4 digits/],
    ['A0230000000000000000000000000000000000000', 5, /2–7 characters, got 41/],
    ['A023', -1, /counter must be an integer 1–999, got -1/],
  ])('refuses ticket %s at counter %s', (ticket, counter, message) => {
    expect(() => composeCall(ticket, counter, ['zh-CN'], true, fakePacks())).toThrow(message);
  });

  it('names the language and clip a pack lacks', () => {
    expect(() => composeCall('A1', 1, ['en'], true, fakePacks(['zh-CN']))).toThrow('the en voice pack has no clip "ticket"');
  });
});

describe('composeText', () => {
  it('puts the first language pack\'s chime before the renderings', () => {
    const s = composeText(
      [
        { lang: 'zh-CN', text: '请保管好您的随身物品', clip: { url: '/speech/zh.wav', durationMs: 2700 } },
        { lang: 'en', text: 'Please keep your belongings with you', clip: { url: '/speech/en.wav', durationMs: 1900 } },
      ],
      true,
      fakePacks(),
    );
    expect(s.clips.map((c) => c.url)).toStrictEqual(['/media/voice/zh-CN/chime.ogg', '/speech/zh.wav', '/speech/en.wav']);
    expect(s.lines.map((l) => l.lang)).toStrictEqual(['zh-CN', 'en']);
  });
});

describe('callLine', () => {
  it('is what the clips say', () => {
    expect(callLine('v005', 6, 'zh-CN')).toBe('请 V005 号到 6 号窗口');
  });
});
