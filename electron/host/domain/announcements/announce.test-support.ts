/** Fixed instants and builders shared by the announcement queue tests. */
import type { Announcement } from '../../../contract/announcement.js';
import type { AnnouncementKind } from '../../../contract/messages.js';
import { finished, next, request, started, type AnnouncementQueue } from './announcement-queue.js';

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

/** Midnight in Shanghai, 2026-12-01. */
export const MIDNIGHT = Date.UTC(2026, 10, 30, 16, 0);
/** 10:00 local, a busy morning. */
export const T0 = MIDNIGHT + 10 * 60 * MINUTE;

export const localTime = (hhmm: string): number => MIDNIGHT + (Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3))) * MINUTE;

export const shanghaiMinuteOfDay = (ms: number): number => Math.floor((((ms + 8 * 60 * MINUTE) % DAY) + DAY) % DAY / MINUTE);

export function announcement(kind: AnnouncementKind, id: string, over: Partial<Announcement> = {}): Announcement {
  return { id, kind, requestedAt: T0, expiresAt: null, durationMs: 4_000, repeat: 1, payload: { text: id }, ...over };
}

export function requestAll(q: AnnouncementQueue, list: readonly Announcement[], now = T0): AnnouncementQueue {
  return list.reduce((acc, a) => request(acc, a, now).q, q);
}

/** Plays everything that will play at `now`, each start and end at `now`: the ids in play order. */
export function drain(q: AnnouncementQueue, now = T0): { q: AnnouncementQueue; played: string[] } {
  const played: string[] = [];
  let s = next(q, now);
  while (s.play) {
    played.push(s.play.id);
    const id = s.play.id;
    s = next(finished(started(s.q, id, now).q, id, now).q, now);
  }
  return { q: s.q, played };
}
