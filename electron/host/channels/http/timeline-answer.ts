/**
 * The day's switches for GET /api/timeline and the console's GET /admin/api/timeline: one answer,
 * two doors.
 */
import type { Host } from '../../host.js';
import { dayTimeline, TimelineRequestError } from '../../domain/schedule/day-timeline.js';
import type { Answer } from './answer.js';

export function timelineAnswer(host: Host, query: { date?: string; days?: string }, now: number): Answer {
  const applied = host.applied();
  if (!applied) return { status: 503, body: { error: 'no valid playlists loaded', playlists: host.status().playlists } };
  try {
    return { status: 200, body: dayTimeline(applied.config, query.date ?? null, Number(query.days ?? '1'), now) };
  } catch (error) {
    if (error instanceof TimelineRequestError) return { status: 400, body: { error: error.message } };
    throw error;
  }
}
