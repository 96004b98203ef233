/**
 * A cron expression in plain words, zh-CN or English, by cronstrue (its zh_CN locale imported
 * explicitly: the package's main file carries English only). Our cron has 5 fields, or 6 with
 * seconds first, as schedule.json and announcements.json accept.
 */
import cronstrue from 'cronstrue';
import 'cronstrue/locales/zh_CN.js';
import type { UiLang } from '../i18n/lang.js';

export type CronReading = { ok: true; text: string } | { ok: false; error: string };

const LOCALE: Record<UiLang, string> = { 'zh-CN': 'zh_CN', en: 'en' };

export function readCron(expression: string, lang: UiLang): CronReading {
  const fields = expression.trim().split(/\s+/).filter(Boolean);
  if (fields.length !== 5 && fields.length !== 6) {
    return { ok: false, error: lang === 'en' ? `${fields.length} fields: write 5 (minute hour day month weekday) or 6 (seconds first)` : `共 ${fields.length} 段：应为 5 段（分 时 日 月 星期）或 6 段（秒在最前）` };
  }
  try {
    const text = cronstrue.toString(fields.join(' '), {
      locale: LOCALE[lang],
      use24HourTimeFormat: true,
      throwExceptionOnParseError: true,
      // Classic cron: 0 and 7 are Sunday, 1 is Monday.
      dayOfWeekStartIndexZero: true,
    });
    return { ok: true, text };
  } catch (error) {
    return { ok: false, error: error instanceof Error ? error.message.replace(/^Error:\s*/, '') : String(error) };
  }
}
