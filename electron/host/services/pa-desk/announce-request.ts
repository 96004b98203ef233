/**
 * The body of POST /api/announce (and `hallcast announce`) checked and turned into what to say.
 * Pure: every refusal is a sentence naming the field and the fix, so a PA technician wiring the
 * hall's system can correct the request from the answer alone.
 */
import { createHash } from 'node:crypto';
import type { AnnouncementKind } from '../../../contract/messages.js';
import type { AnnouncementsFile, Lang } from '../../../contract/hall-config.js';
import { fillTemplate } from '../../domain/hall-config/text-template.js';
import { MAX_SPEECH_CHARS } from '../../domain/speech-plans/speech-request.js';
import { assertCounter } from '../../domain/speech-plans/counter-reading.js';
import { readTicket } from '../../domain/speech-plans/ticket-reading.js';
import { VOICE_LANGS, isVoiceLang } from '../../domain/speech-plans/voice-lang.js';

export type AnnounceWhat = { what: 'call'; ticket: string; counter: number } | { what: 'text'; texts: { lang: Lang; text: string }[] };

export type AnnounceIntent = AnnounceWhat & {
  kind: AnnouncementKind;
  repeat: number;
  /** null: never stale. */
  expiresInMs: number | null;
  chime: boolean;
  /** Languages read, in order (for a call; for text, `texts` carries them). */
  languages: Lang[];
  /** Merges with a waiting request of the same key: an emergency's text, so a repeated alarm is one. */
  key?: string;
};

export class AnnounceRequestError extends Error {}

export const MAX_REPEAT = 5;
const MAX_EXPIRY_SECONDS = 86_400;
/** The `priority` an announcement request may ask for. */
export const ANNOUNCEMENT_KINDS: readonly AnnouncementKind[] = ['emergency', 'pa', 'call', 'care'];
const FIELDS = ['text', 'template', 'vars', 'languages', 'priority', 'repeat', 'expiresInSeconds', 'chime'];
/** How long each kind may wait by default before it is pointless: a call the counter gave up on, a notice of the moment. */
export const DEFAULT_EXPIRY_SECONDS: Record<AnnouncementKind, number | null> = { emergency: 600, pa: 300, call: 30, care: 600 };
export const DEFAULT_LANGUAGES: readonly Lang[] = ['zh-CN', 'en'];
const CALL_VARS = ['ticket', 'counter'];

const fail = (message: string): never => {
  throw new AnnounceRequestError(message);
};

export function parseAnnounceRequest(body: unknown, config: AnnouncementsFile | null): AnnounceIntent {
  if (body === null || typeof body !== 'object' || Array.isArray(body)) {
    return fail('send a JSON object, e.g. {"text": {"zh-CN": "…", "en": "…"}} or {"template": "call", "vars": {"ticket": "A023", "counter": 5}}');
  }
  const b = body as Record<string, unknown>;
  const unknown = Object.keys(b).filter((k) => !FIELDS.includes(k));
  if (unknown.length > 0) fail(`unknown field ${JSON.stringify(unknown[0])}: the fields are ${FIELDS.join(', ')}`);
  if ((b['text'] === undefined) === (b['template'] === undefined)) fail('give either "text" or "template" (with "vars"), not both and not neither');

  const kind = b['priority'] ?? 'pa';
  if (typeof kind !== 'string' || !ANNOUNCEMENT_KINDS.includes(kind as AnnouncementKind)) fail(`"priority" must be one of ${ANNOUNCEMENT_KINDS.join(', ')}, got ${JSON.stringify(kind)}`);
  const repeat = b['repeat'] ?? 1;
  if (typeof repeat !== 'number' || !Number.isInteger(repeat) || repeat < 1 || repeat > MAX_REPEAT) fail(`"repeat" must be an integer 1–${MAX_REPEAT}, got ${JSON.stringify(repeat)}`);
  const expiry = b['expiresInSeconds'];
  if (expiry !== undefined && (typeof expiry !== 'number' || !(expiry > 0) || expiry > MAX_EXPIRY_SECONDS)) {
    fail(`"expiresInSeconds" must be a number of seconds, more than 0 and at most ${MAX_EXPIRY_SECONDS}, got ${JSON.stringify(expiry)}`);
  }
  const chime = b['chime'] ?? config?.chime ?? true;
  if (typeof chime !== 'boolean') fail(`"chime" must be true or false, got ${JSON.stringify(chime)}`);
  const languages = b['languages'] === undefined ? null : parseLanguages(b['languages']);
  const hallLanguages = config?.languages ?? DEFAULT_LANGUAGES;

  const what: AnnounceWhat =
    b['text'] !== undefined ? textIntent(b['text'], languages, hallLanguages) : templateIntent(b['template'], b['vars'], languages, hallLanguages, config);
  const defaultExpiry = DEFAULT_EXPIRY_SECONDS[kind as AnnouncementKind];
  const seconds = (expiry as number | undefined) ?? defaultExpiry;
  // A panic button pressed 50 times is one alarm: the same words merge into the waiting one.
  const key = kind === 'emergency' && what.what === 'text' ? emergencyKey(what.texts) : undefined;
  return {
    ...what,
    ...(key ? { key } : {}),
    kind: kind as AnnouncementKind,
    repeat: repeat as number,
    expiresInMs: seconds === null ? null : seconds * 1000,
    chime: chime as boolean,
    languages: what.what === 'text' ? what.texts.map((t) => t.lang) : (languages ?? config?.calls?.languages ?? [...hallLanguages]),
  };
}

/** The same words (spacing aside) in the same languages give the same key; short, for the queue view. */
export function emergencyKey(texts: readonly { lang: Lang; text: string }[]): string {
  const words = texts.map((t) => `${t.lang}\u0000${t.text.replace(/\s+/g, ' ')}`).join('\u0001');
  return `emergency:${createHash('sha256').update(words).digest('hex').slice(0, 16)}`;
}

function parseLanguages(value: unknown): Lang[] {
  if (!Array.isArray(value) || value.length === 0) return fail(`"languages" must be a non-empty list such as ["zh-CN", "en"], got ${JSON.stringify(value)}`);
  const seen = new Set<string>();
  for (const lang of value) {
    if (typeof lang !== 'string' || !isVoiceLang(lang)) fail(`no voice pack for language ${JSON.stringify(lang)}; available: ${VOICE_LANGS.join(', ')}`);
    if (seen.has(lang as string)) fail(`"languages" lists ${JSON.stringify(lang)} twice`);
    seen.add(lang as string);
  }
  return value as Lang[];
}

function checkText(text: unknown, where: string): string {
  if (typeof text !== 'string') return fail(`${where} must be a string, got ${JSON.stringify(text)}`);
  const spoken = text.trim();
  if (spoken === '') fail(`${where} is empty`);
  const chars = [...spoken].length;
  if (chars > MAX_SPEECH_CHARS) fail(`${where} is ${chars} characters; the limit is ${MAX_SPEECH_CHARS}: split it into several announcements`);
  return spoken;
}

/** Localized text → the languages to read, in the request's order, else the hall's. */
function pickTexts(texts: Partial<Record<string, string>>, languages: Lang[] | null, hallLanguages: readonly Lang[], field: string): { lang: Lang; text: string }[] {
  for (const key of Object.keys(texts)) if (!isVoiceLang(key)) fail(`${field} has language ${JSON.stringify(key)}, which has no voice; available: ${VOICE_LANGS.join(', ')}`);
  const order = languages ?? hallLanguages.filter((lang) => texts[lang] !== undefined);
  if (order.length === 0) fail(`${field} has none of the hall's languages (${hallLanguages.join(', ')})`);
  return order.map((lang) => {
    if (texts[lang] === undefined) fail(`${field} has no "${lang}" text, but "languages" asks for it: add it or leave "${lang}" out of "languages"`);
    return { lang, text: checkText(texts[lang], `${field}["${lang}"]`) };
  });
}

function textIntent(text: unknown, languages: Lang[] | null, hallLanguages: readonly Lang[]): AnnounceWhat {
  if (typeof text === 'string') {
    // One string is one language: reading Chinese with the English voice would be gibberish.
    if (languages && languages.length > 1) fail('"text" is one string, so it is read in one language: give {"zh-CN": "…", "en": "…"} to read it in several');
    return { what: 'text', texts: [{ lang: languages?.[0] ?? 'zh-CN', text: checkText(text, '"text"') }] };
  }
  if (text === null || typeof text !== 'object' || Array.isArray(text)) return fail('"text" must be a string or {"zh-CN": "…", "en": "…"}');
  return { what: 'text', texts: pickTexts(text as Record<string, string>, languages, hallLanguages, '"text"') };
}

function templateIntent(template: unknown, vars: unknown, languages: Lang[] | null, hallLanguages: readonly Lang[], config: AnnouncementsFile | null): AnnounceWhat {
  const templates = config?.templates ?? {};
  const names = ['call', ...Object.keys(templates)];
  if (typeof template !== 'string' || !names.includes(template)) return fail(`unknown template ${JSON.stringify(template)}; available: ${names.join(', ')}`);
  if (vars !== undefined && (vars === null || typeof vars !== 'object' || Array.isArray(vars))) return fail('"vars" must be an object, e.g. {"ticket": "A023", "counter": 5}');
  const v = (vars ?? {}) as Record<string, unknown>;
  if (template === 'call') {
    const extra = Object.keys(v).filter((k) => !CALL_VARS.includes(k));
    if (extra.length > 0) fail(`unknown variable ${JSON.stringify(extra[0])} for template "call" (it takes: ${CALL_VARS.join(', ')})`);
    for (const name of CALL_VARS) if (v[name] === undefined) fail(`missing variable "${name}" for template "call", e.g. {"ticket": "A023", "counter": 5}`);
    const counter = typeof v['counter'] === 'string' && /^\d+$/.test(v['counter']) ? Number(v['counter']) : v['counter'];
    try {
      readTicket(v['ticket'] as string);
      assertCounter(counter as number);
    } catch (error) {
      fail((error as Error).message);
    }
    return { what: 'call', ticket: (v['ticket'] as string).toUpperCase(), counter: counter as number };
  }
  const values: Record<string, string> = {};
  for (const [name, value] of Object.entries(v)) {
    if (typeof value !== 'string' && typeof value !== 'number') fail(`variable "${name}" must be a string or a number, got ${JSON.stringify(value)}`);
    values[name] = String(value);
  }
  const filled: Partial<Record<string, string>> = {};
  for (const [lang, text] of Object.entries(templates[template]!)) {
    try {
      filled[lang] = fillTemplate(text, values);
    } catch (error) {
      fail(`template "${template}": ${(error as Error).message}`);
    }
  }
  return { what: 'text', texts: pickTexts(filled, languages, hallLanguages, `template "${template}"`) };
}
