/**
 * The display's only door to the host. Bundled to one file: a sandboxed preload may require
 * nothing but 'electron' (and events, timers, url). Page code gets seven named functions, never
 * ipcRenderer and never an IPC event.
 */
import { contextBridge, ipcRenderer } from 'electron';
import {
  CHANNELS,
  type AnnounceMessage,
  type AnnouncementReport,
  type DisplayFault,
  type DisplayAudio,
  type DisplayHeartbeat,
  type DisplayHello,
  type DisplayState,
  type PlaybackReport,
  type QueueBoardState,
} from '../contract/messages.js';
import type { Bridge } from '../contract/bridge.js';

const listeners = new Set<(state: DisplayState) => void>();
// A listener added after the host's first state still starts from it, as with the WebSocket bridge.
let lastState: DisplayState | null = null;
let lastStateAt = 0;

ipcRenderer.on(CHANNELS.state, (_event, state: DisplayState) => {
  lastState = state;
  lastStateAt = Date.now();
  for (const listener of listeners) {
    try {
      listener(state);
    } catch (error) {
      // One broken subscriber must not keep the state from the others.
      console.error('hallcast: a state listener threw', error);
    }
  }
});

/** Calls `listener` with every state the host sends; returns an unsubscribe function. */
function onState(listener: (state: DisplayState) => void): () => void {
  listeners.add(listener);
  // Its serverTime moved on by the time it waited: the display sets its clock from it.
  if (lastState) listener({ ...lastState, serverTime: lastState.serverTime + Math.max(0, Date.now() - lastStateAt) });
  return () => {
    listeners.delete(listener);
  };
}

const queueListeners = new Set<(board: QueueBoardState | null) => void>();
let lastBoard: QueueBoardState | null = null;

ipcRenderer.on(CHANNELS.queue, (_event, board: QueueBoardState | null) => {
  lastBoard = board;
  for (const listener of queueListeners) {
    try {
      listener(board);
    } catch (error) {
      console.error('hallcast: a queue listener threw', error);
    }
  }
});

/** Calls `listener` with every queue board the host sends (null: the hall has no queue data). */
function onQueue(listener: (board: QueueBoardState | null) => void): () => void {
  queueListeners.add(listener);
  if (lastBoard) listener(lastBoard);
  return () => {
    queueListeners.delete(listener);
  };
}

const announceListeners = new Set<(message: AnnounceMessage) => void>();

ipcRenderer.on(CHANNELS.announce, (_event, message: AnnounceMessage) => {
  for (const listener of announceListeners) {
    try {
      listener(message);
    } catch (error) {
      console.error('hallcast: an announce listener threw', error);
    }
  }
});

/**
 * Calls `listener` with every announce message (play or stop) the host sends. Unlike states, a
 * late subscriber gets no replay: a past `play` must not be spoken again.
 */
function onAnnounce(listener: (message: AnnounceMessage) => void): () => void {
  announceListeners.add(listener);
  return () => {
    announceListeners.delete(listener);
  };
}

function report(report: PlaybackReport): void {
  ipcRenderer.send(CHANNELS.report, report);
}

function heartbeat(h: DisplayHeartbeat): void {
  ipcRenderer.send(CHANNELS.heartbeat, h);
}

function hello(h: DisplayHello): void {
  ipcRenderer.send(CHANNELS.hello, h);
}

function audio(report: DisplayAudio): void {
  ipcRenderer.send(CHANNELS.audio, report);
}

function reportAnnouncement(report: AnnouncementReport): void {
  ipcRenderer.send(CHANNELS.announcement, report);
}

function fault(f: DisplayFault): void {
  ipcRenderer.send(CHANNELS.fault, f);
}

const bridge: Bridge = { onState, onQueue, onAnnounce, report, reportAnnouncement, heartbeat, hello, audio, fault };

contextBridge.exposeInMainWorld('hallcast', bridge);
