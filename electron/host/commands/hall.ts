/**
 * The hall's own verbs: is the player up, what is it doing, what will the day bring, and load the
 * playlist folder now. Each answers with an outcome, never an HTTP code (channels translate).
 */
import type { Host } from '../host.js';
import type { HostStatus, PlaylistStatus } from '../../contract/status-view.js';
import { refused, type Refusal } from '../../contract/refusal.js';
import type { DayTimeline } from '../../contract/timeline-view.js';
import { dayTimeline, TimelineRequestError } from '../domain/schedule/day-timeline.js';

export interface HallCommands {
  health(): { ok: true; version: string; uptimeSeconds: number };
  status(): HostStatus;
  /** The switches of `days` days from `date` (the hall's today when null). */
  timeline(request: { date?: string | undefined; days?: string | undefined }): TimelineOutcome;
  /** Reads the playlist folder now (the watcher does it too; this answers with the outcome). */
  reload(): ReloadOutcome;
  /** The player in Prometheus's text format (services/metrics/hall-metrics.ts). */
  metrics(): Promise<{ text: string; contentType: string }>;
}

export type TimelineOutcome =
  | { ok: true; timeline: DayTimeline }
  | (Refusal<'no-playlists'> & { playlists: PlaylistStatus })
  | Refusal<'invalid-request'>;

export type ReloadOutcome = { ok: true; playlists: PlaylistStatus } | (Refusal<'invalid-playlists'> & { playlists: PlaylistStatus });

export function hallCommands(host: Host, version: string, now: () => number): HallCommands {
  return {
    health: () => ({ ok: true, version, uptimeSeconds: host.status().uptimeSeconds }),
    status: () => host.status(),
    timeline(request) {
      const applied = host.applied();
      if (!applied) return { ...refused('no-playlists', 'no valid playlists loaded'), playlists: host.status().playlists };
      try {
        return { ok: true, timeline: dayTimeline(applied.config, request.date ?? null, Number(request.days ?? '1'), now()) };
      } catch (error) {
        if (error instanceof TimelineRequestError) return refused('invalid-request', error.message);
        throw error;
      }
    },
    metrics: async () => ({ text: await host.metrics.text(), contentType: host.metrics.contentType }),
    reload() {
      const applied = host.reload();
      const playlists = host.status().playlists;
      return applied ? { ok: true, playlists } : { ...refused('invalid-playlists', 'the playlist folder is not valid: the player keeps what it showed'), playlists };
    },
  };
}
