/**
 * The bundled engine: espeak-ng compiled to WebAssembly (npm `@echogarden/espeak-ng-emscripten`).
 * Unlike the Debian espeak-ng 1.51, whose `cmn` voice reads hanzi as English pinyin, this build
 * reads Mandarin correctly, so it works offline on any player with no system packages.
 */
import type { EspeakModule, EspeakWorker } from '@echogarden/espeak-ng-emscripten';
import type { SpeechEngine } from './speech-engine.js';
import { checkSpeechRequest } from './speech-request.js';
import { encodeWav } from './wav.js';

/** Hall voice → espeak-ng voice identifier. `en-gb` is only a language alias of `gmw/en`:
 *  `set_voice('en-gb')` fails with code 2, so the identifier is used. */
export const ESPEAK_VOICES: Readonly<Record<string, string>> = {
  'zh-CN': 'sit/cmn',
  en: 'gmw/en',
};

/** espeak-ng's default speed; rate 1 maps to it. */
const NORMAL_WPM = 175;

export interface EspeakWasmEngine extends SpeechEngine {
  /** espeak's phoneme dump of `text`, to check a voice reads a script as intended (diagnostics). */
  phonemes(text: string, voice: string): Promise<string>;
}

export function createEspeakWasmEngine(): EspeakWasmEngine {
  const voices = Object.keys(ESPEAK_VOICES);
  // Loading reads the 24 MB voice data once; later calls reuse the same worker.
  let worker: Promise<EspeakWorker> | null = null;
  const load = () =>
    (worker ??= import('@echogarden/espeak-ng-emscripten').then(async ({ default: createModule }) => {
      const module: EspeakModule = await createModule();
      return new module.eSpeakNGWorker();
    }));

  const useVoice = (w: EspeakWorker, voice: string) => {
    const id = ESPEAK_VOICES[voice]!;
    // A failed set_voice keeps the previous voice silently, which would read Chinese as English.
    const code = w.set_voice(id);
    if (code !== 0) throw new Error(`espeak-ng could not select voice ${id} (code ${code})`);
  };

  return {
    id: 'espeak-ng-wasm',
    voices,
    async synthesize(text, voice, rate) {
      const spoken = checkSpeechRequest(text, voice, voices, rate);
      const w = await load();
      useVoice(w, voice);
      w.set_rate(Math.round(NORMAL_WPM * rate));
      const chunks: Int16Array[] = [];
      // Returning true would abort synthesis after the first chunk.
      w.synthesize(spoken, (samples) => {
        chunks.push(samples);
        return false;
      });
      const total = chunks.reduce((n, c) => n + c.length, 0);
      if (total === 0) throw new Error(`espeak-ng produced no audio for voice ${voice}`);
      const samples = new Int16Array(total);
      let at = 0;
      for (const c of chunks) {
        samples.set(c, at);
        at += c.length;
      }
      return encodeWav(samples, w.get_samplerate());
    },
    async phonemes(text, voice) {
      const spoken = checkSpeechRequest(text, voice, voices, 1);
      const w = await load();
      useVoice(w, voice);
      const { code, ipa } = w.synthesize_ipa(spoken);
      if (code !== 0) throw new Error(`espeak-ng phoneme dump failed (code ${code})`);
      return ipa.trim();
    },
  };
}
