import { describe, expect, it } from 'vitest';
import { voicePackUrls } from './voice-warmup.js';

describe('voicePackUrls', () => {
  it('builds the URLs the host sends for a pack, file names encoded', () => {
    const manifest = { lang: 'zh-CN', clips: { chime: { file: 'chime.ogg', durationMs: 1607 }, qing: { file: 'my qing.ogg', durationMs: 471 } } };
    expect(voicePackUrls('zh-CN', manifest)).toEqual(['/media/voice/zh-CN/chime.ogg', '/media/voice/zh-CN/my%20qing.ogg']);
  });

  it('gives nothing for a manifest it cannot read', () => {
    expect(voicePackUrls('en', null)).toEqual([]);
    expect(voicePackUrls('en', { clips: 'x' })).toEqual([]);
    expect(voicePackUrls('en', { clips: { a: { file: 3 } } })).toEqual([]);
  });
});
