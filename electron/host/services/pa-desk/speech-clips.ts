/**
 * Free text → a clip the display can fetch: tickets and counters written out as calls read them
 * (../voice/text-reading.ts), then the hall's engine (bundled espeak-ng, or its own
 * command) behind the speech cache, served at /speech/FILE. The engine is rebuilt only when the
 * hall's "tts" settings change, so a reload does not drop the loaded voice data.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { AnnouncementsFile, Lang } from '../../../contract/hall-config.js';
import { createCommandEngine } from '../speech/command-engine.js';
import { createEspeakWasmEngine } from '../speech/espeak-wasm-engine.js';
import { PEAK_CEILING_DB, TARGET_RMS_DB, normaliseWav } from '../speech/loudness.js';
import { createSpeechCache, type SpeechCache } from '../speech/speech-cache.js';
import { readWavInfo } from '../speech/wav.js';
import type { SpeechEngine } from '../speech/speech-engine.js';
import { speakableText } from '../../domain/speech-plans/text-reading.js';
import type { Health } from '../../domain/health/health.js';
import type { Clip } from '../../../contract/announcements-view.js';

export const SPEECH_ROUTE = '/speech/';
/** Lengths remembered before starting over: free PA text makes a new file per sentence. */
const MAX_REMEMBERED = 1000;
/** Names the cache writes: `<voice>-<32 hex>.wav`; anything else under /speech/ is refused. */
export const SPEECH_FILE = /^[A-Za-z0-9_-]{1,16}-[0-9a-f]{32}\.wav$/;

/** Every engine's output brought to the voice packs' level: espeak's Mandarin came out ~1.5 dB louder. */
const PACK_LOUDNESS = { id: `loudness${TARGET_RMS_DB}/${PEAK_CEILING_DB}`, apply: (wav: Buffer) => normaliseWav(wav) };

export interface SpeechClips {
  configure(tts: AnnouncementsFile['tts']): void;
  speak(text: string, lang: Lang): Promise<Clip>;
  /** Ends the engine's thread, if it has one. */
  close(): void;
}

export function createSpeechClips(dir: string, health?: Health | null): SpeechClips {
  let key = '';
  let cache: SpeechCache | null = null;
  let closeEngine: (() => void) | null = null;
  let closed = false;
  // A file name is a hash of engine, voice, rate and text: its length never changes, so a notice
  // read every 30 minutes reads its WAV header once.
  const durations = new Map<string, number>();
  const configure = (tts: AnnouncementsFile['tts']): void => {
    const next = JSON.stringify(tts ?? null);
    if (next === key && cache) return;
    key = next;
    closeEngine?.();
    const engine: SpeechEngine & { close?: () => Promise<void> } =
      tts?.engine === 'command'
        ? createCommandEngine({ id: tts.id, voices: tts.voices as Record<string, string[]>, ...(tts.timeoutSeconds ? { timeoutMs: tts.timeoutSeconds * 1000 } : {}) })
        : createEspeakWasmEngine();
    closeEngine = engine.close ? () => void engine.close!() : null;
    cache = createSpeechCache({ engine, dir, rate: tts?.rate ?? 1, health: health ?? null, finish: PACK_LOUDNESS });
  };
  return {
    configure,
    async speak(text, lang) {
      // Closed, it stays closed: a phrase still being rendered ahead of time must not start the
      // engine's thread again while the player stops (it kept `hallcast serve` alive for seconds).
      if (closed) throw new Error('speech is closed: the player is stopping');
      if (!cache) configure(undefined);
      // Tickets and counters written out by the call's rules before any engine sees the text:
      // espeak reads "A023" as "A 零二十三", and a hall's own engine may do worse.
      const file = await cache!.render(speakableText(text, lang), lang);
      let durationMs = durations.get(file);
      if (durationMs === undefined) {
        const info = readWavInfo(await readFile(file));
        if (!info) throw new Error(`speech cache: ${file} is not a PCM WAV`);
        durationMs = Math.round(info.durationSec * 1000);
        if (durations.size >= MAX_REMEMBERED) durations.clear();
        durations.set(file, durationMs);
      }
      return { url: `${SPEECH_ROUTE}${path.basename(file)}`, durationMs };
    },
    close() {
      closed = true;
      closeEngine?.();
      closeEngine = null;
      cache = null;
    },
  };
}

/** The file behind a /speech/ name, or null: only the cache's own names, only in its folder. */
export function speechFile(dir: string, name: string): string | null {
  return SPEECH_FILE.test(name) ? path.join(dir, name) : null;
}
