/**
 * The console's language: zh-CN unless the user switched to English on this device
 * (localStorage). Pages read it through `t()`; the app re-renders on a switch.
 */
export type UiLang = 'zh-CN' | 'en';

const STORAGE_KEY = 'hallcast.admin.lang';
const listeners = new Set<(lang: UiLang) => void>();
let current: UiLang = stored();

function stored(): UiLang {
  // No localStorage in unit tests, and a browser may refuse it (private mode): zh-CN then.
  try {
    return globalThis.localStorage?.getItem(STORAGE_KEY) === 'en' ? 'en' : 'zh-CN';
  } catch {
    return 'zh-CN';
  }
}

export function uiLang(): UiLang {
  return current;
}

export function setUiLang(lang: UiLang): void {
  current = lang;
  try {
    globalThis.localStorage?.setItem(STORAGE_KEY, lang);
  } catch {
    // the choice then lasts until the page is reloaded
  }
  if (typeof document !== 'undefined') document.documentElement.lang = lang;
  for (const listener of listeners) listener(lang);
}

export function onUiLang(listener: (lang: UiLang) => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
