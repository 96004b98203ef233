// The npm package ships no types; only the calls espeak-wasm-engine.ts makes are declared.
declare module '@echogarden/espeak-ng-emscripten' {
  export interface EspeakWorker {
    set_voice(name: string): number;
    set_rate(wordsPerMinute: number): void;
    get_samplerate(): number;
    /** The callback returns true to abort; it must return false to get the whole utterance. */
    synthesize(text: string, onAudio: (samples: Int16Array, events: unknown[]) => boolean): void;
    synthesize_ipa(text: string): { code: number; ipa: string };
  }
  export interface EspeakModule {
    eSpeakNGWorker: new () => EspeakWorker;
  }
  const createModule: () => Promise<EspeakModule>;
  export default createModule;
}
