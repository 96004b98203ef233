/**
 * What the hall's PA is asked to say, and the order of importance between kinds. The queue never
 * reads the payload: the shell turns it into audio (a voice file, a TTS request).
 */
import type { AnnouncementKind } from '../../../contract/messages.js';
import type { Announcement } from '../../../contract/announcement.js';

/** Gaps of 100 leave room for a hall to rank a special notice between two kinds via `priority`. */
export const KIND_PRIORITY: Readonly<Record<AnnouncementKind, number>> = {
  emergency: 400,
  pa: 300,
  call: 200,
  care: 100,
};

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
