/**
 * One display on the WebSocket: it gets the display state and the queue board as they change, and
 * reports what it plays. A socket is a display only once it says so (its hello, within 10 s, else
 * it is closed); only then may it speak for the PA (once it reports its audio ready) and have its
 * reports written, each kind within its rate (display-session.ts). What is dropped is counted in
 * health (`dropped-reports`) once per second per socket, not once per message, so a flood costs the
 * log one line a second. A preview (the console's live frame) only watches: it never becomes the
 * display that speaks for the PA, and its reports are not the hall's proof of play.
 */
import { randomUUID } from 'node:crypto';
import type { WebSocket } from 'ws';
import type { ToDisplay } from '../../../contract/messages.js';
import type { DisplayHost } from '../../commands/commands.js';
import { DEFAULT_SESSION_LIMITS, DisplaySession, droppedTotal, type SessionLimits } from '../../display-session.js';

/** Drops are counted, and hello and heartbeats checked, this often. */
const CHECK_EVERY_MS = 1_000;
/** Closed for not saying hello (4000–4999: the application's own codes). */
const NO_HELLO_CODE = 4001;

export interface DisplaySocketOptions {
  limits?: SessionLimits;
  /** Monotonic ms: a wall clock step must not refill a rate limit or lose a display. */
  now?: () => number;
}

export function serveDisplay(socket: WebSocket, host: DisplayHost, role: 'display' | 'preview', options: DisplaySocketOptions = {}): void {
  const display = randomUUID();
  const now = options.now ?? (() => performance.now());
  const send = (message: ToDisplay): void => socket.send(JSON.stringify(message));
  send({ type: 'state', state: host.state() });
  send({ type: 'queue', queue: host.queue.board() });
  const unsubscribe = host.subscribe((state) => send({ type: 'state', state }));
  const unsubscribeQueue = host.queue.subscribe((queue) => send({ type: 'queue', queue }));
  if (role === 'preview') {
    socket.on('close', () => {
      unsubscribe();
      unsubscribeQueue();
    });
    return;
  }

  const session = new DisplaySession(options.limits ?? DEFAULT_SESSION_LIMITS, now());
  let detachSpeaker: (() => void) | null = null;
  const countDrops = (): void => {
    const dropped = session.takeDropped();
    const n = droppedTotal(dropped);
    if (n > 0) host.health.count('dropped-reports', 'display messages dropped', { display, ...dropped }, n);
  };
  const check = setInterval(() => {
    countDrops();
    const t = now();
    if (session.helloOverdue(t)) {
      socket.close(NO_HELLO_CODE, 'no hello: this socket is for displays');
    } else if (session.becameLost(t)) {
      host.lost(display, `no heartbeat for ${Math.round((options.limits ?? DEFAULT_SESSION_LIMITS).lostAfterMs / 1000)} s`);
    }
  }, CHECK_EVERY_MS);

  socket.on('message', (data, isBinary) => {
    const message = isBinary ? session.admit('', now()) : session.admit(String(data), now());
    if (!message) return;
    host.receive(message, display);
    // The hello makes it a display: from now on it hears announcements, and may speak once its audio is ready.
    if (message.type === 'hello' && !detachSpeaker) detachSpeaker = host.attachSpeaker(display, (announce) => send({ type: 'announce', announce }));
  });
  socket.on('close', (code) => {
    clearInterval(check);
    countDrops();
    unsubscribe();
    unsubscribeQueue();
    detachSpeaker?.();
    if (session.hello) host.disconnect(display, `its session closed (code ${code})`);
  });
}
