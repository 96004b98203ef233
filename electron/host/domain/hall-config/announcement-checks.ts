/**
 * What the schema cannot say about announcements.json: ids unique, cron and dates that work, quiet
 * hours that are not empty, text in every language it is read in and short enough to speak, care
 * rules watching a service that exists, templates whose placeholders parse and agree between
 * languages, and a speech command that can hand back its audio.
 */
import { cronProblem } from '../schedule/cron.js';
import { parseClock } from '../time/civil.js';
import { MAX_SPEECH_CHARS } from '../speech-plans/speech-request.js';
import { announcementLanguages } from './announcement-languages.js';
import { checkDate, checkDateRange } from './date-checks.js';
import type { Diagnostic } from '../../../contract/diagnostic.js';
import { checkMediaFile, type AssetsFolder } from './media-check.js';
import { closest } from './schema-check.js';
import type { JsonPath, JsonSource } from './source.js';
import { TemplateSyntaxError, templatePlaceholders } from './text-template.js';
import type { AnnouncementsFile, Lang, SpokenText } from '../../../contract/hall-config.js';

export interface AnnouncementCheckContext {
  /**
   * Service ids of queue.json; 'no-queue-file' when the hall has none; 'unknown' when queue.json has
   * errors of its own (reported there), so service names are not checked against it.
   */
  services: readonly string[] | 'no-queue-file' | 'unknown';
  assets: AssetsFolder;
  /** schedule.json names a calendar, which the day tokens workday / restday / holiday follow. */
  hasCalendar: boolean;
}

export const TEMPLATE_ID = /^[a-z][a-z0-9-]{0,31}$/;
const LANGS: readonly Lang[] = ['zh-CN', 'en'];
const MINUTES_PER_DAY = 1440;

export function checkAnnouncements(source: JsonSource, file: AnnouncementsFile, context: AnnouncementCheckContext, out: Diagnostic[]): void {
  const error = (p: JsonPath, message: string): void => void out.push(source.at(p, 'error', message));
  const fileLanguages = announcementLanguages(file);

  // Timed notices and care rules share one id space: both name their announcements in the log.
  const ids = new Map<string, string>();
  const claimId = (list: 'timed' | 'careRules', i: number, id: string): void => {
    const first = ids.get(id);
    if (first !== undefined) error([list, i, 'id'], `duplicate id "${id}" (${first} has it too): give each timed notice and care rule its own id`);
    else ids.set(id, `${list}[${i}]`);
  };

  file.quietHours?.forEach((window, i) => checkQuietWindow(window, ['quietHours', i], error));

  file.timed?.forEach((notice, i) => {
    const at = (...rest: JsonPath): JsonPath => ['timed', i, ...rest];
    claimId('timed', i, notice.id);
    const problem = cronProblem(notice.cron);
    if (problem) error(at('cron'), problem);
    if (!context.hasCalendar && notice.days?.some((d) => d === 'workday' || d === 'restday' || d === 'holiday')) {
      out.push(
        source.at(at('days'), 'warning', 'workday, restday and holiday need a calendar: set "calendar" in schedule.json, or only Monday–Friday count as workdays and no day as a holiday'),
      );
    }
    checkDateRange(source, at(), notice.validFrom, notice.validTo, out);
    notice.except?.forEach((date, j) => checkDate(source, at('except', j), date, out));
    const languages = announcementLanguages(file, notice.languages);
    checkSpokenText(notice.text, at('text'), `timed[${i}].text`, languages, 'this notice', error);
  });

  file.careRules?.forEach((rule, i) => {
    const at = (...rest: JsonPath): JsonPath => ['careRules', i, ...rest];
    claimId('careRules', i, rule.id);
    const services = context.services;
    if (typeof services !== 'string' && !services.includes(rule.service)) {
      const guess = closest(rule.service, [...services]);
      error(at('service'), `unknown service "${rule.service}": ${guess ? `did you mean "${guess}"? ` : ''}queue.json has: ${services.join(', ')}`);
    }
    if (rule.waitingAtLeast === undefined && rule.estimateMinutesAtLeast === undefined) {
      error(at(), `care rule "${rule.id}" never fires: give "waitingAtLeast" (tickets waiting) or "estimateMinutesAtLeast" (minutes of estimated wait), or both`);
    }
    if (rule.text === undefined && rule.slide === undefined) {
      error(at(), `care rule "${rule.id}" has nothing to say or show: add "text" (read out) or "slide" (shown over the programme), or both`);
    }
    if (rule.text) checkSpokenText(rule.text, at('text'), `careRules[${i}].text`, announcementLanguages(file, rule.languages), 'this rule', error);
    if (rule.slide?.image !== undefined) checkMediaFile(source, at('slide', 'image'), rule.slide.image, 'image', context.assets, out);
  });
  if (context.services === 'no-queue-file' && (file.careRules?.length ?? 0) > 0) {
    error(['careRules'], 'care rules need playlists/queue.json, the services they watch: add queue.json to this folder, or remove "careRules"');
  }

  for (const [id, template] of Object.entries(file.templates ?? {})) checkTemplate(source, id, template, fileLanguages, error, out);
  for (const [id, template] of Object.entries(file.emergencyTemplates ?? {})) {
    const at: JsonPath = ['emergencyTemplates', id];
    if (!TEMPLATE_ID.test(id)) {
      out.push(source.at(at, 'error', `emergency template id "${id}" is not valid: start with a lowercase letter, then lowercase letters, digits and '-', at most 32 characters (e.g. "fire-drill")`, { key: true }));
    }
    // Read on repeat, word for word: no placeholders to fill at the moment of an emergency.
    for (const lang of LANGS) {
      checkSpeechLength(template.text[lang], [...at, 'text', lang], `emergency template "${id}" (${lang})`, error);
      if (/[{}]/.test(template.text[lang])) error([...at, 'text', lang], `emergency template "${id}" (${lang}) has a { or }: emergency templates are read word for word, with no placeholders`);
    }
  }

  if (file.tts?.engine === 'command') {
    const voices = file.tts.voices;
    for (const lang of LANGS) {
      const argv = voices[lang];
      if (argv === undefined) continue;
      if (argv.length === 0) {
        error(['tts', 'voices', lang], `the command for "${lang}" is empty: give the program and its arguments, e.g. ["piper", "--model", "voice.onnx", "--output_file", "{out}"]`);
      } else if (!argv.some((word) => word.includes('{out}'))) {
        error(
          ['tts', 'voices', lang],
          `the command for "${lang}" never names {out}, so its audio cannot be found: pass "{out}" where the program takes the WAV file to write, e.g. "--output_file", "{out}"`,
        );
      }
    }
    const read = new Set<Lang>([...fileLanguages, ...(file.timed ?? []).flatMap((t) => t.languages ?? []), ...(file.careRules ?? []).flatMap((r) => (r.text ? (r.languages ?? []) : []))]);
    for (const lang of LANGS) {
      if (read.has(lang) && voices[lang] === undefined) {
        error(['tts', 'voices'], `no voice for "${lang}", which announcements are read in: add "${lang}": [..., "{out}"], or stop reading "${lang}" ("languages")`);
      }
    }
  }
}

function checkQuietWindow(window: { from: string; to: string }, at: JsonPath, error: (p: JsonPath, message: string) => void): void {
  const minutes: number[] = [];
  for (const end of ['from', 'to'] as const) {
    const seconds = parseClock(window[end]);
    if (seconds === null) continue; // the schema has reported it
    if (seconds % 60 !== 0) {
      error([...at, end], `quiet hours run in whole minutes: write "${window[end].slice(0, 5)}" (HH:MM), not "${window[end]}"`);
      continue;
    }
    minutes.push((seconds / 60) % MINUTES_PER_DAY);
  }
  // Equal ends could mean "never" or "all day"; the announcer refuses to guess, so refuse here first.
  if (minutes.length === 2 && minutes[0] === minutes[1]) {
    error([...at, 'to'], `quiet hours ${window.from}–${window.to} are empty or all day: give different times, e.g. "from": "20:30", "to": "08:00" (to ≤ from crosses midnight)`);
  }
}

/**
 * Text read out: present in every language it is read in, not blank, within the speech limit.
 * `what` names the reader ("this notice") in the fix.
 */
function checkSpokenText(text: SpokenText, at: JsonPath, shown: string, languages: Lang[], what: string, error: (p: JsonPath, message: string) => void): void {
  for (const lang of languages) {
    if (text[lang] === undefined) {
      error(at, `${shown} has no "${lang}", but ${what} is read in ${languages.join(', ')}: add "${lang}", or set "languages": ${readable(languages, text)}`);
    }
  }
  for (const lang of LANGS) {
    const value = text[lang];
    if (value !== undefined) checkSpeechLength(value, [...at, lang], `the ${lang} text`, error);
  }
}

function checkSpeechLength(value: string, at: JsonPath, shown: string, error: (p: JsonPath, message: string) => void): void {
  const spoken = value.trim();
  if (spoken === '') {
    error(at, `${shown} is blank: write what to say`);
    return;
  }
  // Code points, as the speech engine counts them, so the limit means the same for hanzi.
  const chars = [...spoken].length;
  if (chars > MAX_SPEECH_CHARS) {
    error(at, `${shown} is ${chars} characters; speech is limited to ${MAX_SPEECH_CHARS}: shorten it or split it into two`);
  }
}

function checkTemplate(
  source: JsonSource,
  id: string,
  template: SpokenText,
  fileLanguages: Lang[],
  error: (p: JsonPath, message: string) => void,
  out: Diagnostic[],
): void {
  const at: JsonPath = ['templates', id];
  if (!TEMPLATE_ID.test(id)) {
    out.push(
      source.at(at, 'error', `template id "${id}" is not valid: start with a lowercase letter, then lowercase letters, digits and '-', at most 32 characters (e.g. "counter-closed")`, {
        key: true,
      }),
    );
  }
  for (const lang of fileLanguages) {
    if (template[lang] === undefined) {
      error(at, `template "${id}" has no "${lang}", but PA messages are read in ${fileLanguages.join(', ')}: add "${lang}", or set "languages": ${readable(fileLanguages, template)} at the top of the file`);
    }
  }
  const placeholders = new Map<Lang, string[]>();
  for (const lang of LANGS) {
    const text = template[lang];
    if (text === undefined) continue;
    checkSpeechLength(text, [...at, lang], `template "${id}" (${lang})`, error);
    try {
      placeholders.set(lang, templatePlaceholders(text));
    } catch (e) {
      if (!(e instanceof TemplateSyntaxError)) throw e;
      error([...at, lang], `template "${id}" (${lang}): ${e.message}`);
    }
  }
  // Both languages are filled from one set of variables: each must use all of them.
  const zh = placeholders.get('zh-CN');
  const en = placeholders.get('en');
  if (zh && en) {
    const onlyEn = en.filter((n) => !zh.includes(n));
    const onlyZh = zh.filter((n) => !en.includes(n));
    const differences = [
      ...(onlyEn.length > 0 ? [`en uses ${braces(onlyEn)}, which zh-CN does not`] : []),
      ...(onlyZh.length > 0 ? [`zh-CN uses ${braces(onlyZh)}, which en does not`] : []),
    ];
    if (differences.length > 0) {
      error([...at, 'en'], `template "${id}": ${differences.join('; ')}: use the same placeholders in every language`);
    }
  }
}

/** The languages of `wanted` the text has (or, if none, all it has), as JSON for a fix. */
function readable(wanted: Lang[], text: SpokenText): string {
  const kept = wanted.filter((l) => text[l] !== undefined);
  return JSON.stringify(kept.length > 0 ? kept : LANGS.filter((l) => text[l] !== undefined)).replace(/","/g, '", "');
}

function braces(names: string[]): string {
  return names.map((n) => `{${n}}`).join(', ');
}
