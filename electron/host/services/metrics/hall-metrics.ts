/**
 * `GET /metrics`: the player in Prometheus's text format, for whoever watches many halls. Counters
 * are kept as things happen (items played and skipped, announcements by outcome, playlist loads
 * refused); everything else is read from the player's status when scraped, so the two can never
 * disagree. Process memory and event-loop lag come from prom-client's default collectors.
 */
import { collectDefaultMetrics, Counter, Gauge, Registry } from 'prom-client';
import type { PlaybackReport } from '../../../contract/messages.js';
import type { HostStatus } from '../../../contract/status-view.js';
import type { AnnouncementLogRecord } from '../pa-desk/announcement-log.js';

const FEED_STATES = ['connecting', 'up', 'delayed', 'down'] as const;

export interface HallMetrics {
  /** A display's playback report. */
  played(report: PlaybackReport): void;
  /** A line of the announcement log: its outcome is counted. */
  announced(entry: AnnouncementLogRecord): void;
  /** The whole text, as scraped; `status` is read now. */
  text(): Promise<string>;
  readonly contentType: string;
}

/** Reasons come from displays: only the known ones become label values, so a hostile display cannot mint series. */
const SKIP_REASONS = new Set(['missing', 'decode-error', 'stalled', 'play-rejected']);

export function createHallMetrics(status: () => HostStatus): HallMetrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'hallcast_process_' });
  const items = new Counter({ name: 'hallcast_items_total', help: 'Items the displays reported, by event (first-frame, ended, skipped) and, for a skip, its reason', labelNames: ['event', 'reason'] as const, registers: [registry] });
  const announcements = new Counter({ name: 'hallcast_announcements_total', help: 'Announcements by outcome (requested, merged, started, ended, failed, dropped, rejected)', labelNames: ['outcome'] as const, registers: [registry] });
  new Gauge({
    name: 'hallcast_displays',
    help: 'Displays connected now, by whether they hold a displays.json entry and whether they heartbeat',
    labelNames: ['assigned', 'alive'] as const,
    registers: [registry],
    collect() {
      this.reset();
      for (const d of status().displays) this.inc({ assigned: String(d.assigned), alive: String(d.alive) });
    },
  });
  new Gauge({
    name: 'hallcast_displays_missing',
    help: "displays.json's displays no connected display holds",
    registers: [registry],
    collect() {
      this.set(status().displaysMissing.length);
    },
  });
  new Gauge({
    name: 'hallcast_pa_can_speak',
    help: '1 while a display can speak for the PA, else 0',
    registers: [registry],
    collect() {
      this.set(status().announcements.reach.canSpeak ? 1 : 0);
    },
  });
  new Gauge({
    name: 'hallcast_queue_feed_state',
    help: 'The queue feed: 1 for its state now (connecting, up, delayed, down), 0 for the others; none without queue.json',
    labelNames: ['kind', 'state'] as const,
    registers: [registry],
    collect() {
      this.reset();
      const queue = status().queue;
      if (!queue) return;
      for (const state of FEED_STATES) this.set({ kind: queue.feed.kind, state }, queue.feed.state === state ? 1 : 0);
    },
  });
  new Gauge({
    name: 'hallcast_queue_feed_lag_seconds',
    help: 'Seconds since the queue feed was last heard from (an event or a sign of life), on the queue\'s clock',
    registers: [registry],
    collect() {
      this.reset();
      const queue = status().queue;
      if (queue?.feed.lastEventAt != null) this.set(Math.max(0, (queue.now - queue.feed.lastEventAt) / 1000));
    },
  });
  new Gauge({
    name: 'hallcast_playlist_loads_refused',
    help: 'Loads of the playlist folder refused since start (the configuration in force stayed)',
    registers: [registry],
    collect() {
      this.set(status().playlists.refused);
    },
  });
  new Gauge({
    name: 'hallcast_health_events',
    help: "The player's own faults since start, by class (as /api/status → health)",
    labelNames: ['class'] as const,
    registers: [registry],
    collect() {
      this.reset();
      for (const [name, view] of Object.entries(status().health.classes)) this.set({ class: name }, view.count);
    },
  });

  return {
    played(report) {
      const reason = report.event === 'skipped' ? (SKIP_REASONS.has(report.reason ?? '') ? report.reason! : 'other') : '';
      if (report.event !== 'attempted') items.inc({ event: report.event, reason });
    },
    announced(entry) {
      const outcome = entry.event === 'ended' ? (entry.failure ? 'failed' : 'ended') : entry.event;
      if (outcome !== 'ducked' && outcome !== 'stop') announcements.inc({ outcome });
    },
    text: () => registry.metrics(),
    contentType: registry.contentType,
  };
}
