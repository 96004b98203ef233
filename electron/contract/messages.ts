/**
 * The one contract between the host (Electron main process or `hallcast serve`) and the display
 * (renderer). The Electron preload carries these messages over IPC, the Chromium kiosk over a
 * WebSocket at /ws; the renderer never knows which. DisplayMessages (at the end) names every
 * message and its payload; the guards for both directions are from-display.ts and to-display.ts.
 */
import type { DisplayPower } from './power.js';
import type { DisplayArea, Localized, ZoneKind } from './hall-config.js';
import type { EmergencyAcknowledgement, EmergencyView } from './emergency.js';


export interface ZonePlan {
  name: string;
  kind: ZoneKind;
  /** Fractions of the screen, 0..1. */
  x: number;
  y: number;
  w: number;
  h: number;
}

export interface LayoutPlan {
  name: string;
  orientation: 'landscape' | 'portrait';
  background: string;
  zones: ZonePlan[];
}

interface ItemBase {
  /** Stable per programme and position, e.g. "morning#2"; used in reports and the skip list. */
  key: string;
  /** Effective volume 0..1: programme × item, 0 when muted. */
  volume: number;
}

export interface VideoPlan extends ItemBase {
  type: 'video';
  /** Same-origin URL under /media/. */
  url: string;
  in: number | null;
  out: number | null;
}

export interface ImagePlan extends ItemBase {
  type: 'image';
  url: string;
  /** Seconds. */
  duration: number;
}

export interface TextPlan extends ItemBase {
  type: 'text';
  duration: number;
  title: Localized;
  body: Localized | null;
  background: string;
  color: string;
}

export type ItemPlan = VideoPlan | ImagePlan | TextPlan;

export interface ProgrammePlan {
  id: string;
  title: Localized;
  order: 'loop' | 'shuffle';
  items: ItemPlan[];
  hideZones: string[];
}

/** Who a display is in the hall (playlists/displays.json); an unassigned one has null fields. */
export interface DisplayIdentity {
  /** Its displays.json id; null: unassigned (it named none, an unknown one, or one another display holds). */
  id: string | null;
  name: Localized | null;
  area: DisplayArea | null;
  /** The counter a counter screen serves. */
  counter: number | null;
  /** How far its nearest readers stand, metres (default 5). */
  viewingDistanceMetres: number;
}

export interface DisplayState {
  /** Increases with every state the host sends. */
  seq: number;
  /** null: the idle branding slide. */
  programme: ProgrammePlan | null;
  /** The schedule entry that chose it; null = the default programme or idle. */
  entry: string | null;
  /** Epoch ms of the next scheduled switch, or null. */
  nextSwitch: number | null;
  layout: LayoutPlan;
  /** Which display of the hall this state is for. */
  display: DisplayIdentity;
  ticker: { speed: number; notices: Localized[] };
  /** IANA zone of the hall, for the clock. */
  timezone: string;
  /** Host's clock when the state was sent (epoch ms): the display corrects its clock by it. */
  serverTime: number;
  /** The idle slide's picture, or null for a drawn one. */
  idleImage: string | null;
  /** A care rule's diversion slide shown over the programme zone until `until`; null: none. */
  diversion: DiversionSlide | null;
  /** Off: the screen goes black, its programme paused and silent, until on again (displays.json's power windows); absent: on. */
  power?: DisplayPower;
}

/** Shown over the programme while a service is overloaded, e.g. "try the self-service machines". */
export interface DiversionSlide {
  /** The care rule that raised it. */
  rule: string;
  title: Localized;
  body: Localized | null;
  /** Same-origin picture URL under /media/, or null for a text slide. */
  image: string | null;
  background: string;
  color: string;
  /** Host clock, epoch ms: the display takes it down then (corrected by serverTime). */
  until: number;
}

export type PlaybackEvent = 'attempted' | 'first-frame' | 'ended' | 'skipped';

export interface PlaybackReport {
  event: PlaybackEvent;
  programme: string;
  item: string;
  /** Media URL, when the item has one. */
  url: string | null;
  /** Display's clock (corrected to the host's), epoch ms. */
  at: number;
  /** For 'skipped': why (missing, decode error, stalled, …). */
  reason?: string;
  /** For a 'stalled' skip: which check caught it (not-loaded, no-first-frame, frozen, overran). */
  detail?: string;
}

export interface DisplayHeartbeat {
  at: number;
  programme: string | null;
  item: string | null;
  /** Seconds into the current item. */
  position: number | null;
  /**
   * Ms since the display's picture last moved (a still image or the idle slide counts as moving;
   * renderer/display/player/picture-motion.ts); null: not since the page loaded. The host's picture
   * watchdog reads it. Absent from an older page: taken as moving.
   */
  stillForMs?: number | null;
}

/** A fault the display met and recovered from by itself, for /api/status → health. */
export type DisplayFault =
  | {
      /** The pixi canvas's WebGL context was lost; the stage was rebuilt. */
      kind: 'gpu-context-lost';
      /** Display's clock (corrected to the host's), epoch ms. */
      at: number;
    }
  | {
      /** A lazily loaded part of the display's code failed to arrive (a network blip); it is asked for again. */
      kind: 'code-load-failed';
      at: number;
      /** Which part, in words: "pixi stage", "queue zone". At most 80 characters. */
      part: string;
    };

export interface DisplayHello {
  shell: 'electron' | 'chromium';
  width: number;
  height: number;
  userAgent: string;
  /** The displays.json id the page was opened as (`/?display=ID`); absent: it names none. */
  display?: string;
}

/**
 * ready: the display's AudioContext runs, so what it is sent sounds; blocked: no Web Audio, or the
 * context cannot start (autoplay policy); unknown: not known yet. Only a `ready` display is given
 * the hall's PA.
 */
export type AudioOutput = 'ready' | 'blocked' | 'unknown';

export interface DisplayAudio {
  output: AudioOutput;
  /** Display's clock (corrected to the host's), epoch ms. */
  at: number;
}

/** One service's line on the board: who waits and for about how long. */
export interface QueueBoardService {
  id: string;
  name: Localized;
  priority: boolean;
  waiting: number;
  /** The honest range as text ("15–20 分钟" / "15–20 min"); "—" when no open counter serves it. */
  wait: { zh: string; en: string };
  /** The range in minutes; null when no open counter serves it (`high` null: open-ended). */
  minutes: { low: number; high: number | null } | null;
}

export interface QueueBoardCounter {
  counter: number;
  /** null: open, between customers. */
  ticket: string | null;
  priority: boolean;
}

export interface QueueBoardCall {
  /** Names this call (a recall is another call): what the display keys its flash and paint log on. */
  key: string;
  ticket: string;
  counter: number;
  /** When the call happened (the feed's time), epoch ms. */
  at: number;
  recall: boolean;
  priority: boolean;
  /**
   * The call reached the player within callMaxAgeSeconds: it may be flashed and announced. A late
   * call (a feed catching up after an outage) is listed, never flashed or announced.
   */
  fresh: boolean;
  /**
   * The call moment (host clock, epoch ms): every display showing the board flashes the call in the
   * refresh presented at or just after it, so the hall sees one flash. Set on fresh calls only;
   * absent: flash on arrival. A display that gets the board after it flashes at once (late).
   */
  flashAt?: number;
}

export interface QueueFeedStatus {
  kind: 'simulator' | 'push' | 'poll' | 'sse' | 'websocket';
  state: 'connecting' | 'up' | 'delayed' | 'down';
  /** Nothing heard for longer than the feed's delayedAfterSeconds: the board marks its data delayed. */
  delayed: boolean;
  /** Epoch ms of the last event or sign of life; null before the first. */
  lastEventAt: number | null;
  reason?: string;
}

/** The queue board as the host sees it; null from the host when the hall has no queue.json. */
export interface QueueBoardState {
  /** Increases with every board the host sends. */
  seq: number;
  /** Host time when it was made, epoch ms ("2 min ago" counts from the display's corrected clock). */
  at: number;
  services: QueueBoardService[];
  /** Open counters, by number. */
  serving: QueueBoardCounter[];
  /** Newest first. */
  calls: QueueBoardCall[];
  feed: QueueFeedStatus;
}

export type AnnouncementKind = 'emergency' | 'pa' | 'call' | 'care';

/** How the programme makes room for speech (playlists/announcements.json → "duck"). */
export interface DuckPlan {
  /** Programme level under speech, dB (−15 ≈ ×0.178). */
  depthDb: number;
  /** Ramp down, s; it runs under the lead-in clips (the chime). */
  attackSeconds: number;
  /** Ramp back to full, s, after the last clip. */
  releaseSeconds: number;
}

/** One announcement as a display plays it: every clip already chosen by the host. */
export interface AnnouncementPlay {
  id: string;
  kind: AnnouncementKind;
  /** Same-origin clip URLs in reading order, every language of the announcement included. */
  clips: string[];
  /**
   * How many leading clips (the chime) may sound while the programme is still ducking; the clip
   * after them starts no earlier than the end of the duck's attack.
   */
  leadIn: number;
  /** Times the whole list is read, ≥ 1; together they are one play. */
  repeat: number;
  /** Silence between two readings, s. */
  pauseSeconds: number;
  duck: DuckPlan;
  /** What is said, per language in reading order, for the announcement banner (hard of hearing). */
  lines: { lang: 'zh-CN' | 'en'; text: string }[];
  /** true on the display that carries the hall's PA; the others only show the banner. */
  speak: boolean;
}

export type AnnounceMessage = { type: 'play'; play: AnnouncementPlay } | { type: 'stop'; id: string; reason: string };

export interface AnnouncementReport {
  id: string;
  /** started: the first clip sounds; ended: the last clip ended (or it was stopped); failed: nothing was played. */
  event: 'started' | 'ended' | 'failed';
  /** Display's clock (corrected to the host's), epoch ms. */
  at: number;
  /** For 'failed' (a clip that did not load or decode), and 'ended' after a stop. */
  reason?: string;
  /** For 'started': the duck the display applied, for the announcement log. */
  duck?: DuckPlan;
}

/** The display's half of a clock exchange (ClockEcho): its own clock when it sent the ping. */
export interface ClockPing {
  /** Display's monotonic clock (performance.timeOrigin + performance.now()), ms. */
  sent: number;
}

/** The host's answer to a ClockPing, sent at once: the round trip bounds how wrong `host` can be. */
export interface ClockEcho {
  /** The ping's `sent`, echoed. */
  sent: number;
  /** Host clock when it answered, epoch ms. */
  host: number;
}

/** A display painted a call moment (QueueBoardCall.flashAt), for the proof-of-play skew record. */
export interface CallPainted {
  /** The call's key (QueueBoardCall.key). */
  key: string;
  /** When the frame that shows it is expected on screen, host clock (by the clock exchange), epoch ms. */
  at: number;
  /** The board came after the moment had passed: flashed at once instead. */
  late: boolean;
}

/**
 * Every message between host and display, by direction: its name (the envelope's `type`, the IPC
 * channel's suffix) and its payload. CHANNELS, ToDisplay and FromDisplay all come from here, so a
 * message added on one side and forgotten on another does not compile.
 */
export interface DisplayMessages {
  toDisplay: {
    /** The whole display state, sent on connect and on every change. */
    state: DisplayState;
    /** The queue board, sent on connect and on every change (null: the hall has no queue data). */
    queue: QueueBoardState | null;
    /** Speak an announcement (or only show its text), or stop one. */
    announce: AnnounceMessage;
    /** The emergency takeover, sent on connect and on every change (null: none, or cleared). */
    emergency: EmergencyView | null;
    /** The answer to a clock ping. */
    clock: ClockEcho;
  };
  fromDisplay: {
    /** A playback event for the proof-of-play log. */
    report: PlaybackReport;
    /** Liveness and what is on screen, every few seconds. */
    heartbeat: DisplayHeartbeat;
    /** Once, after the page has loaded. */
    hello: DisplayHello;
    /** An announcement started, ended or failed on this display. */
    announcement: AnnouncementReport;
    /** Something went wrong on the display and it recovered by itself (counted in health). */
    fault: DisplayFault;
    /** Whether this display's audio output runs (it may speak for the PA), on every change. */
    audio: DisplayAudio;
    /** The emergency takeover is on this screen (once per emergency, when painted): logged. */
    acknowledge: EmergencyAcknowledgement;
    /** A clock ping, a few at start and then with each heartbeat; the session answers it at once. */
    clock: ClockPing;
    /** A call moment was painted on this display. */
    painted: CallPainted;
  };
}

type ToDisplayPayloads = DisplayMessages['toDisplay'];
type FromDisplayPayloads = DisplayMessages['fromDisplay'];
export type DisplayMessageType = keyof ToDisplayPayloads | keyof FromDisplayPayloads;

/** `{ type: 'state', state: DisplayState }` for `state`, and so on: one message per WebSocket frame, JSON. */
type Envelopes<M> = { [T in keyof M]: { [K in 'type' | T]: K extends 'type' ? T : M[T] } }[keyof M];
export type ToDisplay = Envelopes<ToDisplayPayloads>;
export type FromDisplay = Envelopes<FromDisplayPayloads>;
/** What travels on one IPC channel: the payload alone. */
export type ToDisplayPayload<T extends keyof ToDisplayPayloads> = ToDisplayPayloads[T];
export type FromDisplayPayload<T extends keyof FromDisplayPayloads> = FromDisplayPayloads[T];

/** The Electron IPC channel of each message (what each carries: DisplayMessages). */
export const CHANNELS = {
  state: 'display:state',
  queue: 'display:queue',
  announce: 'display:announce',
  report: 'display:report',
  heartbeat: 'display:heartbeat',
  hello: 'display:hello',
  announcement: 'display:announcement',
  fault: 'display:fault',
  audio: 'display:audio',
  emergency: 'display:emergency',
  acknowledge: 'display:acknowledge',
  clock: 'display:clock',
  painted: 'display:painted',
} as const satisfies { [T in DisplayMessageType]: `display:${T}` };
