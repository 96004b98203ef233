/**
 * Reads the voice packs under assets/voice/<lang>/ into the composer's form: segment → URL under
 * /media/ and duration. A pack that is missing or broken is left out with a warning (hallcast
 * validate explains the fix); calls in its language are then refused with the reason.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Lang } from '../../../contract/hall-config.js';
import type { Log } from '../../ports.js';
import { VOICE_LANGS } from '../../domain/speech-plans/voice-lang.js';
import type { VoicePackManifest } from '../../domain/speech-plans/voice-pack.js';
import type { Clip } from '../../../contract/announcements-view.js';
import type { VoicePacks } from './spoken.js';

export function loadVoicePacks(assetsDir: string, log: Log): VoicePacks {
  const packs = new Map<Lang, Map<string, Clip>>();
  for (const lang of VOICE_LANGS) {
    const file = path.join(assetsDir, 'voice', lang, 'manifest.json');
    try {
      const manifest = JSON.parse(readFileSync(file, 'utf8')) as VoicePackManifest;
      const clips = new Map<string, Clip>();
      for (const [segment, clip] of Object.entries(manifest.clips)) {
        // Encoded per segment so a hall's file name with spaces still makes a valid URL.
        clips.set(segment, { url: `/media/voice/${lang}/${encodeURIComponent(clip.file)}`, durationMs: clip.durationMs });
      }
      packs.set(lang, clips);
    } catch (error) {
      log.warn('voice pack not loaded: calls in this language cannot be read out', { lang, file, error: (error as Error).message });
    }
  }
  return packs;
}
