/**
 * One display on the WebSocket, a thin adapter around its display session
 * (host/display-session/display-session.ts: what it is sent, what it may send and at what rate,
 * its hello, heartbeats and speaker). Here: JSON on the wire, the size limit on the frame's text
 * before it is parsed, and the socket closed with 4001 when no hello came. A preview (the
 * console's live frame) only watches: it never becomes the display that speaks for the PA, and its
 * reports are not the hall's proof of play.
 */
import { randomUUID } from 'node:crypto';
import type { WebSocket } from 'ws';
import type { ToDisplay } from '../../../contract/messages.js';
import type { SessionHost } from '../../display-session/display-session.js';
import { DEFAULT_SESSION_LIMITS, type SessionLimits } from '../../display-session/admission.js';
import { openDisplaySession, watchHost } from '../../display-session/display-session.js';

/** Closed for not saying hello (4000–4999: the application's own codes). */
const NO_HELLO_CODE = 4001;

export interface DisplaySocketOptions {
  limits?: SessionLimits;
}

export function serveDisplay(socket: WebSocket, host: SessionHost, role: 'display' | 'preview', options: DisplaySocketOptions = {}): void {
  const send = (message: ToDisplay): void => socket.send(JSON.stringify(message));
  if (role === 'preview') {
    socket.on('close', watchHost(host, send));
    return;
  }

  const limits = options.limits ?? DEFAULT_SESSION_LIMITS;
  const session = openDisplaySession({
    host,
    display: randomUUID(),
    link: 'socket',
    send,
    limits,
    helloOverdue: () => socket.close(NO_HELLO_CODE, 'no hello: this socket is for displays'),
  });
  socket.on('message', (data, isBinary) => {
    if (isBinary) return void session.drop('malformed');
    const text = String(data);
    // Measured before parsing: a long frame costs no JSON.parse.
    if (text.length > limits.maxMessageChars) return void session.drop('too-large');
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch {
      return void session.drop('malformed');
    }
    session.admit(value);
  });
  socket.on('close', (code) => session.close(`its session closed (code ${code})`));
}
