/**
 * What the display needs from its host, whichever shell it runs in: the Electron preload
 * (electron/shell/preload.ts) puts one on `window.hallcast`; in plain Chromium the display's
 * `createWsBridge` provides the same methods over the host's WebSocket. Page code gets these named
 * functions, never ipcRenderer and never an IPC event.
 */
import type {
  AnnounceMessage,
  AnnouncementReport,
  CallPainted,
  ClockEcho,
  ClockPing,
  DisplayAudio,
  DisplayFault,
  DisplayHeartbeat,
  DisplayHello,
  DisplayState,
  PlaybackReport,
  QueueBoardState,
} from './messages.js';
import type { EmergencyAcknowledgement, EmergencyView } from './emergency.js';

/** What the renderer finds on `window.hallcast`. */
export interface Bridge {
  /** Calls `listener` with every state the host sends (the latest at once, if any); returns an unsubscribe function. */
  onState: (listener: (state: DisplayState) => void) => () => void;
  /** Calls `listener` with every queue board the host sends (null: the hall has no queue data). */
  onQueue: (listener: (board: QueueBoardState | null) => void) => () => void;
  /**
   * Calls `listener` with every announce message (play or stop) the host sends. Unlike states, a
   * late subscriber gets no replay: a past `play` must not be spoken again.
   */
  onAnnounce: (listener: (message: AnnounceMessage) => void) => () => void;
  /** Calls `listener` with the emergency in force (the latest at once, if any) and every change; null: none. */
  onEmergency: (listener: (emergency: EmergencyView | null) => void) => () => void;
  /** Calls `listener` with every answer to a clock ping (no replay: an old echo measures nothing). */
  onClock: (listener: (echo: ClockEcho) => void) => () => void;
  report: (report: PlaybackReport) => void;
  /** The emergency takeover is painted on this screen. */
  acknowledge: (ack: EmergencyAcknowledgement) => void;
  reportAnnouncement: (report: AnnouncementReport) => void;
  heartbeat: (h: DisplayHeartbeat) => void;
  hello: (h: DisplayHello) => void;
  audio: (report: DisplayAudio) => void;
  fault: (f: DisplayFault) => void;
  clock: (ping: ClockPing) => void;
  painted: (p: CallPainted) => void;
}
