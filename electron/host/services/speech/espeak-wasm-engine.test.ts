import { beforeAll, describe, expect, it } from 'vitest';
import { createEspeakWasmEngine } from './espeak-wasm-engine.js';
import { wavStats } from './tts.test-support.js';

const ZH = '请保管好您的随身物品';
const EN = 'Please keep your belongings with you';

describe('espeak-ng WebAssembly engine', () => {
  // One engine for the file: loading the module and its 24 MB of voice data is the slow part.
  const engine = createEspeakWasmEngine();
  beforeAll(async () => {
    await engine.synthesize('你好', 'zh-CN', 1);
  });

  it('reads Chinese as Mandarin, not as English letters', async () => {
    const ipa = await engine.phonemes(ZH, 'zh-CN');
    expect(ipa).not.toContain('(en)');
    // 请 → tɕh…iɜ…ŋ, 品 → ph…i…n: Mandarin initials with tone numbers.
    expect(ipa).toMatch(/^tɕh_ˈiɜ_ŋ/);
    expect(ipa).toMatch(/ph_ˈi2_n/);
  });

  it('reads English with the English voice, not through the Mandarin one', async () => {
    const ipa = await engine.phonemes(EN, 'en');
    expect(ipa).not.toMatch(/\((en|cmn)\)/);
    expect(ipa).toContain('b_ɪ_l_ˈɒ_ŋ');
  });

  it.each([
    ['zh-CN', ZH],
    ['en', EN],
  ])('synthesises %s to a valid, audible WAV', async (voice, text) => {
    const stats = wavStats(await engine.synthesize(text, voice, 1));
    expect(stats).toMatchObject({ channels: 1, bitsPerSample: 16, sampleRate: 22050 });
    expect(stats.durationSec).toBeGreaterThan(1);
    expect(stats.durationSec).toBeLessThan(6);
    expect(stats.rms).toBeGreaterThan(0.02);
  });

  it('speaks faster at a higher rate', async () => {
    const normal = wavStats(await engine.synthesize(EN, 'en', 1)).durationSec;
    const fast = wavStats(await engine.synthesize(EN, 'en', 1.5)).durationSec;
    expect(fast).toBeLessThan(normal * 0.85);
  });

  it('refuses empty, oversized, unknown-voice and out-of-range-rate requests', async () => {
    await expect(engine.synthesize('   ', 'zh-CN', 1)).rejects.toThrow('speech text is empty');
    await expect(engine.synthesize('请'.repeat(10_000), 'zh-CN', 1)).rejects.toThrow(
      'speech text is 10000 characters; the limit is 500',
    );
    await expect(engine.synthesize(EN, 'yue', 1)).rejects.toThrow('unknown voice "yue"; available: zh-CN, en');
    await expect(engine.synthesize(EN, 'en', 5)).rejects.toThrow('outside 0.5–2');
  });

  it('accepts exactly 500 characters', async () => {
    const wav = await engine.synthesize('好'.repeat(500), 'zh-CN', 2);
    expect(wavStats(wav).durationSec).toBeGreaterThan(10);
  });
});
