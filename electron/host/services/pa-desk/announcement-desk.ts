/**
 * The host's PA desk: the pure announcement queue (../announce/) with its clock, timers, displays
 * and log around it. Requests come from the API, the queue board, timed entries and care rules;
 * the desk composes what to say, keeps one announcement on air at a time, sends it to the
 * displays (one speaks, the others show the banner), and logs every step.
 */
import type { Refusal } from '../../../contract/refusal.js';
import { randomUUID } from 'node:crypto';
import type { AnnouncementPlay, AnnouncementReport, AudioOutput, DuckPlan } from '../../../contract/messages.js';
import type { Announcement, WaitPolicy } from '../../../contract/announcement.js';
import { EMERGENCY_LIMIT, createQueue, emergencyRefusal, finished, next, prune, request, started, withdraw, type AnnouncementEffect, type AnnouncementQueue, type AnnouncementQueueConfig } from '../../domain/announcements/announcement-queue.js';
import { snapshot } from '../../domain/announcements/snapshot.js';
import type { AnnouncementsView, Clip, ItemView, PaReach, Spoken } from '../../../contract/announcements-view.js';
import type { AnnouncementsFile, Lang } from '../../../contract/hall-config.js';
import type { Clock, Log, Timers } from '../../ports.js';
import type { TimeZone } from '../../domain/time/time-zone.js';
import type { AnnounceIntent } from './announce-request.js';
import type { AnnouncementLogRecord, AnnouncementSource } from './announcement-log.js';
import { DisplayRoster, type AnnounceSend, type Seating } from './display-roster.js';
import { DEFAULT_SPEAKER_GRACE_SECONDS, paReach, reachRefusal } from './pa-reach.js';
import { composeCall, composeText, spokenDurationMs, type VoicePacks } from './spoken.js';

export const DEFAULT_DUCK: DuckPlan = { depthDb: -15, attackSeconds: 0.5, releaseSeconds: 1.5 };
export const DEFAULT_REPEAT_PAUSE_SECONDS = 0.8;
/** Re-check the queue at least this often: a timer may fire late after a suspend (STYLE.md). */
const RECHECK_MS = 30_000;

export interface DeskDeps {
  clock: Pick<Clock, 'now'>;
  timers: Pick<Timers, 'after'>;
  log: Log;
  /** The announcement log (announcement-log.ts); a no-op in tests that do not read it. */
  record(entry: AnnouncementLogRecord): void;
  /** Free text → a speech clip (the speech cache); null: this player cannot speak free text. */
  speak: ((text: string, lang: Lang) => Promise<Clip>) | null;
  /**
   * An emergency refused over its budget: counted by the host (health `dropped-reports`), not one
   * fsync'd log line each — a flood of 3,000 would otherwise cost the disk 3,000 syncs.
   */
  refused?(reason: string): void;
}

export interface AnnounceOptions {
  source: AnnouncementSource;
  /** Merges with a waiting request of the same key (a recall with its call). */
  key?: string;
  /** Default: now. A timed notice's requestedAt is its scheduled time. */
  requestedAt?: number;
  waitPolicy?: WaitPolicy;
}

export type AnnounceOutcome =
  | { ok: true; id: string; state: 'queued' | 'merged'; into?: string }
  /** Refused: with `reach` when no display can speak it (pa-reach.ts). */
  | (Refusal<AnnounceRefusal> & { id: string | null; reach?: PaReach });

/** Why an announcement was refused (electron/contract/refusal.ts). */
export type AnnounceRefusal = 'invalid-request' | 'refused-by-queue' | 'too-many-emergencies' | 'no-speaker' | 'speech-failed';

export interface AnnouncementDesk {
  configure(file: AnnouncementsFile | null, zone: TimeZone, packs: VoicePacks): void;
  readonly settings: AnnouncementsFile | null;
  /** A display joins (it said hello); it speaks only once it reports its audio `ready`. */
  attach(display: string, send: AnnounceSend): () => void;
  /** displays.json's speaker and standbys (null: none named, the most recent `ready` display speaks). */
  seating(seating: Seating | null): void;
  /** A display's PA role under the seating, for status. */
  role(display: string): 'speaker' | 'standby' | null;
  /** The display's audio output changed: the most recent `ready` one speaks. */
  audio(display: string, output: AudioOutput): void;
  /** The display stopped heartbeating (false) or came back (true): a lost display cannot speak. */
  alive(display: string, alive: boolean): void;
  report(display: string, report: AnnouncementReport): void;
  announce(intent: AnnounceIntent, options: AnnounceOptions): Promise<AnnounceOutcome>;
  /** Whether the PA can be heard now, and what a request would be refused for. */
  reach(): PaReach;
  /**
   * While held (an emergency takeover), nothing but emergencies starts: the rest waits, and goes
   * as it expires. Released, the queue goes on from where it was.
   */
  hold(held: boolean): void;
  /** Takes an announcement back, playing (stopped on every display) or waiting. */
  withdraw(id: string, reason: string): void;
  view(): AnnouncementsView;
  stop(): void;
}

export function createAnnouncementDesk(deps: DeskDeps): AnnouncementDesk {
  const roster = new DisplayRoster();
  let file: AnnouncementsFile | null = null;
  let packs: VoicePacks = new Map();
  let zone: TimeZone | null = null;
  let q: AnnouncementQueue = createQueue();
  /** Which display speaks the current play. */
  let onAir: { id: string; display: string; play: AnnouncementPlay } | null = null;
  let cancelWake: (() => void) | null = null;
  let stopped = false;
  let held = false;
  /** Who speaks, and since when that display has (or since when none has: the start, at the latest). */
  let speakerNow: string | null = null;
  let speakerSince = deps.clock.now();
  /** The silent spell whose refusals were last logged (one line each, not one per request). */
  let refusalLogged: string | null = null;
  /** Emergencies accepted but still being composed, by key (or a one-off id), with how many of each. */
  const composing = new Map<string, number>();

  const queueConfig = (): AnnouncementQueueConfig => ({
    maxPending: file?.maxPending ?? 50,
    quietHours: file?.quietHours ?? [],
    localMinuteOfDay: (ms) => {
      const t = Math.floor(ms / 1000);
      const wall = zone ? zone.wallAt(t) : t;
      return Math.floor((((wall % 86_400) + 86_400) % 86_400) / 60);
    },
    formatInstant: (ms) => (zone ? localTime(zone, ms) : new Date(ms).toISOString()),
  });

  const apply = (effects: readonly AnnouncementEffect[]): void => {
    // The speaker never reported the end in time (the queue gave up on it): the next ready display takes the PA.
    if (onAir && effects.some((e) => e.type === 'dropped' && e.id === onAir?.id)) roster.demote(onAir.display);
    for (const e of effects) {
      if (e.type === 'requested') continue; // logged with its content by announce()
      if (e.type === 'ended') deps.record({ event: 'ended', at: e.at, id: e.id, failure: e.failure });
      else if (e.type === 'merged') deps.record({ event: 'merged', at: e.at, id: e.id, into: e.into, merged: e.merged });
      else if (e.type === 'started') continue; // logged from the display's report, with the display
      else deps.record({ event: e.type, at: e.at, id: e.id, reason: e.reason });
      if (e.type === 'dropped' || e.type === 'rejected') deps.log.warn(`announcement ${e.type}`, { id: e.id, reason: e.reason });
      if (e.type === 'stop') {
        if (onAir?.id === e.id) onAir = null;
        roster.each(() => ({ type: 'stop', id: e.id, reason: e.reason }));
      }
    }
  };

  const toPlay = (a: Announcement): Omit<AnnouncementPlay, 'speak'> => {
    const spoken = a.payload as Spoken;
    return {
      id: a.id,
      kind: a.kind,
      clips: spoken.clips.map((c) => c.url),
      leadIn: spoken.leadIn,
      repeat: a.repeat,
      pauseSeconds: file?.repeatPauseSeconds ?? DEFAULT_REPEAT_PAUSE_SECONDS,
      duck: { ...DEFAULT_DUCK, ...file?.duck },
      lines: spoken.lines,
    };
  };

  const graceMs = (): number => (file?.speakerGraceSeconds ?? DEFAULT_SPEAKER_GRACE_SECONDS) * 1000;
  /** Notes when the speaker changes (or the hall goes silent), for `since` and the grace. */
  const track = (): void => {
    const speaker = roster.speaker();
    if (speaker === speakerNow) return;
    speakerNow = speaker;
    speakerSince = deps.clock.now();
  };
  const reachNow = (): PaReach => {
    track();
    return paReach(roster.entries(), speakerSince, graceMs(), deps.clock.now(), roster.seated);
  };

  const pump = (): void => {
    if (stopped) return;
    cancelWake?.();
    cancelWake = null;
    track();
    for (;;) {
      const now = deps.clock.now();
      if (!q.current && speakerNow === null && now < speakerSince + graceMs()) {
        // Nobody can speak, but one may be back within the grace (a display reloading): what was
        // accepted waits for it, rather than failing now; stale items still go as they expire.
        const pruned = prune(q, now);
        q = pruned.q;
        apply(pruned.effects);
        if (q.pending.length > 0) cancelWake = deps.timers.after(Math.max(0, Math.min(speakerSince + graceMs() - now, RECHECK_MS)), pump);
        return;
      }
      if (held && !q.current && !q.pending.some((p) => p.a.kind === 'emergency')) {
        // An emergency takeover holds the PA between its readings: nothing lower may slip in.
        const pruned = prune(q, now);
        q = pruned.q;
        apply(pruned.effects);
        if (q.pending.length > 0) cancelWake = deps.timers.after(RECHECK_MS, pump);
        return;
      }
      const step = next(q, now);
      q = step.q;
      apply(step.effects);
      if (step.play) {
        const speaker = roster.speaker();
        if (!speaker) {
          // Nothing can sound: say so now rather than let the watchdog wait out the whole play.
          const done = finished(q, step.play.id, now, 'no display with working audio connected: nothing could play it');
          q = done.q;
          apply(done.effects);
          continue;
        }
        const play = toPlay(step.play);
        onAir = { id: play.id, display: speaker, play: { ...play, speak: true } };
        roster.each((_display, speaks) => ({ type: 'play', play: { ...play, speak: speaks } }));
      }
      const wakeAt = step.wakeAt;
      if (q.current || q.pending.length > 0 || wakeAt !== null) {
        const delay = Math.max(0, Math.min(wakeAt === null ? RECHECK_MS : wakeAt - now, RECHECK_MS));
        cancelWake = deps.timers.after(delay, pump);
      }
      return;
    }
  };

  /** Into the queue: queued, merged, or refused with the reason. */
  const enqueue = (a: Announcement, now: number, quietMerge = false): AnnounceOutcome => {
    const step = request(q, a, now);
    q = step.q;
    apply(quietMerge ? step.effects.filter((e) => e.type !== 'merged') : step.effects);
    pump();
    const refused = step.effects.find((e) => (e.type === 'dropped' || e.type === 'rejected') && e.id === a.id);
    if (refused && 'reason' in refused) return { ok: false, id: a.id, reason: refused.reason.startsWith(EMERGENCY_LIMIT) ? 'too-many-emergencies' : 'refused-by-queue', error: refused.reason };
    const merged = step.effects.find((e) => e.type === 'merged' && e.id === a.id);
    return merged && merged.type === 'merged' ? { ok: true, id: merged.into, state: 'merged', into: merged.into } : { ok: true, id: a.id, state: 'queued' };
  };

  const end = (id: string, failure: string | null): void => {
    const done = finished(q, id, deps.clock.now(), failure);
    q = done.q;
    apply(done.effects);
    if (onAir?.id === id) onAir = null;
    // The banner-only displays learn here that it is over.
    if (done.effects.length > 0) roster.each(() => ({ type: 'stop', id, reason: failure ?? 'ended' }));
    pump();
  };

  const compose = async (intent: AnnounceIntent): Promise<Spoken> => {
    if (intent.what === 'call') return composeCall(intent.ticket, intent.counter, intent.languages, intent.chime, packs);
    const speak = deps.speak;
    if (!speak) throw new Error('this player has no speech engine for free text');
    const renderings = await Promise.all(intent.texts.map(async (t) => ({ ...t, clip: await speak(t.text, t.lang) })));
    return composeText(renderings, intent.chime, packs);
  };

  const itemView = (a: Announcement, extra: { priority: number; merged: number; held: boolean }): ItemView => {
    const spoken = a.payload as Spoken;
    return {
      id: a.id,
      kind: a.kind,
      priority: extra.priority,
      requestedAt: a.requestedAt,
      expiresAt: a.expiresAt,
      repeat: a.repeat,
      key: a.key ?? null,
      merged: extra.merged,
      held: extra.held,
      lines: spoken.lines,
      durationMs: a.durationMs,
    };
  };

  return {
    configure(next, nextZone, nextPacks) {
      file = next;
      zone = nextZone;
      packs = nextPacks;
      // Quiet hours or the bound may have changed: new settings, same items.
      const fresh = createQueue(queueConfig());
      q = { ...fresh, current: q.current, pending: q.pending, recent: q.recent, seq: q.seq };
      pump();
    },
    get settings() {
      return file;
    },
    reach: reachNow,
    hold(on) {
      held = on;
      pump();
    },
    withdraw(id, reason) {
      const step = withdraw(q, id, deps.clock.now(), reason);
      q = step.q;
      apply(step.effects);
      pump();
    },
    attach(display, send) {
      roster.attach(display, send);
      // A display that joins mid-announcement still shows the banner of what is being said.
      if (onAir) send({ type: 'play', play: { ...onAir.play, speak: false } });
      return () => {
        if (roster.detach(display) && onAir?.display === display) end(onAir.id, 'the speaking display disconnected');
        track();
      };
    },
    seating(seating) {
      roster.seating(seating);
      track();
      // A request may have waited for the speaker just named.
      pump();
    },
    role: (display) => roster.role(display),
    audio(display, output) {
      roster.audio(display, output);
      // Something may have waited for a speaker (within the grace).
      pump();
    },
    alive(display, alive) {
      roster.alive(display, alive);
      pump();
    },
    report(display, r) {
      if (onAir?.id !== r.id || onAir.display !== display) return; // a banner display, or a late report
      if (r.event === 'started') {
        const step = started(q, r.id, deps.clock.now());
        q = step.q;
        deps.record({ event: 'started', at: deps.clock.now(), id: r.id, display });
        if (r.duck) deps.record({ event: 'ducked', at: deps.clock.now(), id: r.id, display, duck: r.duck });
        pump();
      } else {
        if (r.event === 'failed') roster.demote(display);
        end(r.id, r.event === 'failed' ? (r.reason ?? 'the display could not play it') : null);
      }
    },
    async announce(intent, options) {
      // A request from the API that nobody would hear is refused now, with the reason, before any
      // speech is rendered; the hall's own triggers (calls, timed, care) are queued and logged.
      if (options.source === 'api') {
        const reach = reachNow();
        const refusal = reachRefusal(reach, intent.kind, deps.clock.now());
        if (refusal) {
          // One line per silent spell and kind of refusal: a panic button held down must not fill the log.
          const spell = `${reach.since}:${intent.kind === 'emergency' ? 'emergency' : reach.refuses}`;
          if (spell !== refusalLogged) deps.log.warn('announcement refused: no display can speak it', { kind: intent.kind, reason: reach.reason });
          refusalLogged = spell;
          return { ok: false, id: null, reason: 'no-speaker', error: refusal, reach };
        }
      }
      const requestedAt = options.requestedAt ?? deps.clock.now();
      // Over the emergency budget: refused before any speech is rendered for it (a flood must cost
      // little), counting those still being composed (50 at once would all pass an empty queue).
      const flight = options.key ?? randomUUID();
      if (intent.kind === 'emergency' && !composing.has(flight)) {
        const tooMany = emergencyRefusal(prune(q, deps.clock.now()).q, { kind: intent.kind, ...(options.key ? { key: options.key } : {}) }, composing.size);
        if (tooMany) {
          deps.refused?.(tooMany);
          return { ok: false, id: null, reason: 'too-many-emergencies', error: tooMany };
        }
        // The same words as a waiting emergency: merged into it at once, nothing to compose.
        const same = options.key === undefined ? undefined : q.pending.find((p) => p.a.key === options.key);
        // Not logged one by one (a stuck button would cost a sync each): the item's `merged` counts them.
        if (same) return enqueue({ ...same.a, id: randomUUID(), requestedAt }, deps.clock.now(), true);
      }
      if (intent.kind === 'emergency') composing.set(flight, (composing.get(flight) ?? 0) + 1);
      let spoken: Spoken;
      try {
        spoken = await compose(intent);
      } catch (error) {
        const message = (error as Error).message;
        deps.log.warn('announcement could not be composed', { source: options.source, error: message });
        // Free text that cannot be spoken is the engine's failure; a template or call, the request's.
        return { ok: false, id: null, reason: intent.what === 'text' ? 'speech-failed' : 'invalid-request', error: message };
      } finally {
        if (intent.kind === 'emergency') {
          const left = (composing.get(flight) ?? 1) - 1;
          if (left > 0) composing.set(flight, left);
          else composing.delete(flight);
        }
      }
      const a: Announcement = {
        id: randomUUID(),
        kind: intent.kind,
        requestedAt,
        expiresAt: intent.expiresInMs === null ? null : requestedAt + intent.expiresInMs,
        durationMs: spokenDurationMs(spoken),
        repeat: intent.repeat,
        ...(options.key ? { key: options.key } : {}),
        ...(options.waitPolicy ? { waitPolicy: options.waitPolicy } : {}),
        payload: spoken,
      };
      const now = deps.clock.now();
      deps.record({ event: 'requested', at: now, id: a.id, kind: a.kind, source: options.source, key: a.key ?? null, repeat: a.repeat, expiresAt: a.expiresAt, lines: spoken.lines });
      return enqueue(a, now);
    },
    view() {
      const s = snapshot(q, deps.clock.now());
      return {
        at: s.at,
        current: s.current ? { ...itemView(s.current, s.current), startedAt: s.current.startedAt, expectedEndAt: s.current.expectedEndAt, display: onAir?.display ?? null } : null,
        pending: s.pending.map((p) => itemView(p, p)),
        recent: s.recent,
        displays: roster.size,
        speaker: roster.speaker(),
        reach: reachNow(),
        roster: roster.entries(),
      };
    },
    stop() {
      stopped = true;
      cancelWake?.();
      cancelWake = null;
    },
  };
}

/** "10:00:30", the hall's wall clock, for drop reasons a floor manager reads. */
function localTime(zone: TimeZone, ms: number): string {
  const wall = zone.wallAt(Math.floor(ms / 1000));
  const s = ((wall % 86_400) + 86_400) % 86_400;
  return [Math.floor(s / 3600), Math.floor((s % 3600) / 60), s % 60].map((n) => String(n).padStart(2, '0')).join(':');
}
