/**
 * The host: the Electron-free heart of the player. It keeps the configuration in force (with hot
 * reload), runs the scheduler, tells every display what to show, and writes what they report to
 * the proof-of-play log. `hallcast serve` and the Electron shell both wrap one Host.
 */
import { existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { DisplayState, FromDisplay } from '../contract/messages.js';
import { createPlaylistStore, type Applied, type PlaylistStore } from './services/playlists/store.js';
import type { Resolution } from './domain/schedule/timeline.js';
import { systemClock, type Clock, type Log, type Timers } from './ports.js';
import { createScheduleRunner, type ScheduleRunner, type SwitchReason } from './services/schedule-runner/schedule-runner.js';
import { wallTimers } from './services/time/wall-timers.js';
import { TimeZone } from './domain/time/time-zone.js';
import { jsonLog } from './services/log/json-log.js';
import { localTimesLog } from './services/log/local-times.js';
import { displayState, mediaUrl } from './domain/display/display-state.js';
import { openProofOfPlayLog, switchTiming, type ProofOfPlayLog } from './services/log/proof-of-play.js';
import { createQueueSlot, type QueueSlot } from './services/queue-hub/queue-slot.js';
import { createCallMoments } from './services/call-moment/call-moments.js';
import { showsQueueBoard } from './domain/call-moment/shows-queue-board.js';
import type { FeedDeps } from './services/queue-feeds/feed.js';
import { ANNOUNCEMENT_LOG_FOLDER, createPaDesk, speechFolderOf, type PaDesk } from './services/pa-desk/pa-desk.js';
import type { DisplayInfo, HostStatus, QueueStatus } from '../contract/status-view.js';
import { HALL_BACKGROUND, HALL_TIME_ZONE, IDLE_IMAGE } from '../contract/hall-defaults.js';
import { createHealth, type Health } from './domain/health/health.js';
import { provisionalHolidayAlerts } from './domain/schedule/holiday-alerts.js';
import { formatLocal } from './domain/time/local-format.js';
import { parseIsoDate } from './domain/time/civil.js';
import { batchedCount } from './domain/health/batched-count.js';

export type { DisplayInfo, HostStatus, QueueStatus };
import type { AnnounceSend } from './services/pa-desk/display-roster.js';
import { topic } from './services/topic.js';

export interface HostOptions {
  playlistsDir: string;
  assetsDir: string;
  /** Saved configuration and logs; null keeps nothing on disk (tests). */
  stateDir: string | null;
  /** The player's clock (default the system's; `hallcast serve --at` runs it ahead or behind). */
  clock?: Clock;
  /** Every timer of the host and its services (default: wallTimers on `clock`); tests pass fake ones. */
  timers?: Timers;
  log?: Log;
  /** Watch the playlist folder with fs.watch (default true); it is compared every 30 s either way. */
  watch?: boolean;
  /** Network, and its own time, for pull queue feeds (default: the system's; tests). */
  feedDeps?: Partial<FeedDeps>;
  /** Rendered speech; default STATE/speech, or a temporary folder without a state folder. */
  speechDir?: string;
  /** Shared with the parts around the host that meet faults too (the kiosk supervisor). */
  health?: Health;
}

export interface Host {
  start(): void;
  stop(): void;
  state(): DisplayState;
  subscribe(listener: (state: DisplayState) => void): () => void;
  /** A message from a display that said hello (the channel drops the rest). */
  receive(message: FromDisplay, display: string): void;
  /** The display stopped heartbeating: counted in health, and it cannot speak until it comes back. */
  lost(display: string, why: string): void;
  /** The display's session ended: counted in health as a display lost. */
  disconnect(display: string, why?: string): void;
  status(): HostStatus;
  applied(): Applied | null;
  /** Loads the playlist folder now; true when it was applied. */
  reload(): boolean;
  /** The queue board and its feed (playlists/queue.json). */
  readonly queue: QueueSlot;
  /** The PA: announcements, their triggers and log (playlists/announcements.json). */
  readonly pa: PaDesk;
  /** Registers a display for announcements (the latest to report its audio ready speaks); returns the detach function. */
  attachSpeaker(display: string, send: AnnounceSend): () => void;
  /** The player's own faults (disk, displays lost, restarts, stalls, clock jumps, drops): /api/status → health. */
  readonly health: Health;
  /** The host's time, for the sessions its channels hold (a display session's rates and checks). */
  readonly clock: Clock;
  readonly timers: Timers;
}

export function createHost(options: HostOptions): Host {
  const clock = options.clock ?? systemClock;
  const timers = options.timers ?? wallTimers(clock);
  // The schedule's zone, once a configuration is in force: log lines show their instants in it.
  let hallZone: TimeZone | null = null;
  const log = localTimesLog(options.log ?? jsonLog(), () => hallZone);
  const startedAt = clock.now();
  const health = options.health ?? createHealth({ now: clock.now, log });
  const states = topic<DisplayState>();
  const displays = new Map<string, DisplayInfo>();
  let seq = 0;
  let scheduler: ScheduleRunner | null = null;
  let resolution: Resolution | null = null;
  let switchedAt: number | null = null;
  let switchReason: SwitchReason = 'start';
  let firstFramePending = false;
  let current: DisplayState = fallbackState(clock.now());
  let started = false;
  const idleImage = existsSync(path.join(options.assetsDir, IDLE_IMAGE)) ? mediaUrl(IDLE_IMAGE) : null;
  const queue = createQueueSlot({ clock, timers, log, ...(options.feedDeps ? { feedDeps: options.feedDeps } : {}) });
  // Emergencies refused over their budget, counted in health once a second: a flood costs one line a second.
  const refusals = batchedCount(timers.after, (n, reason) => health.count('dropped-reports', 'emergency requests refused', { reason }, n));
  const pa: PaDesk = createPaDesk({
    assetsDir: options.assetsDir,
    speechDir: options.speechDir ?? (options.stateDir ? speechFolderOf(options.stateDir) : path.join(os.tmpdir(), `hallcast-speech-${process.pid}`)),
    logDir: options.stateDir ? path.join(options.stateDir, ANNOUNCEMENT_LOG_FOLDER) : null,
    clock,
    timers,
    log,
    queue,
    onDiversion: () => publish(),
    health,
    onRefused: (reason) => refusals.add(reason),
  });
  const proof: ProofOfPlayLog | null = options.stateDir
    ? openProofOfPlayLog(path.join(options.stateDir, 'proof-of-play'), () => TimeZone.of(store.current()?.config.schedule.timezone ?? HALL_TIME_ZONE), health)
    : null;
  // Which displays painted each fresh call, and how far apart: one proof-of-play record per call.
  const moments = createCallMoments({
    clock,
    timers,
    subscribeCalls: queue.subscribeCalls,
    expected: () => (showsQueueBoard(current) ? [...displays.values()].filter((d) => d.alive && d.shell !== null).map((d) => d.id) : []),
    write: (record) => void proof?.write(record),
  });

  const publish = (): void => {
    const applied = store.current();
    if (!applied || !resolution) return;
    current = displayState({ config: applied.config, resolution, now: clock.now(), seq: ++seq, idleImage, diversion: pa.diversion() });
    states.publish(current);
  };

  const store: PlaylistStore = createPlaylistStore({
    dir: options.playlistsDir,
    assetsDir: options.assetsDir,
    stateDir: options.stateDir,
    log,
    now: clock.now,
    timers,
    watch: options.watch !== false,
    health,
    onApply(applied) {
      hallZone = TimeZone.of(applied.config.schedule.timezone);
      queue.load(applied.config.queue, TimeZone.of(applied.config.schedule.timezone));
      pa.configure(applied.config);
      if (!scheduler) {
        scheduler = createScheduleRunner(applied.schedule, {
          clock,
          timers,
          log,
          onSwitch(next, reason) {
            // The proof-of-play log compares the first frame with the switch the schedule asked for.
            if (!resolution || resolution.programme !== next.programme) {
              switchedAt = next.since;
              switchReason = reason;
              firstFramePending = true;
            }
            resolution = next;
            publish();
          },
          onClockJump(jump) {
            // The one line per step; the scheduler re-resolves and publishes (with the new time) next.
            health.count('clock-jumps', jump.message, { jumpedMs: Math.round(jump.jumpedMs), expected: new Date(jump.expected).toISOString(), now: new Date(jump.now).toISOString() });
            pa.clockStepped(jump.jumpedMs);
            queue.clockStepped(jump.jumpedMs);
          },
        });
        if (started) scheduler.start();
      } else {
        // No switch, but the programme's items, the layout or the ticker may have changed.
        if (!scheduler.load(applied.schedule)) {
          resolution = scheduler.current();
          publish();
        }
      }
    },
  });

  const queueStatus = (): QueueStatus | null => {
    const hub = queue.hub();
    if (!hub) return null;
    const board = hub.board();
    return { now: hub.now(), feed: board.feed, nowServing: board.serving, recentCalls: board.calls, services: board.services, overdue: hub.overdue() };
  };

  return {
    start() {
      if (started) return;
      // Loads the folder now and follows its changes from here on.
      store.start();
      started = true;
      scheduler?.start();
      if (!scheduler) log.warn('no valid playlists and no saved copy: showing the idle slide until the folder is fixed');
    },
    stop() {
      refusals.flush();
      scheduler?.stop();
      store.stop();
      started = false;
      void queue.stop();
      pa.stop();
      moments.stop();
      proof?.close();
    },
    state: () => ({ ...current, serverTime: clock.now() }),
    subscribe: states.subscribe,
    receive(message, display) {
      const info = displays.get(display) ?? { id: display, shell: null, width: null, height: null, lastSeen: 0, programme: null, item: null, position: null, audio: 'unknown', alive: true };
      info.lastSeen = clock.now();
      displays.set(display, info);
      if (!info.alive && message.type === 'heartbeat') {
        info.alive = true;
        pa.desk.alive(display, true);
        log.info('display back', { display });
      }
      if (message.type === 'hello') {
        info.shell = message.hello.shell;
        info.width = message.hello.width;
        info.height = message.hello.height;
        log.info('display connected', { display, shell: info.shell, size: `${info.width}x${info.height}` });
      } else if (message.type === 'heartbeat') {
        info.programme = message.heartbeat.programme;
        info.item = message.heartbeat.item;
        info.position = message.heartbeat.position;
      } else if (message.type === 'announcement') {
        pa.desk.report(display, message.announcement);
      } else if (message.type === 'fault') {
        const fault = message.fault;
        if (fault.kind === 'gpu-context-lost') health.count(fault.kind, 'display lost its WebGL context; stage rebuilt', { display });
        else health.count(fault.kind, 'part of the display\'s code did not load; asking again', { display, part: fault.part });
      } else if (message.type === 'audio') {
        if (info.audio !== message.audio.output) log.info('display audio output', { display, output: message.audio.output });
        info.audio = message.audio.output;
        pa.desk.audio(display, message.audio.output);
      } else if (message.type === 'painted') {
        moments.painted(display, message.painted);
      } else if (message.type === 'clock') {
        // The session answers clock pings itself; none reaches here.
      } else {
        const report = message.report;
        if (report.event === 'skipped' && (report.reason === 'stalled' || report.reason === 'decode-error')) {
          health.count('stalled-items', 'item skipped', { display, item: report.item, url: report.url, reason: report.reason, ...(report.detail ? { detail: report.detail } : {}) });
        } else if (report.event === 'skipped') log.warn('item skipped', { display, item: report.item, url: report.url, reason: report.reason });
        const scheduledAt = report.programme === resolution?.programme ? switchedAt : null;
        const firstOfSwitch = report.event === 'first-frame' && scheduledAt !== null && firstFramePending;
        proof?.write({
          ...report,
          logged: clock.now(),
          display,
          scheduledAt,
          ...(firstOfSwitch ? switchTiming(switchReason, report.at - scheduledAt) : {}),
        });
        // Only the first frame after a switch measures the switch's lateness.
        if (firstOfSwitch) firstFramePending = false;
      }
    },
    lost(display, why) {
      const info = displays.get(display);
      if (!info?.alive) return;
      info.alive = false;
      pa.desk.alive(display, false);
      health.count('display-lost', 'display lost', { display, why });
    },
    disconnect(display, why = 'its session closed') {
      if (displays.delete(display)) health.count('display-lost', 'display lost', { display, why });
    },
    status() {
      const applied = store.current();
      const programme = resolution?.programme ? applied?.config.programmes[resolution.programme] : undefined;
      const playing = [...displays.values()].sort((a, b) => b.lastSeen - a.lastSeen)[0];
      const announcements = pa.desk.view();
      const queueNow = queueStatus();
      return {
        ok: applied !== null,
        uptimeSeconds: Math.round((clock.now() - startedAt) / 1000),
        programme: programme ? { id: programme.id, title: programme.title } : null,
        entry: resolution?.entry ?? null,
        since: resolution?.since ?? null,
        nextSwitch: resolution?.next ?? null,
        nowPlaying: playing ? { item: playing.item, position: playing.position } : null,
        displays: [...displays.values()].map((d) => ({ ...d, speaker: d.id === announcements.speaker })),
        playlists: store.status(),
        queue: queueNow,
        announcements: { current: announcements.current, pending: announcements.pending.length, reach: announcements.reach },
        alerts: [
          ...(queueNow?.overdue ?? []).map((o) => ({ kind: 'overdue' as const, ...o })),
          ...pa.alerts(),
          ...(applied ? provisionalHolidayAlerts(applied.config.calendars, localToday(applied.config.schedule.timezone, clock.now())) : []),
        ],
        health: health.view(),
      };
    },
    applied: () => store.current(),
    reload: () => store.reload(),
    queue,
    pa,
    attachSpeaker: (display, send) => pa.desk.attach(display, send),
    health,
    clock,
    timers,
  };
}

/** The hall's local date of `at`, as a day number. */
function localToday(timezone: string, at: number): number {
  return parseIsoDate(formatLocal(TimeZone.of(timezone), at).date)!;
}

/** Shown before any configuration could be loaded: one full-screen zone with the idle slide. */
function fallbackState(now: number): DisplayState {
  return {
    seq: 0,
    programme: null,
    entry: null,
    nextSwitch: null,
    layout: {
      name: 'fallback',
      orientation: 'landscape',
      background: HALL_BACKGROUND,
      zones: [
        { name: 'main', kind: 'programme', x: 0, y: 0, w: 1, h: 1 },
        { name: 'clock', kind: 'clock', x: 0.7, y: 0, w: 0.3, h: 0.12 },
      ],
    },
    ticker: { speed: 120, notices: [] },
    timezone: HALL_TIME_ZONE,
    serverTime: now,
    idleImage: null,
    diversion: null,
  };
}
