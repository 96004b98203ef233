/**
 * The display's way of titling anything: zh-CN first and large, English below, each line marked
 * with its language (so the CJK font is chosen for the Chinese line, and the Latin one for English).
 */
import type { Localized } from '../../../electron/contract/hall-config.js';

/** Two lines, zh-CN first and large, English below. */
export function bilingualLines(zh: string, en: string, zhClass: string): HTMLElement[] {
  return [line(zhClass, zh, 'zh-CN'), line('sub', en, 'en')];
}

/** A slide's text (`.text-box`): the title and the optional body, each in zh-CN then English; empty lines left out. */
export function textBox(title: Localized, body: Localized | null | undefined): HTMLElement {
  const box = document.createElement('div');
  box.className = 'text-box';
  const lines: [string, string | undefined, string][] = [
    ['title', title['zh-CN'], 'zh-CN'],
    ['title-en', title.en, 'en'],
    ['body', body?.['zh-CN'], 'zh-CN'],
    ['body-en', body?.en, 'en'],
  ];
  box.append(...lines.filter(([, text]) => text).map(([cls, text, lang]) => line(cls, text!, lang)));
  return box;
}

function line(cls: string, text: string, lang: string): HTMLElement {
  const p = document.createElement('div');
  p.className = cls;
  p.lang = lang;
  p.textContent = text;
  return p;
}
