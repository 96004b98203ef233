/** Looks words up in the dictionary and fills their `{name}` placeholders. */
import { dictionary, type WordKey } from './dictionary.js';
import { uiLang, type UiLang } from './lang.js';

export type Vars = Record<string, string | number>;

export function translate(lang: UiLang, key: WordKey, vars?: Vars): string {
  const text = dictionary[key][lang];
  if (!vars) return text;
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in vars ? String(vars[name]) : whole));
}

/** In the console's current language. */
export function t(key: WordKey, vars?: Vars): string {
  return translate(uiLang(), key, vars);
}

/** Text from a playlist file (`{"zh-CN": …, "en": …}`) in the console's language, zh-CN as fallback. */
export function pickText(text: { readonly 'zh-CN'?: string; readonly en?: string } | null | undefined, lang: UiLang = uiLang()): string {
  if (!text) return '';
  return (lang === 'en' ? text.en || text['zh-CN'] : text['zh-CN'] || text.en) ?? '';
}
