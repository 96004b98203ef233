/**
 * The hall's screens as the host knows them: each display session, the displays.json entry it
 * claimed, its screen, and — for a display with programmes of its own — the schedule it follows.
 *
 * A page names itself in its hello (`/?display=ID`). It gets that entry when the id is valid, in
 * displays.json, and not held by another display that is still alive; otherwise it plays as an
 * unassigned display (the hall's schedule, a layout for its screen) and status says why, so the
 * floor manager can name it. A display that stopped heartbeating gives its id up to the next page
 * that claims it (the same screen, reloaded); a live holder keeps it against a second claimant
 * (two screens given one id by mistake must not take turns).
 *
 * It also tells the PA desk who may speak: displays.json's speaker, then its standbys in file order.
 */
import type { DisplayInfo } from '../../../contract/status-view.js';
import type { DisplayHello } from '../../../contract/messages.js';
import type { HallConfig } from '../../../contract/hall-config.js';
import { displayIdProblem, isDisplayId } from '../../../contract/display-id.js';
import { compileSchedule } from '../../domain/schedule/compile.js';
import { displaySchedule, UNASSIGNED, type DisplayView } from '../../domain/display/display-view.js';
import type { Clock, Log, Timers } from '../../ports.js';
import type { Seating } from '../pa-desk/display-roster.js';
import { createScheduleTrack, type ScheduleTrack } from '../schedule-runner/schedule-track.js';

export interface HallDisplaysDeps {
  clock: Clock;
  timers: Timers;
  log: Log;
  /** Something a display shows changed (an assignment, its own schedule switched). */
  onChange(): void;
  /** displays.json's speaker and standbys, for the PA desk. */
  seating(seating: Seating | null): void;
}

interface Session {
  info: DisplayInfo;
  /** What its hello asked to be; null: nothing. */
  requested: string | null;
  /** Connection order: among claimants of a free id the earliest gets it. */
  order: number;
}

export interface HallDisplays {
  /** A new configuration: assignments, own schedules and PA roles follow it. */
  configure(config: HallConfig): void;
  start(): void;
  stop(): void;
  /** The session's entry, creating it on its first message. */
  info(session: string): DisplayInfo;
  /** The page's hello: who it says it is, and its screen. */
  hello(session: string, hello: DisplayHello): void;
  /** It stopped heartbeating (false) or came back (true). */
  alive(session: string, alive: boolean): void;
  /** Its session ended; true if it was known. */
  remove(session: string): boolean;
  has(session: string): boolean;
  /** What the session's display is, for its state; unassigned before its hello. */
  view(session: string | undefined): DisplayView;
  /** The schedule the session's display follows: its own, or null for the hall's. */
  track(session: string): ScheduleTrack | null;
  trackOfDisplay(id: string | null): ScheduleTrack | null;
  sessions(): DisplayInfo[];
  /** displays.json's displays that no session holds now. */
  missing(): string[];
}

export function createHallDisplays(deps: HallDisplaysDeps): HallDisplays {
  const sessions = new Map<string, Session>();
  const holders = new Map<string, string>();
  const tracks = new Map<string, ScheduleTrack>();
  let config: HallConfig | null = null;
  let started = false;
  let order = 0;

  const entries = (): Record<string, NonNullable<HallConfig['displays']>['displays'][string]> => config?.displays?.displays ?? {};

  const unassign = (s: Session, problem: string | null): void => {
    if (s.info.assigned && holders.get(s.info.id) === s.info.session) holders.delete(s.info.id);
    s.info.id = s.info.session;
    s.info.assigned = false;
    s.info.name = null;
    s.info.area = null;
    s.info.problem = problem;
  };

  /** Gives the session the id it asked for, when it may have it; says why not otherwise. */
  const claim = (s: Session): void => {
    const wanted = s.requested;
    if (wanted === null) return unassign(s, null);
    if (!isDisplayId(wanted)) return unassign(s, displayIdProblem(wanted, 'its page\'s ?display'));
    const entry = entries()[wanted];
    if (!entry) {
      return unassign(s, `display "${wanted}" is not in displays.json: add it there (the console's Displays page) or fix the page's ?display=`);
    }
    const holder = holders.get(wanted);
    if (holder !== undefined && holder !== s.info.session) {
      const other = sessions.get(holder);
      if (other?.info.alive) return unassign(s, `display "${wanted}" is held by another live display (connected first): give each screen its own id`);
      // The holder went silent: this is most likely the same screen, reloaded.
      if (other) {
        unassign(other, `its id "${wanted}" went to a newer page while it was not heartbeating`);
        deps.log.warn('display id taken over', { display: wanted, from: other.info.session, to: s.info.session });
      }
    }
    holders.set(wanted, s.info.session);
    Object.assign(s.info, { id: wanted, assigned: true, problem: null, name: entry.name, area: entry.area });
  };

  /** Every session claims again, earliest first: a configuration may name (or drop) what they asked for. */
  const reclaimAll = (): void => {
    holders.clear();
    for (const s of [...sessions.values()].sort((a, b) => a.order - b.order)) {
      s.info.assigned = false;
      claim(s);
    }
  };

  const seating = (): Seating | null => {
    const named = Object.entries(entries()).filter(([, d]) => d.pa !== undefined);
    if (named.length === 0) return null;
    // The speaker first, then the standbys in file order.
    const places = new Map([...named.filter(([, d]) => d.pa === 'speaker'), ...named.filter(([, d]) => d.pa === 'standby')].map(([id], i) => [id, i]));
    const held = (session: string): string | null => {
      const s = sessions.get(session);
      return s?.info.assigned ? s.info.id : null;
    };
    return {
      place: (session) => places.get(held(session) ?? '') ?? null,
      name: held,
    };
  };

  const rebuildTracks = (next: HallConfig): void => {
    const own = Object.entries(next.displays?.displays ?? {}).filter(([, d]) => d.schedule !== undefined);
    for (const [id, track] of tracks) {
      if (!own.some(([ownId]) => ownId === id)) {
        track.stop();
        tracks.delete(id);
      }
    }
    for (const [id, display] of own) {
      const schedule = compileSchedule(displaySchedule(next.schedule, display.schedule!), next.calendars);
      const track = tracks.get(id);
      if (track) track.load(schedule);
      else {
        const fresh = createScheduleTrack(schedule, { clock: deps.clock, timers: deps.timers, log: deps.log, onChange: deps.onChange });
        tracks.set(id, fresh);
        if (started) fresh.start();
      }
    }
  };

  const info = (session: string): DisplayInfo => {
    let s = sessions.get(session);
    if (!s) {
      s = {
        info: {
          id: session,
          session,
          assigned: false,
          requested: null,
          problem: null,
          name: null,
          area: null,
          shell: null,
          width: null,
          height: null,
          lastSeen: 0,
          programme: null,
          item: null,
          position: null,
          audio: 'unknown',
          alive: true,
        },
        requested: null,
        order: ++order,
      };
      sessions.set(session, s);
    }
    return s.info;
  };

  return {
    configure(next) {
      config = next;
      rebuildTracks(next);
      reclaimAll();
      deps.seating(seating());
    },
    start() {
      started = true;
      for (const track of tracks.values()) track.start();
    },
    stop() {
      started = false;
      for (const track of tracks.values()) track.stop();
    },
    info,
    hello(session, hello) {
      const i = info(session);
      const s = sessions.get(session)!;
      i.shell = hello.shell;
      i.width = hello.width;
      i.height = hello.height;
      s.requested = hello.display ?? null;
      i.requested = s.requested === null ? null : s.requested.slice(0, 80);
      claim(s);
      if (i.problem) deps.log.warn('display unassigned', { session, problem: i.problem });
      deps.onChange();
    },
    alive(session, alive) {
      const s = sessions.get(session);
      if (!s) return;
      s.info.alive = alive;
      if (alive || !s.info.assigned) return;
      // A page that asked for this id while the holder was alive may have it now.
      const waiting = [...sessions.values()].filter((o) => !o.info.assigned && o.requested === s.info.id).sort((a, b) => a.order - b.order)[0];
      if (waiting) {
        claim(waiting);
        deps.onChange();
      }
    },
    remove(session) {
      const s = sessions.get(session);
      if (!s) return false;
      unassign(s, null);
      sessions.delete(session);
      // A page that waited for this id (a second claimant) may have it now.
      for (const other of [...sessions.values()].sort((a, b) => a.order - b.order)) if (!other.info.assigned && other.requested !== null) claim(other);
      deps.onChange();
      return true;
    },
    has: (session) => sessions.has(session),
    view(session) {
      const s = session === undefined ? undefined : sessions.get(session);
      if (!s) return UNASSIGNED;
      const screen = s.info.width !== null && s.info.height !== null ? { width: s.info.width, height: s.info.height } : null;
      return { id: s.info.assigned ? s.info.id : null, config: s.info.assigned ? (entries()[s.info.id] ?? null) : null, screen };
    },
    track(session) {
      const s = sessions.get(session);
      return s?.info.assigned ? (tracks.get(s.info.id) ?? null) : null;
    },
    trackOfDisplay: (id) => (id === null ? null : (tracks.get(id) ?? null)),
    sessions: () => [...sessions.values()].map((s) => s.info),
    missing: () => Object.keys(entries()).filter((id) => !holders.has(id)),
  };
}
