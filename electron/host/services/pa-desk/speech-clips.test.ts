import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createEspeakWasmEngine } from '../speech/espeak-wasm-engine.js';
import { measureLevels } from '../speech/loudness.js';
import { encodeWav, readWavInfo } from '../speech/wav.js';
import { createSpeechClips, type SpeechClips } from './speech-clips.js';

const samplesOf = (wav: Buffer): Int16Array => {
  const info = readWavInfo(wav)!;
  return Int16Array.from({ length: info.dataBytes / 2 }, (_, i) => wav.readInt16LE(info.dataOffset + i * 2));
};

describe('speech clips: free text as the engines receive it', () => {
  const dirs: string[] = [];
  const clips: SpeechClips[] = [];
  const tmp = (): string => {
    const dir = mkdtempSync(path.join(tmpdir(), 'speech-clips-'));
    dirs.push(dir);
    return dir;
  };
  afterEach(() => {
    for (const c of clips.splice(0)) c.close();
    for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
  });

  it('once closed (the player stopping) renders nothing more: no engine is started again', async () => {
    const dir = tmp();
    const heard = path.join(dir, 'heard');
    const speech = createSpeechClips(path.join(dir, 'speech'));
    clips.push(speech);
    // A command engine that would leave a mark if it ran.
    speech.configure({ engine: 'command', id: 'test', voices: { 'zh-CN': ['sh', '-c', `touch "${heard}"; exit 1`, '{out}'] } });
    speech.close();
    await expect(speech.speak('请保管好您的随身物品', 'zh-CN')).rejects.toThrow('speech is closed: the player is stopping');
    expect(existsSync(heard)).toBe(false);
  });

  it('gives a hall\'s command engine the ticket and counter written out as a call reads them', async () => {
    const dir = tmp();
    const fixture = path.join(dir, 'fixture.wav');
    const tone = Int16Array.from({ length: 2205 }, (_, i) => Math.round(8000 * Math.sin(i / 5)));
    writeFileSync(fixture, encodeWav(tone, 22_050));
    const heard = path.join(dir, 'heard');
    const speech = createSpeechClips(path.join(dir, 'speech'));
    clips.push(speech);
    const command = (lang: string) => ['sh', '-c', `cat > "${heard}-${lang}.txt" && cp "${fixture}" "$0"`, '{out}'];
    speech.configure({ engine: 'command', id: 'test', voices: { 'zh-CN': command('zh-CN'), en: command('en') } });
    await speech.speak('请A023号到5号窗口', 'zh-CN');
    await speech.speak('Ticket B100, counter 20', 'en');
    expect(readFileSync(`${heard}-zh-CN.txt`, 'utf8')).toBe('请 A 零 二 三 号到五号窗口');
    expect(readFileSync(`${heard}-en.txt`, 'utf8')).toBe('Ticket B, one, zero, zero, counter twenty');
  });

  it('has espeak-ng say "A 零 二 三" (not 零二十三), at the packs\' loudness', async () => {
    const dir = tmp();
    const speech = createSpeechClips(dir);
    clips.push(speech);
    const engine = createEspeakWasmEngine();
    try {
      const clip = await speech.speak('请A023号到5号窗口', 'zh-CN');
      const wav = readFileSync(path.join(dir, path.basename(clip.url)));
      // What was synthesised is what espeak makes of the written-out text (the same samples, up to the gain).
      const direct = samplesOf(await engine.synthesize('请 A 零 二 三 号到五号窗口', 'zh-CN', 1));
      expect(samplesOf(wav).length).toBe(direct.length);
      // And that text is read digit by digit: 零 二 三, with no 十 (s._i.ɜ) in it.
      const phonemes = await engine.phonemes('请 A 零 二 三 号到五号窗口', 'zh-CN');
      expect(phonemes).toMatch(/l_ˈiɜ_ŋ_ ˈər5_ s_ˈa5_n_/);
      expect(phonemes).not.toMatch(/s\._i/);
      expect(await engine.phonemes('请A023号到5号窗口', 'zh-CN')).toMatch(/ər5_s\._i/); // espeak alone: 二十
      const levels = measureLevels(samplesOf(wav));
      expect(Math.abs(levels.rmsDb - -20)).toBeLessThanOrEqual(1);
      expect(levels.peakDb).toBeLessThanOrEqual(-1);
    } finally {
      await engine.close();
    }
  }, 30_000);
});
