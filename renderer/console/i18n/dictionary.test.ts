/// <reference types="node" />
// This test reads files with Node: it needs Node's types, which tsconfig.web.json got until now through the Electron preload's.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { dictionary, sections, type WordKey } from './dictionary.js';
import { translate, pickText } from './translate.js';

const placeholders = (text: string): string[] => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!).sort();
const CJK = /[\u3400-\u9fff]/;

describe('dictionary', () => {
  const entries = Object.entries(dictionary);

  it('has every key in zh-CN and English, with the same placeholders', () => {
    for (const [key, words] of entries) {
      expect(words['zh-CN'].trim(), `${key} zh-CN`).not.toBe('');
      expect(words.en.trim(), `${key} en`).not.toBe('');
      expect(placeholders(words['zh-CN']), key).toEqual(placeholders(words.en));
    }
  });

  it('writes English in English (no Chinese left in an en text, except the language switch)', () => {
    for (const [key, words] of entries) if (key !== 'lang.switch') expect(CJK.test(words.en), `${key}: ${words.en}`).toBe(false);
  });

  it('defines no key twice across the page sections', () => {
    const seen = new Map<string, number>();
    for (const section of sections) for (const key of Object.keys(section)) seen.set(key, (seen.get(key) ?? 0) + 1);
    expect([...seen].filter(([, n]) => n > 1).map(([k]) => k)).toEqual([]);
  });

  it('has every key the console uses', () => {
    // Keys written literally in t('…') calls; computed ones (`days.${d}`) are checked by the type checker.
    const root = join(dirname(fileURLToPath(import.meta.url)), '..');
    const used = new Set<string>();
    const walk = (dir: string): void => {
      for (const entry of readdirSync(dir, { withFileTypes: true })) {
        const path = join(dir, entry.name);
        if (entry.isDirectory() && entry.name !== 'dev') walk(path);
        else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts')) {
          for (const m of readFileSync(path, 'utf8').matchAll(/\bt\('([\w.]+)'/g)) used.add(m[1]!);
        }
      }
    };
    walk(root);
    expect(used.size).toBeGreaterThan(100);
    expect([...used].filter((k) => !(k in dictionary))).toEqual([]);
  });

  it('fills placeholders and keeps unknown ones visible', () => {
    expect(translate('en', 'signin.tooMany', { seconds: 42 })).toBe('Too many attempts: try again in 42 s');
    expect(translate('zh-CN', 'signin.tooMany', { seconds: 42 })).toBe('尝试次数过多，请在 42 秒后重试');
    expect(translate('en', 'signin.tooMany' as WordKey)).toContain('{seconds}');
  });

  it('picks playlist text in the console language, zh-CN as fallback', () => {
    expect(pickText({ 'zh-CN': '早间节目', en: 'Morning' }, 'en')).toBe('Morning');
    expect(pickText({ 'zh-CN': '早间节目' }, 'en')).toBe('早间节目');
    expect(pickText({ 'zh-CN': '早间节目', en: 'Morning' }, 'zh-CN')).toBe('早间节目');
    expect(pickText(undefined, 'en')).toBe('');
  });
});
