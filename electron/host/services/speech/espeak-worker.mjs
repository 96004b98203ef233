// The bundled espeak-ng engine's thread (worker_threads), plain JavaScript so it runs unbuilt from
// the source tree and beside the bundles in dist/. Synthesis is synchronous WebAssembly: here it
// never blocks the host's event loop, and an abort inside the module ends this thread, not the host.
import { parentPort } from 'node:worker_threads';
import createModule from '@echogarden/espeak-ng-emscripten';

let espeak = null;

function useVoice(w, id) {
  // A failed set_voice keeps the previous voice silently, which would read Chinese as English.
  const code = w.set_voice(id);
  if (code !== 0) throw new Error(`espeak-ng could not select voice ${id} (code ${code})`);
}

parentPort.on('message', async (job) => {
  try {
    espeak ??= new (await createModule()).eSpeakNGWorker();
    useVoice(espeak, job.voice);
    if (job.op === 'phonemes') {
      const { code, ipa } = espeak.synthesize_ipa(job.text);
      if (code !== 0) throw new Error(`espeak-ng phoneme dump failed (code ${code})`);
      parentPort.postMessage({ id: job.id, ipa: ipa.trim() });
      return;
    }
    espeak.set_rate(job.wordsPerMinute);
    const chunks = [];
    // Returning true would abort synthesis after the first chunk.
    espeak.synthesize(job.text, (samples) => {
      chunks.push(samples.slice());
      return false;
    });
    const total = chunks.reduce((n, c) => n + c.length, 0);
    const samples = new Int16Array(total);
    let at = 0;
    for (const c of chunks) {
      samples.set(c, at);
      at += c.length;
    }
    parentPort.postMessage({ id: job.id, samples, sampleRate: espeak.get_samplerate() }, [samples.buffer]);
  } catch (error) {
    parentPort.postMessage({ id: job.id, error: error instanceof Error ? error.message : String(error) });
  }
});
