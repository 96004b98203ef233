/**
 * Everything the hall says, wired for the host: the PA desk, its log, speech for free text, and the
 * three automatic triggers — queue calls, timed notices, care rules (with their diversion slide).
 */
import path from 'node:path';
import type { DiversionSlide } from '../../../contract/messages.js';
import { mediaUrl } from '../../domain/display/display-state.js';
import { openDailyJsonl, type DailyJsonl } from '../log/daily-jsonl.js';
import type { AnnouncementsFile, CareRule, HallConfig, Lang } from '../../../contract/hall-config.js';
import type { QueueSlot } from '../queue-hub/queue-slot.js';
import type { Clock, Log, Timers } from '../../ports.js';
import type { Health } from '../../domain/health/health.js';
import { TimeZone } from '../../domain/time/time-zone.js';
import { DEFAULT_LANGUAGES, parseAnnounceRequest, AnnounceRequestError, type AnnounceIntent } from './announce-request.js';
import { createAnnouncementDesk, type AnnounceOutcome, type AnnouncementDesk } from './announcement-desk.js';
import type { AnnouncementLogRecord } from './announcement-log.js';
import { createEmergencyDesk, type EmergencyDesk } from './emergency-desk.js';
import { openKeptEmergency } from './kept-emergency.js';
import type { EmergencyRecord } from '../../domain/emergency/emergency.js';
import type { CareAlert } from '../../../contract/status-view.js';
import { CALLS_READ_PER_BATCH, watchCalls } from './call-trigger.js';
import { DEFAULT_SLIDE_SECONDS, dueCareRules, overloadedRules, type CareRuleHit } from './care-rules.js';
import { createSpeechClips } from './speech-clips.js';
import { compileTimed } from './timed-occurrences.js';
import { createTimedTrigger } from './timed-trigger.js';
import { loadVoicePacks } from './voice-packs.js';
import { CARE_SLIDE_BACKGROUND, HALL_TIME_ZONE } from '../../../contract/hall-defaults.js';

const DEFAULT_TIMED_EXPIRY_SECONDS = 600;
const DEFAULT_TIMED_WAIT = { maxWaitSeconds: 120, then: 'play' as const };
const CARE_EXPIRY_MS = 600_000;
/** Timed phrases are rendered this long after a (re)load, off the display's cold start. */
const PRERENDER_DELAY_MS = 5_000;

export interface PaDeskOptions {
  assetsDir: string;
  /** Rendered speech (WAV), served at /speech/. */
  speechDir: string;
  /** The announcement log's folder; null keeps none (tests). */
  logDir: string | null;
  /** The state folder, where the active emergency is kept across restarts; absent: in memory only (tests). */
  stateDir?: string | null;
  clock: Pick<Clock, 'now'>;
  timers: Timers;
  log: Log;
  queue: QueueSlot;
  /** Called when the diversion slide appears or goes: the host publishes a new display state. */
  onDiversion(): void;
  /** Where the log and the speech cache report a disk that refuses their writes. */
  health?: Health;
  /** An emergency refused over its budget (the host counts these in health). */
  onRefused?(reason: string): void;
  /** Every line of the announcement log as it is written (the metrics count outcomes by it). */
  onRecord?(entry: AnnouncementLogRecord): void;
}

export interface PaDesk {
  readonly desk: AnnouncementDesk;
  /** The emergency takeover: raised, read on repeat, cleared (emergency-desk.ts). */
  readonly emergency: EmergencyDesk;
  readonly speechDir: string;
  configure(config: HallConfig): void;
  /** POST /api/announce: the body checked, composed and queued. */
  request(body: unknown): Promise<AnnounceOutcome>;
  diversion(): DiversionSlide | null;
  /** Care rules whose condition holds now, for /api/status. */
  alerts(): CareAlert[];
  /**
   * The wall clock stepped by `jumpedMs`: timed notices re-check at once, and what is measured in
   * elapsed time (a care rule's "not again within N minutes", the diversion slide's end) moves with
   * the clock, so a step back does not silence a rule for an hour and a step forward does not end
   * the slide early.
   */
  clockStepped(jumpedMs: number): void;
  stop(): void;
}

export function createPaDesk(options: PaDeskOptions): PaDesk {
  const { log } = options;
  let zone = TimeZone.of(HALL_TIME_ZONE);
  let file: AnnouncementsFile | null = null;
  const journal: DailyJsonl<AnnouncementLogRecord | EmergencyRecord> | null = options.logDir
    ? openDailyJsonl(options.logDir, () => zone, { name: 'announcements', health: options.health ?? null })
    : null;
  const speech = createSpeechClips(options.speechDir, options.health);
  const desk = createAnnouncementDesk({
    clock: options.clock,
    timers: options.timers,
    log,
    record: (entry) => {
      options.onRecord?.(entry);
      journal?.write(entry, entry.at);
      // The takeover follows its readings through the desk's own lines.
      emergency.observe(entry);
    },
    speak: (text, lang) => speech.speak(text, lang),
    ...(options.onRefused ? { refused: options.onRefused } : {}),
  });
  const emergency = createEmergencyDesk({
    clock: options.clock,
    timers: options.timers,
    log,
    desk,
    record: (entry) => journal?.write(entry, entry.at),
    templates: () => file?.emergencyTemplates ?? {},
    chime: () => file?.chime ?? true,
    ...(options.stateDir ? { kept: openKeptEmergency(options.stateDir, { log, health: options.health }) } : {}),
  });
  // A player restarted during an emergency takes the hall over again before anything else plays.
  emergency.restore();
  const queued = (promise: Promise<AnnounceOutcome>, what: Record<string, unknown>): void => {
    void promise.then((outcome) => {
      if (!outcome.ok) log.warn('announcement not queued', { ...what, error: outcome.error });
    });
  };

  const timed = createTimedTrigger({
    clock: options.clock,
    timers: options.timers,
    log,
    graceMs: (id) => (file?.timed?.find((t) => t.id === id)?.expiresAfterSeconds ?? DEFAULT_TIMED_EXPIRY_SECONDS) * 1000,
    fire(occurrence) {
      const entry = file?.timed?.find((t) => t.id === occurrence.id);
      if (!entry) return;
      const wait = entry.wait ?? DEFAULT_TIMED_WAIT;
      const intent = textIntent(entry.text, entry.languages ?? file?.languages, entry.repeat ?? 1, (entry.expiresAfterSeconds ?? DEFAULT_TIMED_EXPIRY_SECONDS) * 1000, file);
      queued(desk.announce(intent, { source: 'timed', key: `timed:${entry.id}`, requestedAt: occurrence.at, waitPolicy: { maxWaitMs: wait.maxWaitSeconds * 1000, then: wait.then } }), { timed: entry.id });
    },
  });

  const stopCalls = watchCalls({
    subscribe: (listener) => options.queue.subscribeCalls(listener),
    settings: () => file,
    announce: (intent, key) => queued(desk.announce(intent, { source: 'queue', key }), { key }),
    unread: (count) => options.log.warn(`queue: ${count} calls of one batch not read out: only the newest ${CALLS_READ_PER_BATCH} can be heard before they expire`),
  });

  // Care rules: last firing per rule (host clock) and the slide on screen.
  const lastFired = new Map<string, number>();
  let slide: DiversionSlide | null = null;
  let cancelSlide: (() => void) | null = null;
  let overloaded: CareRuleHit[] = [];
  const fireCare = (hit: CareRuleHit): void => {
    const { rule } = hit;
    const now = options.clock.now();
    lastFired.set(rule.id, now);
    log.info('care rule fired', { rule: rule.id, reason: hit.reason });
    if (rule.text) {
      const intent = textIntent(rule.text, rule.languages ?? file?.languages, 1, CARE_EXPIRY_MS, file);
      queued(desk.announce(intent, { source: 'care', key: `care:${rule.id}`, waitPolicy: { maxWaitMs: 120_000, then: 'play' } }), { rule: rule.id });
    }
    if (rule.slide) showSlide(rule, now);
  };
  const showSlide = (rule: CareRule, now: number): void => {
    const s = rule.slide!;
    const until = now + (s.seconds ?? DEFAULT_SLIDE_SECONDS) * 1000;
    slide = {
      rule: rule.id,
      title: s.title,
      body: s.body ?? null,
      image: s.image ? mediaUrl(s.image) : null,
      background: s.background ?? CARE_SLIDE_BACKGROUND,
      color: s.color ?? '#ffffff',
      until,
    };
    cancelSlide?.();
    cancelSlide = options.timers.after(until - now, () => {
      slide = null;
      options.onDiversion();
    });
    options.onDiversion();
  };
  const unsubscribeCare = options.queue.subscribeWaits((waits) => {
    const rules = file?.careRules ?? [];
    if (!waits || rules.length === 0) {
      overloaded = [];
      return;
    }
    overloaded = overloadedRules(rules, waits);
    for (const hit of dueCareRules(rules, waits, lastFired, options.clock.now())) fireCare(hit);
  });

  let prerender: (() => void) | null = null;
  // Set by stop(): the phrases rendered ahead of time stop there.
  let stopped = false;
  return {
    desk,
    emergency,
    speechDir: options.speechDir,
    configure(config) {
      zone = TimeZone.of(config.schedule.timezone);
      file = config.announcements;
      speech.configure(file?.tts);
      desk.configure(file, zone, loadVoicePacks(options.assetsDir, log));
      timed.load(file?.timed?.length ? compileTimed(file.timed, config.schedule.timezone, config.schedule.calendar, config.calendars) : null);
      // Render the phrases the hall will say on its own ahead of time, so they start at once.
      prerender?.();
      const phrases = spokenPhrases(file);
      prerender = phrases.length === 0 ? null : options.timers.after(PRERENDER_DELAY_MS, () => void renderAll(phrases));
    },
    async request(body) {
      let intent: AnnounceIntent;
      try {
        intent = parseAnnounceRequest(body, file);
      } catch (error) {
        if (error instanceof AnnounceRequestError) return { ok: false, id: null, reason: 'invalid-request', error: error.message };
        throw error;
      }
      return desk.announce(intent, { source: 'api', ...(intent.key ? { key: intent.key } : {}) });
    },
    diversion: () => (slide && slide.until > options.clock.now() ? slide : null),
    alerts: () => overloaded.map((hit) => ({ kind: 'care-rule', rule: hit.rule.id, reason: hit.reason })),
    clockStepped(jumpedMs) {
      for (const [rule, at] of lastFired) lastFired.set(rule, at + jumpedMs);
      if (slide) slide = { ...slide, until: slide.until + jumpedMs };
      timed.recheck();
    },
    stop() {
      stopped = true;
      emergency.stop();
      desk.stop();
      timed.stop();
      stopCalls();
      unsubscribeCare();
      cancelSlide?.();
      prerender?.();
      speech.close();
      journal?.close();
    },
  };

  async function renderAll(phrases: { text: string; lang: Lang }[]): Promise<void> {
    for (const p of phrases) {
      if (stopped) return;
      try {
        await speech.speak(p.text, p.lang);
      } catch (error) {
        log.warn('could not render a timed phrase ahead of time', { text: p.text, lang: p.lang, error: (error as Error).message });
      }
    }
  }
}

function textIntent(text: Partial<Record<Lang, string>>, languages: readonly Lang[] | undefined, repeat: number, expiresInMs: number, file: AnnouncementsFile | null): AnnounceIntent {
  const order = (languages ?? DEFAULT_LANGUAGES).filter((lang) => text[lang] !== undefined);
  return {
    what: 'text',
    texts: order.map((lang) => ({ lang, text: text[lang]! })),
    kind: 'care',
    repeat,
    expiresInMs,
    chime: file?.chime ?? true,
    languages: order,
  };
}

function spokenPhrases(file: AnnouncementsFile | null): { text: string; lang: Lang }[] {
  const out: { text: string; lang: Lang }[] = [];
  const add = (text: Partial<Record<Lang, string>> | undefined, languages: readonly Lang[] | undefined): void => {
    if (!text) return;
    for (const lang of languages ?? file?.languages ?? DEFAULT_LANGUAGES) if (text[lang]) out.push({ text: text[lang], lang });
  };
  for (const t of file?.timed ?? []) add(t.text, t.languages);
  for (const r of file?.careRules ?? []) add(r.text, r.languages);
  return out;
}

export const ANNOUNCEMENT_LOG_FOLDER = 'announcements';
export const speechFolderOf = (stateDir: string): string => path.join(stateDir, 'speech');
