/**
 * The display's only door to the host. Bundled to one file: a sandboxed preload may require
 * nothing but 'electron' (and events, timers, url); what it takes from the contract is bundled in.
 * Page code gets fourteen named functions, never ipcRenderer and never an IPC event.
 */
import { contextBridge, ipcRenderer } from 'electron';
import { CHANNELS, type FromDisplay, type FromDisplayPayload, type ToDisplayPayload } from '../contract/messages.js';
import type { Bridge } from '../contract/bridge.js';
import { createHostFeed } from '../contract/host-feed.js';

// Listening from the preload's start: a state sent while the page's code loads waits for its listener.
const feed = createHostFeed();
ipcRenderer.on(CHANNELS.state, (_event, state: ToDisplayPayload<'state'>) => feed.state.emit(state));
ipcRenderer.on(CHANNELS.queue, (_event, board: ToDisplayPayload<'queue'>) => feed.queue.emit(board));
ipcRenderer.on(CHANNELS.announce, (_event, message: ToDisplayPayload<'announce'>) => feed.announce.emit(message));
ipcRenderer.on(CHANNELS.emergency, (_event, emergency: ToDisplayPayload<'emergency'>) => feed.emergency.emit(emergency));
ipcRenderer.on(CHANNELS.clock, (_event, echo: ToDisplayPayload<'clock'>) => feed.clock.emit(echo));

/** Each message on its own channel, the payload alone. */
const send =
  <T extends FromDisplay['type']>(type: T) =>
  (payload: FromDisplayPayload<T>): void =>
    ipcRenderer.send(CHANNELS[type], payload);

const bridge: Bridge = {
  onState: feed.state.add,
  onQueue: feed.queue.add,
  onAnnounce: feed.announce.add,
  onEmergency: feed.emergency.add,
  onClock: feed.clock.add,
  report: send('report'),
  acknowledge: send('acknowledge'),
  reportAnnouncement: send('announcement'),
  heartbeat: send('heartbeat'),
  hello: send('hello'),
  audio: send('audio'),
  fault: send('fault'),
  clock: send('clock'),
  painted: send('painted'),
};

contextBridge.exposeInMainWorld('hallcast', bridge);
