/**
 * One display on the WebSocket: it gets the display state and the queue board as they change, and
 * reports what it plays. A preview (the console's live frame) only watches: it never becomes the
 * display that speaks for the PA, and its reports are not the hall's proof of play.
 */
import { randomUUID } from 'node:crypto';
import type { WebSocket } from 'ws';
import type { FromDisplay, ToDisplay } from '../../contract.js';
import type { Host } from '../host/host.js';
import { parseDisplayMessage } from './display-message.js';

export function serveDisplay(socket: WebSocket, host: Host, role: 'display' | 'preview'): void {
  const display = randomUUID();
  const send = (message: ToDisplay): void => socket.send(JSON.stringify(message));
  send({ type: 'state', state: host.state() });
  send({ type: 'queue', queue: host.queue.board() });
  const unsubscribe = host.subscribe((state) => send({ type: 'state', state }));
  const unsubscribeQueue = host.queue.subscribe((queue) => send({ type: 'queue', queue }));
  const detachSpeaker = role === 'display' ? host.attachSpeaker(display, (announce) => send({ type: 'announce', announce })) : () => undefined;
  socket.on('message', (data) => {
    if (role === 'preview') return;
    const message: FromDisplay | null = parseDisplayMessage(String(data));
    if (message) host.receive(message, display);
  });
  socket.on('close', () => {
    unsubscribe();
    unsubscribeQueue();
    detachSpeaker();
    if (role === 'display') host.disconnect(display);
  });
}
