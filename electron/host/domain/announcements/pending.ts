/**
 * A waiting announcement and the two orders over waiting ones: which plays first, and which a
 * full queue gives up first.
 */
import { KIND_PRIORITY, priorityOf } from './announcement.js';
import type { Announcement } from '../../../contract/announcement.js';

export interface PendingItem {
  readonly a: Announcement;
  readonly priority: number;
  /** Arrival order; a merged recall keeps the earlier one, so it keeps its place. */
  readonly seq: number;
  /** How many later requests were folded into this one. */
  readonly merged: number;
}

export function pendingItem(a: Announcement, seq: number): PendingItem {
  return { a, priority: priorityOf(a), seq, merged: 0 };
}

/**
 * A care notice with `then: 'play'` that has waited its full `maxWaitMs` moves just ahead of calls:
 * in a busy hall calls never stop, and it would otherwise never be heard.
 */
export function effectivePriority(p: PendingItem, now: number): number {
  const w = p.a.waitPolicy;
  if (w?.then === 'play' && now > p.a.requestedAt + w.maxWaitMs) return Math.max(p.priority, KIND_PRIORITY.call + 1);
  return p.priority;
}

/** Highest priority first, then first come first served. */
export function playOrder(pending: readonly PendingItem[], now: number): PendingItem[] {
  return [...pending].sort((x, y) => effectivePriority(y, now) - effectivePriority(x, now) || x.seq - y.seq);
}

/** The item a full queue drops: lowest priority, then oldest. Never an emergency. */
export function evictionVictim(pending: readonly PendingItem[], now: number): PendingItem | null {
  let victim: PendingItem | null = null;
  for (const p of pending) {
    if (p.a.kind === 'emergency') continue;
    if (!victim) victim = p;
    else {
      const d = effectivePriority(p, now) - effectivePriority(victim, now);
      if (d < 0 || (d === 0 && p.seq < victim.seq)) victim = p;
    }
  }
  return victim;
}

/**
 * Folds a newer request with the same key into an older pending one: the older keeps its id and
 * place, the newer brings the current content and expiry (a recall may name another counter).
 */
export function mergeInto(older: PendingItem, newer: PendingItem): PendingItem {
  // The more urgent kind wins, so a merge can never turn an emergency into something droppable.
  const kind = KIND_PRIORITY[newer.a.kind] > KIND_PRIORITY[older.a.kind] ? newer.a.kind : older.a.kind;
  const a: Announcement = { ...newer.a, id: older.a.id, kind, requestedAt: older.a.requestedAt };
  return { a, priority: Math.max(older.priority, newer.priority), seq: older.seq, merged: older.merged + newer.merged + 1 };
}
