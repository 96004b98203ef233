/**
 * What the hall's PA is asked to say (electron/host/domain/announcements/ queues it). The queue
 * never reads the payload: the shell turns it into audio (a voice file, a TTS request).
 */
import type { AnnouncementKind } from './messages.js';

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
