import { describe, expect, it } from 'vitest';
import type { AnnouncementsFile } from '../../../contract/hall-config.js';
import { parseAnnounceRequest } from './announce-request.js';

const hall: AnnouncementsFile = {
  languages: ['zh-CN', 'en'],
  calls: { maxAgeSeconds: 45 },
  templates: {
    closing: { 'zh-CN': '本营业厅将于{minutes}分钟后结束营业', en: 'The hall closes in {minutes} minutes' },
  },
};

describe('parseAnnounceRequest', () => {
  it('reads bilingual text in the hall\'s order as a PA message by default', () => {
    expect(parseAnnounceRequest({ text: { en: 'Hello', 'zh-CN': '您好' } }, hall)).toStrictEqual({
      what: 'text',
      texts: [
        { lang: 'zh-CN', text: '您好' },
        { lang: 'en', text: 'Hello' },
      ],
      kind: 'pa',
      repeat: 1,
      expiresInMs: 300_000,
      chime: true,
      languages: ['zh-CN', 'en'],
    });
  });

  it('reads one string in one language, zh-CN unless told', () => {
    expect(parseAnnounceRequest({ text: ' 请注意 ' }, null)).toMatchObject({ texts: [{ lang: 'zh-CN', text: '请注意' }] });
    expect(parseAnnounceRequest({ text: 'Attention', languages: ['en'], priority: 'emergency', repeat: 3, chime: false }, null)).toMatchObject({
      texts: [{ lang: 'en', text: 'Attention' }],
      kind: 'emergency',
      repeat: 3,
      expiresInMs: 600_000,
      chime: false,
    });
  });

  it('gives an emergency a 10-minute expiry unless told, and a key of its words, so the same alarm again merges', () => {
    const one = parseAnnounceRequest({ text: { 'zh-CN': '请立即疏散', en: 'Please leave the hall now' }, priority: 'emergency' }, hall);
    const again = parseAnnounceRequest({ text: { 'zh-CN': ' 请立即疏散', en: 'Please  leave the hall now ' }, priority: 'emergency', expiresInSeconds: 60 }, hall);
    const other = parseAnnounceRequest({ text: { 'zh-CN': '请立即疏散', en: 'Please leave the hall' }, priority: 'emergency' }, hall);
    expect(one).toMatchObject({ kind: 'emergency', expiresInMs: 600_000 });
    expect(again).toMatchObject({ expiresInMs: 60_000 });
    expect(one.key).toMatch(/^emergency:[0-9a-f]{16}$/);
    expect(again.key).toBe(one.key);
    expect(other.key).not.toBe(one.key);
    // Only emergencies merge by text: two PA messages with the same words are two requests.
    expect(parseAnnounceRequest({ text: '请注意' }, hall).key).toBeUndefined();
  });

  it('takes the call template with its variables, the counter as a number or digits', () => {
    expect(parseAnnounceRequest({ template: 'call', vars: { ticket: 'a023', counter: '5' }, priority: 'call', expiresInSeconds: 20 }, hall)).toStrictEqual({
      what: 'call',
      ticket: 'A023',
      counter: 5,
      kind: 'call',
      repeat: 1,
      expiresInMs: 20_000,
      chime: true,
      languages: ['zh-CN', 'en'],
    });
  });

  it('fills a hall template in every language', () => {
    expect(parseAnnounceRequest({ template: 'closing', vars: { minutes: 15 } }, hall)).toMatchObject({
      texts: [
        { lang: 'zh-CN', text: '本营业厅将于15分钟后结束营业' },
        { lang: 'en', text: 'The hall closes in 15 minutes' },
      ],
    });
  });

  it.each([
    [null, /send a JSON object/],
    [{ text: 'x', template: 'call' }, /either "text" or "template"/],
    [{}, /either "text" or "template"/],
    [{ text: 'x', volume: 11 }, /unknown field "volume": the fields are/],
    [{ template: 'call', vars: { ticket: 'A-0/23', counter: 5 } }, /"A-0\/23" is not 1–3 letters followed by 1–4 digits/],
    [{ template: 'call', vars: { ticket: 'A'.repeat(40), counter: 5 } }, /ticket must be 2–7 characters, got 40/],
    [{ template: 'call', vars: { ticket: 'A023', counter: -1 } }, /counter must be an integer 1–999, got -1/],
    [{ template: 'call', vars: { ticket: 'A023', counter: 5, room: 2 } }, /unknown variable "room" for template "call" \(it takes: ticket, counter\)/],
    [{ template: 'call', vars: { ticket: 'A023' } }, /missing variable "counter"/],
    [{ template: 'closing', vars: { mins: 15 } }, /template "closing": .*"mins"/],
    [{ template: 'lost-child' }, /unknown template "lost-child"; available: call, closing/],
    [{ text: 'Bonjour', languages: ['fr'] }, /no voice pack for language "fr"; available: zh-CN, en/],
    [{ text: { 'zh-CN': '您好', yue: '你好' } }, /"text" has language "yue", which has no voice/],
    [{ text: { 'zh-CN': '您好' }, languages: ['zh-CN', 'en'] }, /"text" has no "en" text, but "languages" asks for it/],
    [{ text: '您好', languages: ['zh-CN', 'en'] }, /"text" is one string, so it is read in one language/],
    [{ text: '字'.repeat(10_000) }, /"text" is 10000 characters; the limit is 500/],
    [{ text: '   ' }, /"text" is empty/],
    [{ text: 'x', priority: 'urgent' }, /"priority" must be one of emergency, pa, call, care/],
    [{ text: 'x', repeat: 6 }, /"repeat" must be an integer 1–5, got 6/],
    [{ text: 'x', expiresInSeconds: 0 }, /"expiresInSeconds" must be a number of seconds/],
    [{ text: 'x', chime: 'yes' }, /"chime" must be true or false/],
  ])('refuses %j', (body, message) => {
    expect(() => parseAnnounceRequest(body, hall)).toThrow(message);
  });
});
