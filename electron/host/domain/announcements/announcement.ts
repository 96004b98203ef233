/**
 * What the hall's PA is asked to say, and the order of importance between kinds. The queue never
 * reads the payload: the shell turns it into audio (a voice file, a TTS request).
 */
export type AnnouncementKind = 'emergency' | 'pa' | 'call' | 'care';

/** Gaps of 100 leave room for a hall to rank a special notice between two kinds via `priority`. */
export const KIND_PRIORITY: Readonly<Record<AnnouncementKind, number>> = {
  emergency: 400,
  pa: 300,
  call: 200,
  care: 100,
};

/** For scheduled care notices: how long to wait while something else speaks, and what then. */
export interface WaitPolicy {
  maxWaitMs: number;
  /** 'play': after the wait it goes ahead of calls (never starved); 'skip': it is dropped. */
  then: 'play' | 'skip';
}

export interface Announcement {
  id: string;
  kind: AnnouncementKind;
  /** Overrides the kind's rank. Preemption, quiet hours and "never dropped" follow `kind`, not this. */
  priority?: number;
  requestedAt: number;
  /** Later than this it is stale and dropped with the reason; null = never stale. */
  expiresAt: number | null;
  /** Estimate of one play, used to notice a player that never reports the end. */
  durationMs: number;
  /** Times to play back to back, ≥ 1; together they are one play. */
  repeat: number;
  /** e.g. "call:A023": a recall with the same key merges with the pending call. */
  key?: string;
  waitPolicy?: WaitPolicy;
  payload: unknown;
}

export function priorityOf(a: Announcement): number {
  return a.priority ?? KIND_PRIORITY[a.kind];
}

const KINDS = new Set<string>(Object.keys(KIND_PRIORITY));

/** Why a request cannot be queued, or null. Checked here so the core never waits NaN ms. */
export function invalidReason(a: Announcement): string | null {
  if (typeof a.id !== 'string' || a.id === '') return 'invalid: "id" must be a non-empty string';
  if (!KINDS.has(a.kind)) return `invalid: "kind" must be one of ${[...KINDS].join(', ')}, got ${String(a.kind)}`;
  if (!Number.isFinite(a.requestedAt)) return 'invalid: "requestedAt" must be epoch ms';
  if (a.expiresAt !== null && !Number.isFinite(a.expiresAt)) return 'invalid: "expiresAt" must be epoch ms or null';
  if (!Number.isFinite(a.durationMs) || a.durationMs < 0) return `invalid: "durationMs" must be ≥ 0, got ${a.durationMs}`;
  if (!Number.isInteger(a.repeat) || a.repeat < 1) return `invalid: "repeat" must be an integer ≥ 1, got ${a.repeat}`;
  if (a.priority !== undefined && !Number.isFinite(a.priority)) return 'invalid: "priority" must be a number';
  const w = a.waitPolicy;
  if (w && (!Number.isFinite(w.maxWaitMs) || w.maxWaitMs < 0 || (w.then !== 'play' && w.then !== 'skip'))) {
    return 'invalid: "waitPolicy" must be { maxWaitMs ≥ 0, then: "play" | "skip" }';
  }
  return null;
}
