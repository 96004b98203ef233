/**
 * Checks the voice packs on disk (assets/voice/<lang>/manifest.json and its clips) and reports in
 * the validator's FILE:LINE:COL form, so `hallcast validate` names a missing clip and the fix.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Diagnostic } from '../../../contract/diagnostic.js';
import { checkVoicePack, type VoicePackManifest } from '../../domain/speech-plans/voice-pack.js';
import { VOICE_LANGS } from '../../domain/speech-plans/voice-lang.js';

/** `shown`: how the voice folder is named in messages (e.g. "assets/voice"). */
export function checkVoiceFolder(voiceDir: string, shown: string): Diagnostic[] {
  const at = (file: string, severity: Diagnostic['severity'], message: string): Diagnostic => ({ file, line: 1, col: 1, severity, message });
  if (!existsSync(voiceDir)) return [at(shown, 'warning', `no voice packs: queue calls cannot be spoken; add ${VOICE_LANGS.map((l) => `${shown}/${l}/`).join(' and ')} (scripts/make-voice-packs.mjs makes them)`)];
  const out: Diagnostic[] = [];
  for (const lang of VOICE_LANGS) {
    const dir = path.join(voiceDir, lang);
    const file = `${shown}/${lang}/manifest.json`;
    if (!existsSync(path.join(dir, 'manifest.json'))) {
      out.push(at(file, 'error', `the ${lang} voice pack has no manifest.json: restore it or run node scripts/make-voice-packs.mjs`));
      continue;
    }
    let manifest: VoicePackManifest;
    try {
      manifest = JSON.parse(readFileSync(path.join(dir, 'manifest.json'), 'utf8')) as VoicePackManifest;
    } catch (error) {
      out.push(at(file, 'error', `not valid JSON (${(error as Error).message}): restore it or run node scripts/make-voice-packs.mjs`));
      continue;
    }
    const files = new Set(readdirSync(dir));
    for (const problem of checkVoicePack(manifest, files)) {
      const fix = problem.kind === 'missing-file' ? `: put ${problem.file} (a recording, any format Chromium plays) in ${shown}/${lang}/` : '';
      out.push(at(file, 'error', `${problem.message}${fix}`));
    }
  }
  return out;
}
