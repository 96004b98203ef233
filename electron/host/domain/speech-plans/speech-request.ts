/**
 * What free text an engine accepts. One check for every engine and the cache, so a 10,000-character
 * paste or an unknown voice is refused the same way before any audio is made.
 */

/** A care notice or PA message is a sentence or two; longer text is almost surely a paste error. */
export const MAX_SPEECH_CHARS = 500;
export const MIN_RATE = 0.5;
export const MAX_RATE = 2;

/** Returns the text to speak (trimmed) or throws naming what is wrong. */
export function checkSpeechRequest(text: string, voice: string, voices: readonly string[], rate: number): string {
  if (typeof text !== 'string') throw new TypeError('speech text must be a string');
  const spoken = text.trim();
  if (spoken.length === 0) throw new RangeError('speech text is empty');
  // Count code points, not UTF-16 units, so the limit means the same for hanzi and emoji.
  const chars = [...spoken].length;
  if (chars > MAX_SPEECH_CHARS) {
    throw new RangeError(`speech text is ${chars} characters; the limit is ${MAX_SPEECH_CHARS}`);
  }
  if (!voices.includes(voice)) {
    throw new RangeError(`unknown voice ${JSON.stringify(voice)}; available: ${voices.join(', ')}`);
  }
  if (!Number.isFinite(rate) || rate < MIN_RATE || rate > MAX_RATE) {
    throw new RangeError(`speech rate ${rate} is outside ${MIN_RATE}–${MAX_RATE} (1 = normal)`);
  }
  return spoken;
}
