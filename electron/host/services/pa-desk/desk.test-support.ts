/** Voice packs with made-up clip lengths, for composing without files. */
import { requiredSegments } from '../../domain/speech-plans/call-plan.js';
import type { Lang } from '../../../contract/hall-config.js';
import type { Clip } from '../../../contract/announcements-view.js';
import type { VoicePacks } from './spoken.js';

export function fakePacks(langs: readonly Lang[] = ['zh-CN', 'en']): VoicePacks {
  return new Map(
    langs.map((lang) => [lang, new Map<string, Clip>(requiredSegments(lang).map((s) => [s, { url: `/media/voice/${lang}/${s}.ogg`, durationMs: s === 'chime' ? 1600 : 400 }]))]),
  );
}

export const urlsOf = (clips: readonly { url: string }[]): string[] => clips.map((c) => c.url.replace(/^\/media\/voice\//, '').replace(/\.ogg$/, ''));
