/**
 * The languages a call can be announced in. Each one is a voice pack under assets/voice/<lang>/;
 * the list lives here so an unknown language is refused before any clip is looked up.
 */

export const VOICE_LANGS = ['zh-CN', 'en'] as const;
export type VoiceLang = (typeof VOICE_LANGS)[number];

export function isVoiceLang(lang: string): lang is VoiceLang {
  return (VOICE_LANGS as readonly string[]).includes(lang);
}

/** Narrows `lang`, or throws an error that names the packs a hall can choose from. */
export function assertVoiceLang(lang: string): VoiceLang {
  if (isVoiceLang(lang)) return lang;
  throw new RangeError(`no voice pack for language ${JSON.stringify(lang)}; available: ${VOICE_LANGS.join(', ')}`);
}
