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
import { systemClock, type Clock, type Log, type Timers } from './ports.js';
import { createScheduleTrack, type ScheduleTrack } from './services/schedule-runner/schedule-track.js';
import { createHallDisplays } from './services/hall-displays/hall-displays.js';
import { createHallMetrics, type HallMetrics } from './services/metrics/hall-metrics.js';
import { wallTimers } from './services/time/wall-timers.js';
import { TimeZone } from './domain/time/time-zone.js';
import { openPlayerLog } from './services/log/player-log.js';
import { localTimesLog } from './services/log/local-times.js';
import { displayIdentity, displayShows, displayState, mediaUrl } from './domain/display/display-state.js';
import { UNASSIGNED, type DisplayView } from './domain/display/display-view.js';
import { openProofOfPlayLog, switchTiming, type ProofOfPlayLog } from './services/log/proof-of-play.js';
import { createQueueSlot, type QueueSlot } from './services/queue-hub/queue-slot.js';
import { createCallMoments } from './services/call-moment/call-moments.js';
import { showsCall } from './domain/call-moment/shows-queue-board.js';
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
import type { EmergencyDesk } from './services/pa-desk/emergency-desk.js';
import { createPowerRunner, type PowerRunner } from './services/power/power-runner.js';

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
  /**
   * What the display of session `display` shows now: its displays.json entry's layout and
   * programmes, or the hall's for an unassigned one; without a session, an unassigned display's.
   */
  state(display?: string): DisplayState;
  /** Called when what displays show changed; each display then asks for its own `state`. The argument is an unassigned display's. */
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
  /** The emergency takeover every display session follows (the PA desk's, services/pa-desk/emergency-desk.ts). */
  readonly emergency: Pick<EmergencyDesk, 'current' | 'subscribe'>;
  /** Registers a display for announcements (the latest to report its audio ready speaks); returns the detach function. */
  attachSpeaker(display: string, send: AnnounceSend): () => void;
  /** The player's own faults (disk, displays lost, restarts, stalls, clock jumps, drops): /api/status → health. */
  readonly health: Health;
  /** What `GET /metrics` scrapes. */
  readonly metrics: HallMetrics;
  /** The host's time, for the sessions its channels hold (a display session's rates and checks). */
  readonly clock: Clock;
  readonly timers: Timers;
  /** Each display's screen power (displays.json's power windows); `power.wake(reason)` wakes them all. */
  readonly power: PowerRunner;
}

export function createHost(options: HostOptions): Host {
  const clock = options.clock ?? systemClock;
  const timers = options.timers ?? wallTimers(clock);
  // The schedule's zone, once a configuration is in force: log lines show their instants in it.
  let hallZone: TimeZone | null = null;
  // Without a log given (tests, tools): JSON lines on the terminal, no file.
  const log = localTimesLog(options.log ?? openPlayerLog({ level: 'info', stateDir: null, pretty: false }).log, () => hallZone);
  const startedAt = clock.now();
  const health = options.health ?? createHealth({ now: clock.now, log });
  const states = topic<DisplayState>();
  let seq = 0;
  // The hall's schedule; displays with programmes of their own follow theirs (hall-displays.ts).
  let hallTrack: ScheduleTrack | null = null;
  let started = false;
  const idleImage = existsSync(path.join(options.assetsDir, IDLE_IMAGE)) ? mediaUrl(IDLE_IMAGE) : null;
  // Read when scraped: the status of the host made below.
  const metrics: HallMetrics = createHallMetrics(() => host.status());
  const queue = createQueueSlot({ clock, timers, log, ...(options.feedDeps ? { feedDeps: options.feedDeps } : {}) });
  // Emergencies refused over their budget, counted in health once a second: a flood costs one line a second.
  const refusals = batchedCount(timers.after, (n, reason) => health.count('dropped-reports', 'emergency requests refused', { reason }, n));
  const pa: PaDesk = createPaDesk({
    assetsDir: options.assetsDir,
    speechDir: options.speechDir ?? (options.stateDir ? speechFolderOf(options.stateDir) : path.join(os.tmpdir(), `hallcast-speech-${process.pid}`)),
    logDir: options.stateDir ? path.join(options.stateDir, ANNOUNCEMENT_LOG_FOLDER) : null,
    stateDir: options.stateDir,
    clock,
    timers,
    log,
    queue,
    onDiversion: () => publish(),
    health,
    onRefused: (reason) => refusals.add(reason),
    onRecord: (entry) => metrics.announced(entry),
  });
  const proof: ProofOfPlayLog | null = options.stateDir
    ? openProofOfPlayLog(path.join(options.stateDir, 'proof-of-play'), () => TimeZone.of(store.current()?.config.schedule.timezone ?? HALL_TIME_ZONE), health)
    : null;
  // Which displays painted each fresh call, and how far apart: one proof-of-play record per call.
  const moments = createCallMoments({
    clock,
    timers,
    subscribeCalls: queue.subscribeCalls,
    // Each display by its own state: the board's displays, and that counter's screen; one whose programme hides both is not expected.
    expected: (counter) => displays.sessions().filter((d) => d.alive && d.shell !== null && showsCall(showsFor(displays.view(d.session)), counter)).map((d) => d.id),
    write: (record) => void proof?.write(record),
  });

  const power = createPowerRunner({ clock, timers, log });
  power.subscribe(() => publish());
  // An emergency wakes every sleeping screen for as long as it lasts.
  let emergencyWake: (() => void) | null = null;
  const wakeFor = (emergency: unknown): void => {
    if (emergency && !emergencyWake) emergencyWake = power.wake('emergency');
    else if (!emergency && emergencyWake) {
      emergencyWake();
      emergencyWake = null;
    }
  };
  pa.emergency.subscribe(wakeFor);
  // One restored from before a restart (kept-emergency.ts) is already on.
  wakeFor(pa.emergency.current());
  const displays = createHallDisplays({ clock, timers, log, onChange: () => publish(), seating: (seating) => pa.desk.seating(seating) });

  /** The state for one display's view; the idle fallback until a configuration is in force. */
  const stateFor = (view: DisplayView): DisplayState => {
    const applied = store.current();
    const resolution = (displays.trackOfDisplay(view.id) ?? hallTrack)?.resolution();
    if (!applied || !resolution) return { ...fallbackState(clock.now()), seq: ++seq, display: displayIdentity(view) };
    return { ...displayState({ config: applied.config, resolution, now: clock.now(), seq: ++seq, idleImage, diversion: pa.diversion(), view }), power: power.power(view.id) };
  };
  /** What one display shows, for status and the call moment: its state's programme, layout and identity, without taking a `seq`. */
  const showsFor = (view: DisplayView): Pick<DisplayState, 'programme' | 'layout' | 'display'> => {
    const applied = store.current();
    const resolution = (displays.trackOfDisplay(view.id) ?? hallTrack)?.resolution();
    if (!applied || !resolution) return { programme: null, layout: fallbackState(clock.now()).layout, display: displayIdentity(view) };
    return displayShows({ config: applied.config, resolution, view });
  };
  const publish = (): void => {
    if (!store.current() || !hallTrack?.resolution()) return;
    states.publish(stateFor(displays.view(undefined)));
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
      displays.configure(applied.config);
      power.configure(applied.config);
      if (!hallTrack) {
        hallTrack = createScheduleTrack(applied.schedule, {
          clock,
          timers,
          log,
          onChange: () => publish(),
          onClockJump(jump) {
            // The one line per step; the scheduler re-resolves and publishes (with the new time) next.
            health.count('clock-jumps', jump.message, { jumpedMs: Math.round(jump.jumpedMs), expected: new Date(jump.expected).toISOString(), now: new Date(jump.now).toISOString() });
            pa.clockStepped(jump.jumpedMs);
            queue.clockStepped(jump.jumpedMs);
          },
        });
        if (started) hallTrack.start();
      } else {
        hallTrack.load(applied.schedule);
      }
    },
  });

  const queueStatus = (): QueueStatus | null => {
    const hub = queue.hub();
    if (!hub) return null;
    const board = hub.board();
    return { now: hub.now(), feed: board.feed, nowServing: board.serving, recentCalls: board.calls, services: board.services, overdue: hub.overdue() };
  };

  const host: Host = {
    start() {
      if (started) return;
      // Loads the folder now and follows its changes from here on.
      store.start();
      started = true;
      hallTrack?.start();
      displays.start();
      power.start();
      if (!hallTrack) log.warn('no valid playlists and no saved copy: showing the idle slide until the folder is fixed');
    },
    stop() {
      refusals.flush();
      hallTrack?.stop();
      displays.stop();
      power.stop();
      store.stop();
      started = false;
      void queue.stop();
      pa.stop();
      moments.stop();
      proof?.close();
    },
    state: (display) => stateFor(displays.view(display)),
    subscribe: states.subscribe,
    receive(message, display) {
      const info = displays.info(display);
      info.lastSeen = clock.now();
      if (!info.alive && message.type === 'heartbeat') {
        displays.alive(display, true);
        pa.desk.alive(display, true);
        log.info('display back', { display: info.id, session: display });
      }
      if (message.type === 'hello') {
        displays.hello(display, message.hello);
        log.info('display connected', { display: info.id, session: display, shell: info.shell, size: `${info.width}x${info.height}`, ...(info.assigned ? {} : { assigned: false }) });
      } else if (message.type === 'heartbeat') {
        info.programme = message.heartbeat.programme;
        info.item = message.heartbeat.item;
        info.position = message.heartbeat.position;
        if (message.heartbeat.stillForMs !== undefined) info.stillForMs = message.heartbeat.stillForMs;
      } else if (message.type === 'announcement') {
        pa.desk.report(display, message.announcement);
      } else if (message.type === 'acknowledge') {
        // Logged by its displays.json id, as the hall names it.
        pa.emergency.acknowledge(info.id, message.acknowledge);
      } else if (message.type === 'fault') {
        const fault = message.fault;
        if (fault.kind === 'gpu-context-lost') health.count(fault.kind, 'display lost its WebGL context; stage rebuilt', { display });
        else health.count(fault.kind, 'part of the display\'s code did not load; asking again', { display, part: fault.part });
      } else if (message.type === 'audio') {
        if (info.audio !== message.audio.output) log.info('display audio output', { display, output: message.audio.output });
        info.audio = message.audio.output;
        pa.desk.audio(display, message.audio.output);
      } else if (message.type === 'painted') {
        // By its displays.json id, as the expected list names it.
        moments.painted(info.id, message.painted);
      } else if (message.type === 'clock') {
        // The session answers clock pings itself; none reaches here.
      } else {
        const report = message.report;
        metrics.played(report);
        if (report.event === 'skipped' && (report.reason === 'stalled' || report.reason === 'decode-error')) {
          health.count('stalled-items', 'item skipped', { display, item: report.item, url: report.url, reason: report.reason, ...(report.detail ? { detail: report.detail } : {}) });
        } else if (report.event === 'skipped') log.warn('item skipped', { display, item: report.item, url: report.url, reason: report.reason });
        const timing = (displays.track(display) ?? hallTrack)?.timing(report) ?? { scheduledAt: null };
        proof?.write({
          ...report,
          logged: clock.now(),
          // Proof of play names the display as the hall does (its displays.json id), and the session for an unassigned one.
          display: info.id,
          scheduledAt: timing.scheduledAt,
          ...(timing.firstFrame ? switchTiming(timing.firstFrame.reason, timing.firstFrame.sinceSwitchMs) : {}),
        });
      }
    },
    lost(display, why) {
      if (!displays.has(display)) return;
      const info = displays.info(display);
      if (!info.alive) return;
      const id = info.id;
      displays.alive(display, false);
      pa.desk.alive(display, false);
      health.count('display-lost', 'display lost', { display: id, why });
    },
    disconnect(display, why = 'its session closed') {
      if (!displays.has(display)) return;
      const id = displays.info(display).id;
      if (displays.remove(display)) health.count('display-lost', 'display lost', { display: id, why });
    },
    status() {
      const applied = store.current();
      const resolution = hallTrack?.resolution() ?? null;
      const programme = resolution?.programme ? applied?.config.programmes[resolution.programme] : undefined;
      const connected = displays.sessions();
      const playing = [...connected].sort((a, b) => b.lastSeen - a.lastSeen)[0];
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
        displays: connected.map((d) => {
          const role = pa.desk.role(d.session);
          return { ...d, speaker: d.session === announcements.speaker, ...(role ? { pa: role } : {}), layout: showsFor(displays.view(d.session)).layout.name, power: power.power(displays.view(d.session).id) };
        }),
        displaysMissing: displays.missing(),
        power: power.all(),
        playlists: store.status(),
        queue: queueNow,
        announcements: { current: announcements.current, pending: announcements.pending.length, reach: announcements.reach },
        emergency: pa.emergency.status(),
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
    emergency: pa.emergency,
    attachSpeaker: (display, send) => pa.desk.attach(display, send),
    health,
    metrics,
    clock,
    timers,
    power,
  };
  return host;
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
    display: displayIdentity(UNASSIGNED),
    ticker: { speed: 120, notices: [] },
    timezone: HALL_TIME_ZONE,
    serverTime: now,
    idleImage: null,
    diversion: null,
  };
}
