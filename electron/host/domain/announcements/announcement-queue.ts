/**
 * The hall's PA queue as pure state: one announcement at a time, highest priority first, FIFO
 * within a priority. No timers, no I/O, no clock: every transition is given `now` (epoch ms) and
 * returns the new state plus effects for the announcement log. The shell plays what `next` returns,
 * reports `started` / `finished`, obeys `stop` effects and calls `next` again when idle or at `wakeAt`.
 * Rules: README.md beside this file.
 */
import { invalidReason } from './announcement.js';
import type { Announcement } from '../../../contract/announcement.js';
import type { AnnouncementKind } from '../../../contract/messages.js';
import type { RecentEntry } from '../../../contract/announcements-view.js';
import { dropReason, isHeld, nextChangeAt, type RuleContext } from './drop-rules.js';
import { evictionVictim, mergeInto, pendingItem, playOrder, type PendingItem } from './pending.js';
import { parseQuietHours, type QuietHours, type QuietWindow } from './quiet-hours.js';

export interface AnnouncementQueueConfig {
  /** Waiting items beyond this are dropped, lowest priority and oldest first; emergencies never (they do not count). */
  maxPending?: number;
  /** Emergencies waiting at once; one more (other than a repeat of a waiting one's key) is refused. */
  maxEmergencies?: number;
  /** Finished and dropped items kept for `snapshot`. */
  recentLimit?: number;
  quietHours?: readonly QuietWindow[];
  /** Required with quiet hours: the hall's local minute of day (0–1439) at an instant. */
  localMinuteOfDay?: (ms: number) => number;
  /** How long past its expected end a play may run before the queue stops waiting for `finished`. */
  endGraceMs?: number;
  /** How instants read in drop reasons; ISO-8601 UTC unless the shell gives local time. */
  formatInstant?: (ms: number) => string;
}

interface Settings {
  readonly maxPending: number;
  readonly maxEmergencies: number;
  readonly recentLimit: number;
  readonly quiet: QuietHours | null;
  readonly endGraceMs: number;
  readonly formatInstant: (ms: number) => string;
}

export interface CurrentItem extends PendingItem {
  readonly chosenAt: number;
  /** null between `next` choosing it and the player reporting `started`. */
  readonly startedAt: number | null;
}

export interface AnnouncementQueue {
  readonly settings: Settings;
  readonly current: CurrentItem | null;
  /** Arrival order; the play order depends on `now` (see `playOrder`). */
  readonly pending: readonly PendingItem[];
  /** Newest first. */
  readonly recent: readonly RecentEntry[];
  readonly seq: number;
}

export type AnnouncementEffect =
  | { type: 'requested'; at: number; id: string; kind: AnnouncementKind }
  | { type: 'merged'; at: number; id: string; into: string; merged: number }
  | { type: 'started'; at: number; id: string }
  | { type: 'ended'; at: number; id: string; failure: string | null }
  /** The shell must silence this one now (preempted by an emergency, or its player hung). */
  | { type: 'stop'; at: number; id: string; reason: string }
  | { type: 'dropped'; at: number; id: string; reason: string }
  | { type: 'rejected'; at: number; id: string; reason: string };

export interface Step {
  q: AnnouncementQueue;
  effects: AnnouncementEffect[];
}

export interface NextStep extends Step {
  /** Play this now (repeat × back to back), or nothing. */
  play: Announcement | null;
  /** Call `next` again at this instant (even if still busy), or null: only after `finished` or a request. */
  wakeAt: number | null;
}

export const DEFAULT_MAX_PENDING = 50;
/** A real evacuation is one or two messages; more waiting is a stuck button or a script gone wrong. */
export const DEFAULT_MAX_EMERGENCIES = 3;
export const DEFAULT_RECENT_LIMIT = 20;
export const DEFAULT_END_GRACE_MS = 15_000;

export function createQueue(config: AnnouncementQueueConfig = {}): AnnouncementQueue {
  const maxPending = config.maxPending ?? DEFAULT_MAX_PENDING;
  if (!Number.isInteger(maxPending) || maxPending < 1) throw new Error(`maxPending must be an integer ≥ 1, got ${maxPending}`);
  const maxEmergencies = config.maxEmergencies ?? DEFAULT_MAX_EMERGENCIES;
  if (!Number.isInteger(maxEmergencies) || maxEmergencies < 1) throw new Error(`maxEmergencies must be an integer ≥ 1, got ${maxEmergencies}`);
  const settings: Settings = {
    maxPending,
    maxEmergencies,
    recentLimit: config.recentLimit ?? DEFAULT_RECENT_LIMIT,
    quiet: parseQuietHours(config.quietHours ?? [], config.localMinuteOfDay),
    endGraceMs: config.endGraceMs ?? DEFAULT_END_GRACE_MS,
    formatInstant: config.formatInstant ?? ((ms) => new Date(ms).toISOString()),
  };
  return { settings, current: null, pending: [], recent: [], seq: 0 };
}

function ruleContext(q: AnnouncementQueue, now: number): RuleContext {
  return { now, quiet: q.settings.quiet, formatInstant: q.settings.formatInstant };
}

function remember(q: AnnouncementQueue, entry: RecentEntry): AnnouncementQueue {
  return { ...q, recent: [entry, ...q.recent].slice(0, q.settings.recentLimit) };
}

function entry(a: Announcement, outcome: RecentEntry['outcome'], reason: string | null, at: number): RecentEntry {
  return { id: a.id, kind: a.kind, key: a.key ?? null, outcome, reason, at };
}

function drop(step: Step, item: PendingItem, reason: string, now: number): Step {
  const q = remember({ ...step.q, pending: step.q.pending.filter((p) => p !== item) }, entry(item.a, 'dropped', reason, now));
  return { q, effects: [...step.effects, { type: 'dropped', at: now, id: item.a.id, reason }] };
}

/** Drops every waiting item the rules say must go: stale, skipped, or a call in quiet hours. */
export function prune(q: AnnouncementQueue, now: number): Step {
  const ctx = ruleContext(q, now);
  let step: Step = { q, effects: [] };
  for (const p of q.pending) {
    const reason = dropReason(p, ctx);
    if (reason) step = drop(step, p, reason, now);
  }
  return step;
}

/**
 * Adds `item` to the waiting list, folding it into a waiting item with the same key. An item with
 * the key of the one playing is queued once more on purpose: the customer may not have heard it.
 */
function enqueue(step: Step, item: PendingItem, now: number): Step {
  const key = item.a.key;
  const same = key === undefined ? undefined : step.q.pending.find((p) => p.a.key === key);
  if (!same) return { ...step, q: { ...step.q, pending: [...step.q.pending, item] } };
  const [older, newer] = same.seq < item.seq ? [same, item] : [item, same];
  const merged = mergeInto(older, newer);
  const pending = [...step.q.pending.filter((p) => p !== same), merged];
  const effect: AnnouncementEffect = { type: 'merged', at: now, id: newer.a.id, into: older.a.id, merged: merged.merged };
  return { q: { ...step.q, pending }, effects: [...step.effects, effect] };
}

/** An emergency cuts anything but another emergency; the cut item waits again, in its old place. */
function preemptFor(step: Step, a: Announcement, now: number): Step {
  const cur = step.q.current;
  if (a.kind !== 'emergency' || !cur || cur.a.kind === 'emergency') return step;
  const reason = `preempted by emergency ${a.id}; will play again from the start`;
  const back: PendingItem = { a: cur.a, priority: cur.priority, seq: cur.seq, merged: cur.merged };
  const stopped: Step = { q: { ...step.q, current: null }, effects: [...step.effects, { type: 'stop', at: now, id: cur.a.id, reason }] };
  return enqueue(stopped, back, now);
}

const ordinary = (pending: readonly PendingItem[]): number => pending.filter((p) => p.a.kind !== 'emergency').length;

/** Emergencies are held to their own budget (see `request`): they never push an ordinary request out. */
function bound(step: Step, now: number): Step {
  let s = step;
  while (ordinary(s.q.pending) > s.q.settings.maxPending) {
    const victim = evictionVictim(s.q.pending, now);
    if (!victim) break;
    s = drop(s, victim, `queue full: more than ${s.q.settings.maxPending} waiting; the lowest-priority, oldest goes first`, now);
  }
  return s;
}

/**
 * Why one more emergency cannot wait, or null: a repeat of a waiting one's key merges instead.
 * The shell may ask before composing one (rendering speech for a refused request is wasted work).
 */
export function emergencyRefusal(q: AnnouncementQueue, a: Pick<Announcement, 'kind' | 'key'>, arriving = 0): string | null {
  if (a.kind !== 'emergency') return null;
  if (a.key !== undefined && q.pending.some((p) => p.a.key === a.key)) return null;
  // `arriving`: emergencies the shell accepted but is still composing; they will wait too.
  const waiting = q.pending.length - ordinary(q.pending) + arriving;
  const max = q.settings.maxEmergencies;
  if (waiting < max) return null;
  return `${EMERGENCY_LIMIT}: ${waiting} emergencies already wait (at most ${max}); send it again once one has played, or send the same text to merge with it`;
}

/** How an over-the-cap emergency's refusal begins: channels map it (HTTP 429). */
export const EMERGENCY_LIMIT = 'too many emergencies';

export function request(q: AnnouncementQueue, a: Announcement, now: number): Step {
  const invalid = invalidReason(a);
  const taken = q.current?.a.id === a.id || q.pending.some((p) => p.a.id === a.id);
  const refusal = invalid ?? (taken ? `duplicate: id ${a.id} is already queued or playing` : null);
  if (refusal) {
    return { q: remember(q, entry(a, 'rejected', refusal, now)), effects: [{ type: 'rejected', at: now, id: a.id, reason: refusal }] };
  }
  let step = prune(q, now);
  const tooMany = emergencyRefusal(step.q, a);
  if (tooMany) return { q: remember(step.q, entry(a, 'rejected', tooMany, now)), effects: [...step.effects, { type: 'rejected', at: now, id: a.id, reason: tooMany }] };
  step = { ...step, effects: [...step.effects, { type: 'requested', at: now, id: a.id, kind: a.kind }] };
  const item = pendingItem(a, step.q.seq + 1);
  step = { ...step, q: { ...step.q, seq: item.seq } };
  const reason = dropReason(item, ruleContext(q, now));
  if (reason) return drop(step, item, reason, now);
  step = preemptFor(enqueue(step, item, now), a, now);
  return bound(step, now);
}

export function started(q: AnnouncementQueue, id: string, now: number): Step {
  if (q.current?.a.id !== id || q.current.startedAt !== null) return { q, effects: [] };
  return { q: { ...q, current: { ...q.current, startedAt: now } }, effects: [{ type: 'started', at: now, id }] };
}

/** Ends the current play; a late report for an item already stopped is ignored. */
export function finished(q: AnnouncementQueue, id: string, now: number, failure: string | null = null): Step {
  const cur = q.current;
  if (cur?.a.id !== id) return { q, effects: [] };
  const done = remember({ ...q, current: null }, entry(cur.a, failure ? 'failed' : 'played', failure, now));
  return { q: done, effects: [{ type: 'ended', at: now, id, failure }] };
}

/** When a play that never reports its end is given up: its expected end plus the grace. */
export function playDeadline(q: AnnouncementQueue, cur: CurrentItem): number {
  return (cur.startedAt ?? cur.chosenAt) + cur.a.repeat * cur.a.durationMs + q.settings.endGraceMs;
}

function giveUpHungPlay(step: Step, now: number): Step {
  const cur = step.q.current;
  if (!cur || now <= playDeadline(step.q, cur)) return step;
  const reason = `no end reported: expected by ${step.q.settings.formatInstant(playDeadline(step.q, cur) - step.q.settings.endGraceMs)}`;
  const q = remember({ ...step.q, current: null }, entry(cur.a, 'dropped', reason, now));
  return { q, effects: [...step.effects, { type: 'stop', at: now, id: cur.a.id, reason }, { type: 'dropped', at: now, id: cur.a.id, reason }] };
}

function wakeAt(q: AnnouncementQueue, now: number): number | null {
  const ctx = ruleContext(q, now);
  const times = q.pending.map((p) => nextChangeAt(p, ctx)).filter((t): t is number => t !== null);
  if (q.current) times.push(playDeadline(q, q.current) + 1);
  return times.length > 0 ? Math.min(...times) : null;
}

/** What to play now, if the PA is free. Never two at once: while one plays, `play` is null. */
export function next(q: AnnouncementQueue, now: number): NextStep {
  let step = giveUpHungPlay(prune(q, now), now);
  let play: Announcement | null = null;
  if (!step.q.current) {
    const ctx = ruleContext(step.q, now);
    const choice = playOrder(step.q.pending, now).find((p) => !isHeld(p, ctx));
    if (choice) {
      const current: CurrentItem = { ...choice, chosenAt: now, startedAt: null };
      step = { ...step, q: { ...step.q, current, pending: step.q.pending.filter((p) => p !== choice) } };
      play = choice.a;
    }
  }
  return { ...step, play, wakeAt: wakeAt(step.q, now) };
}

/**
 * Takes `id` back, playing or waiting: a cleared emergency's reading. The one playing is stopped
 * (the shell silences it) and ends with `reason`; a waiting one is dropped with it.
 */
export function withdraw(q: AnnouncementQueue, id: string, now: number, reason: string): Step {
  const cur = q.current;
  if (cur?.a.id === id) {
    const done = remember({ ...q, current: null }, entry(cur.a, 'dropped', reason, now));
    return { q: done, effects: [{ type: 'stop', at: now, id, reason }, { type: 'ended', at: now, id, failure: reason }] };
  }
  const waiting = q.pending.find((p) => p.a.id === id);
  return waiting ? drop({ q, effects: [] }, waiting, reason, now) : { q, effects: [] };
}
