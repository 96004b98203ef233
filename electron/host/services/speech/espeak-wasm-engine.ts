/**
 * The bundled engine: espeak-ng compiled to WebAssembly (npm `@echogarden/espeak-ng-emscripten`).
 * Unlike the Debian espeak-ng 1.51, whose `cmn` voice reads hanzi as English pinyin, this build
 * reads Mandarin correctly, so it works offline on any player with no system packages. It runs in
 * a worker thread (espeak-worker.mjs): its synchronous synthesis and its 750 ms first load never
 * hold up the host, and a crash inside it costs one request, not the player.
 */
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { SpeechEngine } from './speech-engine.js';
import { checkSpeechRequest } from '../../domain/speech-plans/speech-request.js';
import { encodeWav } from './wav.js';
import { unpackedPath } from './unpacked-path.js';

/** Hall voice → espeak-ng voice identifier. `en-gb` is only a language alias of `gmw/en`:
 *  `set_voice('en-gb')` fails with code 2, so the identifier is used. */
export const ESPEAK_VOICES: Readonly<Record<string, string>> = {
  'zh-CN': 'sit/cmn',
  en: 'gmw/en',
};

/** espeak-ng's default speed; rate 1 maps to it. */
const NORMAL_WPM = 175;
/** A sentence takes well under a second; the first load ~750 ms. Beyond this the thread is stuck. */
const JOB_TIMEOUT_MS = 20_000;

export interface EspeakWasmEngine extends SpeechEngine {
  /** espeak's phoneme dump of `text`, to check a voice reads a script as intended (diagnostics). */
  phonemes(text: string, voice: string): Promise<string>;
  /** Ends the worker thread (it is started again on the next request). */
  close(): Promise<void>;
}

type Reply = { id: number; error?: string; ipa?: string; samples?: Int16Array; sampleRate?: number };

export function createEspeakWasmEngine(): EspeakWasmEngine {
  const voices = Object.keys(ESPEAK_VOICES);
  let worker: Worker | null = null;
  let nextId = 0;
  const pending = new Map<number, { resolve: (r: Reply) => void; reject: (e: Error) => void; timer: NodeJS.Timeout }>();

  const failAll = (error: Error): void => {
    for (const p of pending.values()) {
      clearTimeout(p.timer);
      p.reject(error);
    }
    pending.clear();
  };

  const thread = (): Worker => {
    if (worker) return worker;
    // Beside this module in the source tree, beside the bundle in dist/ (scripts/build.mjs copies it),
    // and in a packed Electron app beside app.asar, where it and espeak-ng's data are real files.
    const w = new Worker(unpackedPath(fileURLToPath(new URL('./espeak-worker.mjs', import.meta.url))));
    w.on('message', (reply: Reply) => {
      const p = pending.get(reply.id);
      if (!p) return;
      pending.delete(reply.id);
      clearTimeout(p.timer);
      if (reply.error) p.reject(new Error(reply.error));
      else p.resolve(reply);
    });
    w.on('error', (error) => failAll(new Error(`espeak-ng thread failed: ${error.message}`, { cause: error })));
    w.on('exit', (code) => {
      if (worker === w) worker = null;
      failAll(new Error(`espeak-ng thread exited (code ${code})`));
    });
    // After the listeners: adding a 'message' listener refs the thread's port again, and an idle
    // speech thread must not keep `hallcast serve` from exiting (measured: SIGTERM hung on it).
    w.unref();
    worker = w;
    return w;
  };

  const run = (job: Record<string, unknown>): Promise<Reply> =>
    new Promise((resolve, reject) => {
      const id = ++nextId;
      const timer = setTimeout(() => {
        pending.delete(id);
        reject(new Error(`espeak-ng did not answer within ${JOB_TIMEOUT_MS / 1000} s; its thread is restarted`));
        void worker?.terminate();
      }, JOB_TIMEOUT_MS);
      pending.set(id, { resolve, reject, timer });
      thread().postMessage({ ...job, id });
    });

  return {
    id: 'espeak-ng-wasm',
    voices,
    async synthesize(text, voice, rate) {
      const spoken = checkSpeechRequest(text, voice, voices, rate);
      const reply = await run({ op: 'synthesize', text: spoken, voice: ESPEAK_VOICES[voice], wordsPerMinute: Math.round(NORMAL_WPM * rate) });
      if (!reply.samples || reply.samples.length === 0) throw new Error(`espeak-ng produced no audio for voice ${voice}`);
      return encodeWav(reply.samples, reply.sampleRate!);
    },
    async phonemes(text, voice) {
      const spoken = checkSpeechRequest(text, voice, voices, 1);
      return (await run({ op: 'phonemes', text: spoken, voice: ESPEAK_VOICES[voice] })).ipa!;
    },
    async close() {
      const w = worker;
      worker = null;
      await w?.terminate();
    },
  };
}
