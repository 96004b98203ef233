/**
 * The contract every text-to-speech engine meets, so the cache and the player never care whether
 * a hall uses the bundled espeak-ng build or its own command (piper, a vendor CLI).
 */

export interface SpeechEngine {
  /** Part of the cache key: changing engines must not replay another engine's audio. */
  readonly id: string;
  /** Hall voices this engine can speak, e.g. `zh-CN`, `en`. */
  readonly voices: readonly string[];
  /** A complete mono 16-bit PCM WAV file. Rejects with a readable message on bad input or failure. */
  synthesize(text: string, voice: string, rate: number): Promise<Buffer>;
}
