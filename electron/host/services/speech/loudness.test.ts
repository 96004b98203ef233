import { describe, expect, it } from 'vitest';
import { createEspeakWasmEngine } from './espeak-wasm-engine.js';
import { measureLevels, normaliseLoudness, normaliseWav } from './loudness.js';
import { wavStats } from './tts.test-support.js';
import { encodeWav, readWavInfo } from './wav.js';

const RATE = 22_050;
const samplesOf = (wav: Buffer): Int16Array => {
  const info = readWavInfo(wav)!;
  return Int16Array.from({ length: info.dataBytes / 2 }, (_, i) => wav.readInt16LE(info.dataOffset + i * 2));
};
/** A 200 Hz tone at `amplitude` (0–1) for `seconds`, with silence either side. */
const tone = (amplitude: number, seconds: number, pad = 0.2): Int16Array => {
  const body = Math.round(seconds * RATE);
  const edge = Math.round(pad * RATE);
  return Int16Array.from({ length: body + 2 * edge }, (_, i) => (i < edge || i >= edge + body ? 0 : Math.round(amplitude * 32767 * Math.sin((2 * Math.PI * 200 * i) / RATE))));
};

describe('loudness', () => {
  it('measures RMS over the audible span only, as the voice-pack script does after trimming the edges', () => {
    // A full-scale sine is −3.01 dBFS RMS, with or without silence around it.
    expect(measureLevels(tone(1, 1)).rmsDb).toBeCloseTo(-3.01, 1);
    expect(measureLevels(tone(1, 1, 0)).rmsDb).toBeCloseTo(-3.01, 1);
    expect(measureLevels(tone(0.1, 1)).peakDb).toBeCloseTo(-20, 1);
    expect(measureLevels(new Int16Array(100)).rmsDb).toBe(-Infinity);
  });

  it('brings a quiet phrase up and a loud one down to −20 dBFS RMS', () => {
    for (const amplitude of [0.02, 0.9]) {
      const out = measureLevels(normaliseLoudness(tone(amplitude, 1), RATE));
      expect(out.rmsDb).toBeCloseTo(-20, 1);
      expect(out.peakDb).toBeLessThanOrEqual(-1);
    }
  });

  it('keeps the peaks at or under −1 dBFS where gain alone would push them over, and still reaches the RMS', () => {
    // Quiet speech-like tone with clicks 30 dB above it: the crest factor is far over 19 dB.
    const spiky = tone(0.03, 2);
    for (let i = 5_000; i < spiky.length - 5_000; i += 4_000) spiky[i] = 30_000;
    const out = measureLevels(normaliseLoudness(spiky, RATE));
    expect(out.peakDb).toBeLessThanOrEqual(-1);
    expect(Math.abs(out.rmsDb - -20)).toBeLessThan(0.2);
  });

  it('leaves silence silent and any WAV but mono 16-bit as it came', () => {
    expect(normaliseLoudness(new Int16Array(500).fill(3), RATE)).toStrictEqual(new Int16Array(500).fill(3));
    const stereo = Buffer.from(encodeWav(tone(0.5, 0.1), RATE));
    stereo.writeUInt16LE(2, 22);
    expect(normaliseWav(stereo)).toBe(stereo);
  });

  it('brings a phrase really rendered by espeak-ng to −20 ± 1 dBFS RMS with peaks ≤ −1 dBFS', async () => {
    const engine = createEspeakWasmEngine();
    try {
      for (const [text, voice] of [['请A023号到5号窗口，请保管好您的随身物品。', 'zh-CN'], ['Ticket B100, please go to counter 20.', 'en']] as const) {
        const raw = await engine.synthesize(text, voice, 1);
        const before = measureLevels(samplesOf(raw));
        const wav = normaliseWav(raw);
        const after = measureLevels(samplesOf(wav));
        // Whole-file RMS too, edges and all, with the shared test helper: the same answer within 1 dB.
        const whole = 20 * Math.log10(wavStats(wav).rms);
        console.log(`[loudness] ${voice} espeak-ng: ${before.rmsDb.toFixed(2)} dBFS RMS, peak ${before.peakDb.toFixed(2)} → ${after.rmsDb.toFixed(2)} (whole file ${whole.toFixed(2)}), peak ${after.peakDb.toFixed(2)}`);
        expect(Math.abs(after.rmsDb - -20)).toBeLessThanOrEqual(1);
        expect(Math.abs(whole - -20)).toBeLessThanOrEqual(1);
        expect(after.peakDb).toBeLessThanOrEqual(-1);
        expect(readWavInfo(wav)!.durationSec).toBeCloseTo(readWavInfo(raw)!.durationSec, 6);
      }
    } finally {
      await engine.close();
    }
  }, 30_000);
});
