import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { MAX_SPEECH_CHARS } from '../speech-plans/speech-request.js';
import { announcementLanguages } from './announcement-languages.js';
import { formatDiagnostic } from '../../../contract/diagnostic.js';
import { loadPlaylists, type LoadResult } from '../../services/playlists/load.js';
import { fillTemplate } from './text-template.js';

const HALL = path.join(import.meta.dirname, '../../services/playlists/fixtures/hall');
const ROOT = path.resolve(import.meta.dirname, '../../../..');
const MID_2026 = Date.parse('2026-06-01T00:00:00Z');
const made: string[] = [];
afterEach(() => made.splice(0).forEach((dir) => rmSync(dir, { recursive: true, force: true })));

const QUEUE = `{
  "$schema": "./schema/queue.schema.json",
  "services": [
    { "id": "A", "name": { "zh-CN": "综合业务" }, "serviceMinutes": 6 },
    { "id": "B", "name": { "zh-CN": "缴费充值" }, "serviceMinutes": 2.5 },
    { "id": "V", "name": { "zh-CN": "爱心通道" }, "priority": true, "serviceMinutes": 7 }
  ],
  "counters": [{ "id": 1, "services": ["A", "B", "V"] }],
  "feed": { "kind": "simulator" }
}
`;

/** The fixture hall with these files laid over it (null: the file is absent). */
function load(announcements: string | null, files: Record<string, string | null> = { 'queue.json': QUEUE }): LoadResult {
  const root = mkdtempSync(path.join(tmpdir(), 'hallcast-announcements-'));
  made.push(root);
  cpSync(path.join(HALL, 'playlists'), root, { recursive: true });
  for (const [name, text] of Object.entries({ ...files, 'announcements.json': announcements })) {
    if (text !== null) writeFileSync(path.join(root, name), text);
  }
  return loadPlaylists(root, { displayDir: 'playlists', assetsDir: path.join(HALL, 'assets'), displayAssets: 'assets', now: MID_2026 });
}

function findings(announcements: string, files?: Record<string, string | null>): string[] {
  return load(announcements, files).diagnostics.map(formatDiagnostic);
}

/** A file with these lines between `{ "$schema": …,` and `}`: line 3 is the first of them. */
function file(...lines: string[]): string {
  return ['{', '  "$schema": "./schema/announcements.schema.json",', ...lines, '}', ''].join('\n');
}

const A = 'playlists/announcements.json';

describe('announcements.json: what the schema cannot say', () => {
  it('a valid file loads with no findings', () => {
    expect(
      findings(
        file(
          '  "timed": [{ "id": "belongings", "cron": "0,30 9-19 * * *", "text": { "zh-CN": "请保管好您的随身物品。", "en": "Please keep your belongings with you." } }],',
          '  "careRules": [{ "id": "busy", "service": "A", "waitingAtLeast": 25, "slide": { "title": { "zh-CN": "自助办理" }, "image": "images/slide.png" } }],',
          '  "templates": { "closing": { "zh-CN": "{minutes}分钟后结束营业", "en": "Closing in {minutes} minutes" } }',
        ),
      ),
    ).toEqual([]);
  });

  it('ids are unique across timed notices and care rules; the duplicate names the first', () => {
    expect(
      findings(
        file(
          '  "timed": [',
          '    { "id": "notice", "cron": "0 9 * * *", "text": { "zh-CN": "一", "en": "one" } },',
          '    { "id": "notice", "cron": "0 10 * * *", "text": { "zh-CN": "二", "en": "two" } }',
          '  ],',
          '  "careRules": [{ "id": "notice", "service": "A", "waitingAtLeast": 5, "text": { "zh-CN": "三", "en": "three" } }]',
        ),
      ),
    ).toEqual([
      `${A}:5:13: error: duplicate id "notice" (timed[0] has it too): give each timed notice and care rule its own id`,
      `${A}:7:25: error: duplicate id "notice" (timed[0] has it too): give each timed notice and care rule its own id`,
    ]);
  });

  it('a cron expression that does not parse is reported at the expression, with the field at fault', () => {
    expect(findings(file('  "timed": [{ "id": "n", "cron": "0 25 * * *", "text": { "zh-CN": "一", "en": "one" } }]'))).toEqual([
      `${A}:3:34: error: cron "0 25 * * *": hour: "25" is out of range: hours run 0-23`,
    ]);
  });

  it('dates must exist and a validity range must not run backwards', () => {
    expect(
      findings(
        file(
          '  "timed": [{',
          '    "id": "n", "cron": "0 9 * * *", "text": { "zh-CN": "一", "en": "one" },',
          '    "validFrom": "2026-12-31", "validTo": "2026-12-01", "except": ["2026-02-30"]',
          '  }]',
        ),
      ),
    ).toEqual([
      `${A}:5:43: error: validTo 2026-12-01 is before validFrom 2026-12-31, so it never applies: swap or fix the dates`,
      `${A}:5:68: error: "2026-02-30" is not a real date: check the month and day`,
    ]);
  });

  it('quiet hours are whole minutes and not empty', () => {
    expect(
      findings(
        file(
          '  "quietHours": [',
          '    { "from": "20:30:15", "to": "08:00" },',
          '    { "from": "00:00", "to": "24:00" }',
          '  ]',
        ),
      ),
    ).toEqual([
      `${A}:4:15: error: quiet hours run in whole minutes: write "20:30" (HH:MM), not "20:30:15"`,
      `${A}:5:30: error: quiet hours 00:00–24:00 are empty or all day: give different times, e.g. "from": "20:30", "to": "08:00" (to ≤ from crosses midnight)`,
    ]);
  });

  it('text must exist in every language it is read in: its own "languages", else the file\'s, else zh-CN and en', () => {
    expect(
      findings(
        file(
          '  "timed": [',
          '    { "id": "default-languages", "cron": "0 9 * * *", "text": { "zh-CN": "一" } },',
          '    { "id": "own-languages", "cron": "0 10 * * *", "languages": ["en"], "text": { "zh-CN": "二" } },',
          '    { "id": "chinese-only", "cron": "0 11 * * *", "languages": ["zh-CN"], "text": { "zh-CN": "三" } }',
          '  ]',
        ),
      ),
    ).toEqual([
      `${A}:4:63: error: timed[0].text has no "en", but this notice is read in zh-CN, en: add "en", or set "languages": ["zh-CN"]`,
      `${A}:5:81: error: timed[1].text has no "en", but this notice is read in en: add "en", or set "languages": ["zh-CN"]`,
    ]);
    expect(findings(file('  "languages": ["zh-CN"],', '  "timed": [{ "id": "n", "cron": "0 9 * * *", "text": { "zh-CN": "一" } }]'))).toEqual([]);
  });

  it('spoken text is at most 500 characters, counted as the speech engine does, and not blank', () => {
    const long = '请'.repeat(MAX_SPEECH_CHARS + 1);
    expect(
      findings(
        file(
          '  "timed": [',
          `    { "id": "long", "cron": "0 9 * * *", "text": { "zh-CN": "${long}", "en": "one" } },`,
          `    { "id": "fits", "cron": "0 9 * * *", "text": { "zh-CN": "  ${'😀'.repeat(MAX_SPEECH_CHARS)}  ", "en": "one" } },`,
          '    { "id": "blank", "cron": "0 10 * * *", "text": { "zh-CN": "二", "en": "   " } }',
          '  ]',
        ),
      ),
    ).toEqual([
      `${A}:4:61: error: the zh-CN text is 501 characters; speech is limited to 500: shorten it or split it into two`,
      `${A}:6:74: error: the en text is blank: write what to say`,
    ]);
  });

  it('warns that day classes need the schedule\'s calendar', () => {
    const schedule = '{ "$schema": "./schema/schedule.schema.json", "timezone": "Asia/Shanghai", "entries": [] }\n';
    expect(
      findings(file('  "timed": [{ "id": "n", "cron": "0 9 * * *", "days": ["holiday"], "text": { "zh-CN": "一", "en": "one" } }]'), {
        'queue.json': QUEUE,
        'schedule.json': schedule,
      }),
    ).toEqual([
      `${A}:3:55: warning: workday, restday and holiday need a calendar: set "calendar" in schedule.json, or only Monday–Friday count as workdays and no day as a holiday`,
    ]);
  });
});

describe('announcements.json: care rules', () => {
  const rule = (fields: string): string => file(`  "careRules": [{ "id": "busy", ${fields} }]`);

  it('name a service of queue.json, with a guess for a near miss', () => {
    expect(findings(rule('"service": "a", "waitingAtLeast": 25, "slide": { "title": { "zh-CN": "自助办理" } }'))).toEqual([
      `${A}:3:44: error: unknown service "a": did you mean "A"? queue.json has: A, B, V`,
    ]);
  });

  it('need queue.json', () => {
    expect(findings(rule('"service": "A", "waitingAtLeast": 25, "slide": { "title": { "zh-CN": "自助办理" } }'), {})).toEqual([
      `${A}:3:16: error: care rules need playlists/queue.json, the services they watch: add queue.json to this folder, or remove "careRules"`,
    ]);
  });

  it('are not checked against a queue.json that has errors of its own', () => {
    const broken = QUEUE.replace('"serviceMinutes": 6', '"serviceMinutes": "6"');
    expect(findings(rule('"service": "X", "waitingAtLeast": 25, "slide": { "title": { "zh-CN": "自助办理" } }'), { 'queue.json': broken })).toEqual([
      'playlists/queue.json:4:65: error: "services[0].serviceMinutes" must be a number (found "6")',
    ]);
  });

  it('need a threshold', () => {
    expect(findings(rule('"service": "A", "everyMinutes": 10, "slide": { "title": { "zh-CN": "自助办理" } }'))).toEqual([
      `${A}:3:17: error: care rule "busy" never fires: give "waitingAtLeast" (tickets waiting) or "estimateMinutesAtLeast" (minutes of estimated wait), or both`,
    ]);
    expect(findings(rule('"service": "A", "estimateMinutesAtLeast": 20, "slide": { "title": { "zh-CN": "自助办理" } }'))).toEqual([]);
  });

  it('need something to say or show', () => {
    expect(findings(rule('"service": "A", "waitingAtLeast": 25'))).toEqual([
      `${A}:3:17: error: care rule "busy" has nothing to say or show: add "text" (read out) or "slide" (shown over the programme), or both`,
    ]);
  });

  it('read their text in every language', () => {
    expect(findings(rule('"service": "A", "waitingAtLeast": 25, "text": { "zh-CN": "请到自助终端办理" }'))).toEqual([
      `${A}:3:79: error: careRules[0].text has no "en", but this rule is read in zh-CN, en: add "en", or set "languages": ["zh-CN"]`,
    ]);
  });

  it('show a picture from the assets folder', () => {
    const slide = (image: string): string => rule(`"service": "A", "waitingAtLeast": 25, "slide": { "title": { "zh-CN": "自助办理" }, "image": "${image}" }`);
    expect(findings(slide('images/missing.png'))).toEqual([`${A}:3:121: error: media file not found: assets/images/missing.png: copy the file there or fix the path`]);
    expect(findings(slide('video/clip.mp4'))).toEqual([
      `${A}:3:121: error: "video/clip.mp4" is not an image the screen can show (.png .jpg .jpeg .webp .gif .avif): convert it to PNG, JPEG or WebP`,
    ]);
    expect(findings(slide('../../etc/passwd'))).toEqual([
      `${A}:3:121: error: media path "../../etc/passwd" leaves the assets/ folder: media must be inside it; copy the file there and give its path relative to assets/`,
    ]);
  });
});

describe('announcements.json: emergency templates', () => {
  const emergency = (...lines: string[]): string => file('  "emergencyTemplates": {', ...lines, '  }');

  it('ids are short lowercase names; the words are read as they are, with no placeholders', () => {
    expect(
      findings(
        emergency(
          '    "Fire": { "level": "alert", "text": { "zh-CN": "火警", "en": "Fire" } },',
          '    "closing": { "level": "notice", "text": { "zh-CN": "{minutes}分钟后结束营业", "en": "Closing" } }',
        ),
      ),
    ).toEqual([
      `${A}:4:5: error: emergency template id "Fire" is not valid: start with a lowercase letter, then lowercase letters, digits and '-', at most 32 characters (e.g. "fire-drill")`,
      `${A}:5:56: error: emergency template "closing" (zh-CN) has a { or }: emergency templates are read word for word, with no placeholders`,
    ]);
  });

  it('a level and both languages are required (the schema)', () => {
    expect(findings(emergency('    "drill": { "level": "panic", "text": { "zh-CN": "演习" } }'))).toEqual([
      `${A}:4:25: error: "emergencyTemplates.drill.level" must be one of "notice", "alert", "evacuate" (found "panic")`,
      `${A}:4:42: error: "emergencyTemplates.drill.text" lacks "en": add it`,
    ]);
  });
});

describe('announcements.json: templates', () => {
  const templates = (...lines: string[]): string => file('  "templates": {', ...lines, '  }');

  it('ids are short lowercase names, reported at the key', () => {
    expect(findings(templates('    "Closing": { "zh-CN": "结束营业", "en": "Closing" }'))).toEqual([
      `${A}:4:5: error: template id "Closing" is not valid: start with a lowercase letter, then lowercase letters, digits and '-', at most 32 characters (e.g. "counter-closed")`,
    ]);
  });

  it('a stray or malformed brace is an error naming the character', () => {
    expect(
      findings(
        templates(
          '    "open": { "zh-CN": "{counter号窗口", "en": "Counter {counter}" },',
          '    "close": { "zh-CN": "{counter}号窗口}", "en": "Counter {counter}" },',
          '    "upper": { "zh-CN": "{Counter}号窗口", "en": "Counter {Counter}" }',
        ),
      ),
    ).toEqual([
      `${A}:4:24: error: template "open" (zh-CN): "{" at character 1 is not closed: write a placeholder as {name}, e.g. {minutes}`,
      `${A}:5:25: error: template "close" (zh-CN): "}" at character 13 closes nothing: braces only mark placeholders such as {minutes}; remove it`,
      `${A}:6:25: error: template "upper" (zh-CN): "{Counter}" at character 1 is not a placeholder: a name starts with a lowercase letter, then letters, digits or _, e.g. {minutes}`,
      `${A}:6:47: error: template "upper" (en): "{Counter}" at character 9 is not a placeholder: a name starts with a lowercase letter, then letters, digits or _, e.g. {minutes}`,
    ]);
  });

  it('every language uses the same placeholders; the error names the difference', () => {
    expect(findings(templates('    "closing": { "zh-CN": "{minutes}分钟后结束营业", "en": "Closing in {mins} minutes at {counter}" }'))).toEqual([
      `${A}:4:53: error: template "closing": en uses {mins}, {counter}, which zh-CN does not; zh-CN uses {minutes}, which en does not: use the same placeholders in every language`,
    ]);
  });

  it('exist in every language of the file and fit the speech limit', () => {
    expect(findings(templates('    "closing": { "zh-CN": "结束营业" },', `    "long": { "zh-CN": "${'请'.repeat(MAX_SPEECH_CHARS + 1)}", "en": " " }`))).toEqual([
      `${A}:4:16: error: template "closing" has no "en", but PA messages are read in zh-CN, en: add "en", or set "languages": ["zh-CN"] at the top of the file`,
      `${A}:5:24: error: template "long" (zh-CN) is 501 characters; speech is limited to 500: shorten it or split it into two`,
      `${A}:5:${34 + MAX_SPEECH_CHARS + 1}: error: template "long" (en) is blank: write what to say`,
    ]);
  });
});

describe('announcements.json: speech command', () => {
  const tts = (voices: string): string => file(`  "tts": { "engine": "command", "id": "piper-v1", "voices": ${voices} }`);

  it('each voice runs a program that writes {out}', () => {
    expect(findings(tts('{ "zh-CN": [], "en": ["piper", "--model", "en.onnx"] }'))).toEqual([
      `${A}:3:72: error: the command for "zh-CN" is empty: give the program and its arguments, e.g. ["piper", "--model", "voice.onnx", "--output_file", "{out}"]`,
      `${A}:3:82: error: the command for "en" never names {out}, so its audio cannot be found: pass "{out}" where the program takes the WAV file to write, e.g. "--output_file", "{out}"`,
    ]);
  });

  it('has a voice for every language read', () => {
    expect(findings(tts('{ "zh-CN": ["piper", "--output_file", "{out}"] }'))).toEqual([
      `${A}:3:61: error: no voice for "en", which announcements are read in: add "en": [..., "{out}"], or stop reading "en" ("languages")`,
    ]);
    expect(findings(`${tts('{ "zh-CN": ["piper", "--output_file", "{out}"] }').slice(0, -3)},\n  "languages": ["zh-CN"]\n}\n`)).toEqual([]);
  });
});

describe('announcements.json: the schema', () => {
  it('unknown keys are warnings and values out of range errors, each at its place', () => {
    expect(findings(file('  "calls": { "repat": 2, "maxAgeSeconds": 0 },', '  "duck": { "depthDb": -60 }'))).toEqual([
      `${A}:3:14: warning: unknown key "repat" is ignored: did you mean "repeat"?`,
      `${A}:3:43: error: "calls.maxAgeSeconds" must be >= 1 (found 0)`,
      `${A}:4:24: error: "duck.depthDb" must be >= -40 (found -60)`,
    ]);
  });

  it('a command engine needs an id and voices; espeak takes only a rate', () => {
    expect(findings(file('  "tts": { "engine": "command" }'))).toEqual([
      `${A}:3:10: error: "tts" lacks "id": add it (Names the engine in the speech cache; change it when the model changes, so old audio is not reused.)`,
      `${A}:3:10: error: "tts" lacks "voices": add it (Per language, the program and its arguments (no shell): the text arrives on stdin, {out} is the WAV file to write, {rate} the rate.)`,
    ]);
    expect(findings(file('  "tts": { "engine": "espeak", "voices": {} }'))).toEqual([
      `${A}:3:32: warning: unknown key "voices" is ignored: remove it (known keys: engine, rate)`,
    ]);
  });
});

describe('loading announcements.json', () => {
  it('fills config.announcements with the file, or null without one', () => {
    const text = file('  "chime": false,', '  "quietHours": [{ "from": "22:00", "to": "07:00" }]');
    expect(load(text).config?.announcements).toEqual({ $schema: './schema/announcements.schema.json', chime: false, quietHours: [{ from: '22:00', to: '07:00' }] });
    const absent = load(null);
    expect(absent.diagnostics).toEqual([]);
    expect(absent.config?.announcements).toBeNull();
  });

  it('refuses the folder when the file has errors', () => {
    expect(load(file('  "chime": "yes"')).config).toBeNull();
  });
});

describe('announcementLanguages', () => {
  it("is the item's own, else the file's, else zh-CN then en; a fresh array each time", () => {
    expect(announcementLanguages(null)).toEqual(['zh-CN', 'en']);
    expect(announcementLanguages({ languages: ['en'] })).toEqual(['en']);
    expect(announcementLanguages({ languages: ['en'] }, ['zh-CN'])).toEqual(['zh-CN']);
    announcementLanguages(null).pop();
    expect(announcementLanguages(null)).toEqual(['zh-CN', 'en']);
  });
});

describe('the shipped announcements.json', () => {
  const result = loadPlaylists(path.join(ROOT, 'playlists'), { assetsDir: path.join(ROOT, 'assets'), now: MID_2026 });
  const announcements = result.config?.announcements ?? null;

  it('loads with no findings', () => {
    expect(result.diagnostics).toEqual([]);
    expect(announcements?.timed?.map((t) => t.id)).toEqual(['belongings', 'closing-soon', 'priority-lane']);
  });

  it('has templates a PA system can fill in both languages', () => {
    const templates = announcements?.templates ?? {};
    expect(fillTemplate(templates.closing!['zh-CN'], { minutes: '15' })).toBe('本营业厅将于15分钟后结束营业，请您合理安排时间。');
    expect(fillTemplate(templates['counter-closed']!.en!, { counter: '3' })).toBe('Counter 3 is now closed. Please use another counter.');
    expect(Object.keys(templates)).toEqual(['closing', 'counter-closed', 'counter-open']);
  });

  it('has the four emergency templates, each in Chinese and English, at their levels', () => {
    const emergency = announcements?.emergencyTemplates ?? {};
    expect(Object.fromEntries(Object.entries(emergency).map(([id, t]) => [id, t.level]))).toEqual({ evacuation: 'evacuate', 'fire-drill': 'alert', 'system-failure': 'alert', 'closing-early': 'notice' });
    for (const t of Object.values(emergency)) expect(t.text).toEqual({ 'zh-CN': expect.stringMatching(/[\u4e00-\u9fff]/), en: expect.stringMatching(/^[A-Z]/) });
  });

  it('diverts the general queue to self-service when it is long', () => {
    expect(announcements?.careRules).toEqual([
      expect.objectContaining({ service: 'A', waitingAtLeast: 25, estimateMinutesAtLeast: 20, everyMinutes: 15, slide: expect.objectContaining({ title: expect.objectContaining({ en: expect.any(String) }) }) }),
    ]);
  });
});

describe('announcements.json: speakerGraceSeconds', () => {
  it('is a number of seconds, 0–3600; a wrong one is reported at the value with the range', () => {
    expect(findings(file('  "speakerGraceSeconds": 0'))).toEqual([]);
    expect(findings(file('  "speakerGraceSeconds": 90'))).toEqual([]);
    expect(findings(file('  "speakerGraceSeconds": -5'))).toEqual([`${A}:3:26: error: "speakerGraceSeconds" must be >= 0 (found -5)`]);
    expect(findings(file('  "speakerGraceSeconds": "60"'))).toEqual([`${A}:3:26: error: "speakerGraceSeconds" must be a number (found "60")`]);
    expect(findings(file('  "speakerGraceSeconds": 7200'))).toEqual([`${A}:3:26: error: "speakerGraceSeconds" must be <= 3600 (found 7200)`]);
  });
});
