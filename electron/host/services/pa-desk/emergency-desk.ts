/**
 * The emergency takeover, wired: the pure lifecycle (domain/emergency/) with the PA desk, the log
 * and the displays around it. While an emergency is active the desk is held (nothing lower starts)
 * and its words are read on the speaker on repeat: one play of READINGS_PER_PLAY readings after
 * another, each asked for again as the last ends, or after RETRY_MS when it could not be played
 * (no speaker yet, speech that failed), until it is cleared. Every step is written to the
 * announcement log (emergency-raised, -acknowledged, -read, -cleared) beside the readings' own lines.
 * The active one is kept on the state disk (kept-emergency.ts): a player restarted during it takes
 * the hall over again as it starts (emergency-restored), and reads it out as soon as a speaker can.
 */
import { randomUUID } from 'node:crypto';
import type { EmergencyAcknowledgement, EmergencyActor, EmergencyStatus, EmergencyTemplate, EmergencyView } from '../../../contract/emergency.js';
import type { Refusal } from '../../../contract/refusal.js';
import type { PaReach } from '../../../contract/announcements-view.js';
import { acknowledge, clear, emergencyStatus, emergencyView, raise, read, restore, type EmergencyRecord, type EmergencyState, type EmergencyStep } from '../../domain/emergency/emergency.js';
import { isRequestProblem, parseEmergencyRequest } from '../../domain/emergency/emergency-request.js';
import type { Clock, Log, Timers } from '../../ports.js';
import { topic } from '../topic.js';
import type { AnnouncementDesk } from './announcement-desk.js';
import type { AnnouncementLogRecord } from './announcement-log.js';
import type { KeptEmergencyStore } from './kept-emergency.js';

/** Readings in one play: long enough that the gap between plays is rare, short enough to schedule at once on the display. */
export const READINGS_PER_PLAY = 10;
/** A reading that could not be played (no speaker, speech failed) is asked for again this long after. */
export const RETRY_MS = 10_000;

/**
 * Raised: with `reach`, whether the hall's speaker can read it now. Never refused for want of one
 * (every screen takes over regardless), but the person who raised it must learn at once that the
 * hall will not hear it, and reach for another way.
 */
export type RaiseOutcome = { ok: true; id: string; replaced: string | null; emergency: EmergencyStatus; reach: PaReach } | Refusal<'invalid-request' | 'not-found'>;
export type ClearOutcome = { ok: true; id: string; lastedMs: number; acknowledged: string[] } | Refusal<'no-emergency'>;

export interface EmergencyDeskDeps {
  clock: Pick<Clock, 'now'>;
  timers: Pick<Timers, 'after'>;
  log: Log;
  desk: AnnouncementDesk;
  /** The announcement log. */
  record(entry: EmergencyRecord): void;
  /** announcements.json → emergencyTemplates, as now in force. */
  templates(): Readonly<Record<string, EmergencyTemplate>>;
  /** Whether the hall reads a chime before announcements (announcements.json "chime"). */
  chime(): boolean;
  /** Where the active emergency is kept across restarts (kept-emergency.ts); absent: in memory only (tests). */
  kept?: KeptEmergencyStore;
}

export interface EmergencyDesk {
  /** Takes up the emergency kept from before a restart, if any (once, as the player starts). */
  restore(): void;
  raise(body: unknown, by: EmergencyActor): RaiseOutcome;
  clear(by: EmergencyActor): ClearOutcome;
  acknowledge(display: string, ack: EmergencyAcknowledgement): void;
  /** What the displays show now; null: none. */
  current(): EmergencyView | null;
  /** Every change (raised, replaced, cleared), with what the displays show from then on. */
  subscribe(listener: (view: EmergencyView | null) => void): () => void;
  status(): EmergencyStatus | null;
  /** Every line of the announcement log: how the desk tells it a reading started or ended. */
  observe(entry: AnnouncementLogRecord): void;
  stop(): void;
}

export function createEmergencyDesk(deps: EmergencyDeskDeps): EmergencyDesk {
  let state: EmergencyState = null;
  const changes = topic<EmergencyView | null>();
  /** The announcement reading the active emergency now (asked for, waiting or playing), or null. */
  let reading: string | null = null;
  let retry: (() => void) | null = null;
  /** After stop() nothing is asked for again: a retry timer set then would keep a stopping player alive. */
  let stopped = false;

  const apply = (step: EmergencyStep): void => {
    state = step.state;
    for (const r of step.records) deps.record(r);
  };
  const keep = (): void => deps.kept?.save(state && { id: state.id, level: state.level, lines: state.lines, template: state.template, raisedAt: state.raisedAt, raisedBy: state.raisedBy });

  const stopReading = (reason: string): void => {
    retry?.();
    retry = null;
    const id = reading;
    reading = null;
    if (id) deps.desk.withdraw(id, reason);
  };

  const readAgain = (afterMs: number): void => {
    retry?.();
    retry = null;
    const id = state?.id;
    if (!id || stopped) return;
    const start = (): void => {
      retry = null;
      if (state?.id === id && reading === null) void readNow(id);
    };
    if (afterMs === 0) start();
    else retry = deps.timers.after(afterMs, start);
  };

  const readNow = async (id: string): Promise<void> => {
    const active = state;
    if (!active || active.id !== id) return;
    // Marked before the await: the desk's lines about it may come before the outcome does.
    reading = `pending:${id}`;
    const outcome = await deps.desk.announce(
      { what: 'text', texts: active.lines, kind: 'emergency', repeat: READINGS_PER_PLAY, expiresInMs: null, chime: deps.chime(), languages: active.lines.map((l) => l.lang), key: `emergency:${id}` },
      { source: 'emergency', key: `emergency:${id}` },
    );
    if (stopped) return;
    if (state?.id !== id) {
      // Cleared or replaced while its speech was being made: take it back at once.
      if (outcome.ok) deps.desk.withdraw(outcome.id, 'the emergency was cleared');
      return;
    }
    if (outcome.ok) {
      // Unless the desk's lines already told where it is (queued, or even ended: then it is asked for again).
      if (reading === `pending:${id}`) reading = outcome.id;
      return;
    }
    if (reading !== `pending:${id}` && reading !== null) return;
    reading = null;
    deps.log.warn('emergency not read out; asking again', { id, reason: outcome.reason, error: outcome.error, againInMs: RETRY_MS });
    readAgain(RETRY_MS);
  };

  return {
    restore() {
      const kept = state ? null : (deps.kept?.load() ?? null);
      if (!kept) return;
      apply(restore(kept, deps.clock.now()));
      deps.log.warn('EMERGENCY restored: the player restarted during it', { id: kept.id, takeover: kept.level, raisedAt: new Date(kept.raisedAt).toISOString(), by: kept.raisedBy });
      deps.desk.hold(true);
      changes.publish(emergencyView(state));
      readAgain(0);
    },
    raise(body, by) {
      const request = parseEmergencyRequest(body, deps.templates());
      if (isRequestProblem(request)) return { ok: false, reason: request.reason, error: request.error };
      const replaced = state?.id ?? null;
      if (replaced) stopReading(`replaced by a newer emergency`);
      const id = randomUUID();
      apply(raise(state, request, id, by, deps.clock.now()));
      keep();
      deps.log.warn('EMERGENCY raised', { id, takeover: request.level, template: request.template, by, replaces: replaced });
      deps.desk.hold(true);
      changes.publish(emergencyView(state));
      readAgain(0);
      return { ok: true, id, replaced, emergency: emergencyStatus(state)!, reach: deps.desk.reach() };
    },
    clear(by) {
      const step = clear(state, by, deps.clock.now());
      if (!step) return { ok: false, reason: 'no-emergency', error: 'no emergency is active: nothing to clear (GET /api/emergency shows the active one)' };
      const id = state!.id;
      apply(step);
      keep();
      stopReading('the emergency was cleared');
      deps.desk.hold(false);
      deps.log.warn('emergency cleared', { id, by });
      changes.publish(null);
      const record = step.records[0]!;
      return { ok: true, id, lastedMs: record.event === 'emergency-cleared' ? record.lastedMs : 0, acknowledged: record.event === 'emergency-cleared' ? record.acknowledged : [] };
    },
    acknowledge(display, ack) {
      apply(acknowledge(state, display, ack.id, ack.at, deps.clock.now()));
    },
    current: () => emergencyView(state),
    subscribe: changes.subscribe,
    status: () => emergencyStatus(state),
    observe(entry) {
      if (!state || reading === null) return;
      if (entry.event === 'requested' && reading === `pending:${state.id}` && entry.key === `emergency:${state.id}`) {
        reading = entry.id;
        return;
      }
      if (entry.id !== reading) return;
      if (entry.event === 'started') apply(read(state, entry.id, entry.display, entry.at));
      else if (entry.event === 'ended' || entry.event === 'dropped' || entry.event === 'rejected') {
        reading = null;
        // A play that ran to its end is followed by the next at once; one that failed waits a little.
        readAgain(entry.event === 'ended' && entry.failure === null ? 0 : RETRY_MS);
      }
    },
    stop() {
      stopped = true;
      retry?.();
      retry = null;
    },
  };
}
