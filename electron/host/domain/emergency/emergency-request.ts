/**
 * The body of POST /api/emergency (and `hallcast emergency`, and the console's button) checked and
 * turned into what every display shows and the speaker reads. Pure: a refusal is a reason and a
 * sentence naming the field and the fix, so the person at the button can correct it from the answer.
 */
import { EMERGENCY_LEVELS, type EmergencyLevel, type EmergencyTemplate } from '../../../contract/emergency.js';
import type { Lang } from '../../../contract/hall-config.js';
import { MAX_SPEECH_CHARS } from '../speech-plans/speech-request.js';
import type { EmergencyRequest } from './emergency.js';

/** Without a level or a template's, an emergency is an alert: seen by everyone, without emptying the hall. */
export const DEFAULT_EMERGENCY_LEVEL: EmergencyLevel = 'alert';
const FIELDS = ['level', 'template', 'text'];
/** zh-CN first: the hall's first language is read and shown first. */
const LANGS: readonly Lang[] = ['zh-CN', 'en'];

export type EmergencyRequestProblem = { reason: 'invalid-request' | 'not-found'; error: string };

export function parseEmergencyRequest(body: unknown, templates: Readonly<Record<string, EmergencyTemplate>>): EmergencyRequest | EmergencyRequestProblem {
  const invalid = (error: string): EmergencyRequestProblem => ({ reason: 'invalid-request', error });
  if (body === null || typeof body !== 'object' || Array.isArray(body)) {
    return invalid('send a JSON object: {"level": "evacuate", "template": "evacuation"} or {"level": "alert", "text": {"zh-CN": "…", "en": "…"}}');
  }
  const b = body as Record<string, unknown>;
  const unknown = Object.keys(b).find((k) => !FIELDS.includes(k));
  if (unknown !== undefined) return invalid(`unknown field ${JSON.stringify(unknown)}: the fields are ${FIELDS.join(', ')}`);
  const level = b['level'];
  if (level !== undefined && !EMERGENCY_LEVELS.includes(level as EmergencyLevel)) return invalid(`"level" must be one of ${EMERGENCY_LEVELS.join(', ')}, got ${JSON.stringify(level)}`);
  const ids = Object.keys(templates);
  if (b['template'] === undefined && b['text'] === undefined) {
    return invalid(`an emergency needs words: give "template" (${ids.length > 0 ? ids.join(', ') : 'none in announcements.json'}) or "text" {"zh-CN": "…", "en": "…"}`);
  }
  if (b['template'] !== undefined && b['text'] !== undefined) return invalid('give either "template" or "text", not both');

  if (b['template'] !== undefined) {
    const id = b['template'];
    if (typeof id !== 'string') return invalid(`"template" must be a template id, got ${JSON.stringify(id)}`);
    const template = Object.hasOwn(templates, id) ? templates[id] : undefined;
    if (!template) return { reason: 'not-found', error: `unknown emergency template ${JSON.stringify(id)}; announcements.json "emergencyTemplates" has: ${ids.length > 0 ? ids.join(', ') : 'none'}` };
    return { level: (level as EmergencyLevel | undefined) ?? template.level, lines: LANGS.map((lang) => ({ lang, text: template.text[lang] })), template: id };
  }

  const text = b['text'];
  let given: Record<string, unknown>;
  // One string is one language: read by the Chinese voice if it has Chinese in it, else the English one.
  if (typeof text === 'string') given = { [/[\u3400-\u9fff]/.test(text) ? 'zh-CN' : 'en']: text };
  else if (text !== null && typeof text === 'object' && !Array.isArray(text)) given = text as Record<string, unknown>;
  else return invalid(`"text" must be a string or {"zh-CN": "…", "en": "…"}, got ${JSON.stringify(text)}`);
  if (Object.keys(given).length === 0) return invalid('"text" is empty: give {"zh-CN": "…", "en": "…"}');
  const other = Object.keys(given).find((k) => !LANGS.includes(k as Lang));
  if (other !== undefined) return invalid(`"text" has language ${JSON.stringify(other)}; an emergency is shown and read in ${LANGS.join(' and ')}`);
  const lines: { lang: Lang; text: string }[] = [];
  for (const lang of LANGS) {
    const value = given[lang];
    if (value === undefined) continue;
    if (typeof value !== 'string' || value.trim() === '') return invalid(`"text"["${lang}"] must be words, got ${JSON.stringify(value)}`);
    const chars = [...value.trim()].length;
    if (chars > MAX_SPEECH_CHARS) return invalid(`"text"["${lang}"] is ${chars} characters; the limit is ${MAX_SPEECH_CHARS}: say less, it is read on repeat`);
    lines.push({ lang, text: value.trim() });
  }
  return { level: (level as EmergencyLevel | undefined) ?? DEFAULT_EMERGENCY_LEVEL, lines, template: null };
}

export function isRequestProblem(value: EmergencyRequest | EmergencyRequestProblem): value is EmergencyRequestProblem {
  return 'reason' in value;
}
