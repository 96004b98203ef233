/** Helpers shared by the tts tests: read a WAV's samples and measure them. */
import { readWavInfo, type WavInfo } from './wav.js';

export function wavStats(wav: Buffer): WavInfo & { rms: number } {
  const info = readWavInfo(wav);
  if (!info) throw new Error('not a PCM WAV');
  let sum = 0;
  const n = info.dataBytes / 2;
  for (let i = 0; i < n; i++) {
    const s = wav.readInt16LE(info.dataOffset + i * 2) / 32768;
    sum += s * s;
  }
  return { ...info, rms: Math.sqrt(sum / Math.max(n, 1)) };
}
