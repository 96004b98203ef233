/** The JSON Pointers the announcements.json form has fields for (timed notices and care rules). */
import type { AnnouncementsFile } from '../api/playlist-types.js';

// Only values the forms show (with their findings): the rest (languages, day filters …) goes to the card.
const TIMED = ['id', 'cron', 'text', 'text/zh-CN', 'text/en', 'repeat', 'expiresAfterSeconds', 'wait/maxWaitSeconds', 'wait/then'];
const CARE = ['id', 'service', 'waitingAtLeast', 'estimateMinutesAtLeast', 'everyMinutes', 'text', 'text/zh-CN', 'text/en', 'slide', 'slide/title', 'slide/title/zh-CN', 'slide/title/en', 'slide/body', 'slide/body/zh-CN', 'slide/body/en', 'slide/background', 'slide/color', 'slide/seconds'];

export function announcementFields(file: AnnouncementsFile): string[] {
  const fields = [''];
  (file.timed ?? []).forEach((_, i) => fields.push(`/timed/${i}`, ...TIMED.map((f) => `/timed/${i}/${f}`)));
  (file.careRules ?? []).forEach((_, i) => fields.push(`/careRules/${i}`, ...CARE.map((f) => `/careRules/${i}/${f}`)));
  return fields;
}

/** A new id "prefix-N" not taken by a timed notice or a care rule (they share one namespace). */
export function freshAnnouncementId(file: AnnouncementsFile, prefix: string): string {
  const taken = new Set([...(file.timed ?? []), ...(file.careRules ?? [])].map((x) => x.id));
  let n = 1;
  while (taken.has(`${prefix}-${n}`)) n++;
  return `${prefix}-${n}`;
}

/** The body of POST /admin/api/announce for a message typed now; null when a chosen language has no text. */
export function announceBody(input: { zh: string; en: string; languages: ('zh-CN' | 'en')[]; priority: string; repeat: number }): Record<string, unknown> | null {
  const zh = input.zh.trim();
  const en = input.en.trim();
  if (input.languages.length === 0) return null;
  if (input.languages.includes('zh-CN') && !zh) return null;
  if (input.languages.includes('en') && !en) return null;
  const text: Record<string, string> = {};
  if (zh) text['zh-CN'] = zh;
  if (en) text.en = en;
  return { text, languages: input.languages, priority: input.priority, repeat: input.repeat };
}
