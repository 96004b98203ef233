/**
 * One display's session with the host, whatever carries it: the WebSocket at /ws (the Chromium
 * kiosk, any browser) or the Electron window's IPC. Both channels are thin adapters around it:
 * they hand it what the page sent, as an object, and give it a way to send.
 *
 * The session sends the display the host's state and queue board as they change; admits what the
 * display sends within its rates (admission.ts) and passes it to the host; makes it the hall's
 * speaker; counts what it dropped in health (`dropped-reports`) once a second, not once per
 * message, so a flood costs the log one line a second; and tells the host when the display went
 * silent (`lost`) or went away (`disconnect`).
 *
 * The two links differ where their pages do. A socket is opened by its page, so it hears from the
 * start; anyone on the hall LAN can open one, so it is a display only once it says hello (within
 * 10 s, else `helloOverdue`), and the hall's speaker from that hello. A window's page was let
 * through by the shell's sender check and is heard from its first message; it may have missed what
 * was sent while it loaded, so it is sent the state again with its hello and when the shell says
 * it has loaded (`pageReady`, which also makes it the speaker, until `pageGone`).
 */
import type { FromDisplay, ToDisplay } from '../../contract/messages.js';
import type { Host } from '../host.js';
import { DEFAULT_SESSION_LIMITS, DisplayAdmission, droppedTotal, type DropReason, type SessionLimits } from './admission.js';

export type SessionHost = Pick<Host, 'state' | 'subscribe' | 'queue' | 'emergency' | 'receive' | 'lost' | 'disconnect' | 'attachSpeaker' | 'health' | 'clock' | 'timers'>;

export interface DisplaySessionOptions {
  host: SessionHost;
  /** The host tells its displays apart by this id. */
  display: string;
  link: 'socket' | 'window';
  /** Sends one message to the page; the adapter drops it when the page is gone. */
  send(message: ToDisplay): void;
  limits?: SessionLimits;
  /** Called once when a socket has not said hello within `helloWithinMs` (it closes itself). */
  helloOverdue?(): void;
}

export interface DisplaySession {
  /** A message from the page, as an object: passed to the host when admitted; returns it, or why it was dropped. */
  admit(value: unknown): FromDisplay | DropReason;
  /** Counts a frame the adapter could not even read (too long to parse, or not JSON). */
  drop(reason: 'too-large' | 'malformed'): void;
  /** A window's page has loaded: it gets the current state and board, and becomes the hall's speaker. */
  pageReady(): void;
  /** A window's page is reloading or gone: what it was saying ends (the host moves on rather than wait for a report that cannot come). */
  pageGone(): void;
  /** The link closed: drops counted, the host's feeds let go, and the display counted lost if it was one. */
  close(why: string): void;
}

export function openDisplaySession(options: DisplaySessionOptions): DisplaySession {
  const { host, display, link, send } = options;
  const limits = options.limits ?? DEFAULT_SESSION_LIMITS;
  const now = (): number => host.clock.monotonic();
  const admission = new DisplayAdmission(limits, now(), link === 'socket');
  let detachSpeaker: (() => void) | null = null;
  let closed = false;
  let overdueTold = false;
  // Each display is sent its own state (its displays.json entry's layout and programmes): the host knows it by `display` once it said hello.
  const unfollow = link === 'socket' ? watchHost(host, send, display) : followHost(host, send, display);

  const speakerGone = (): void => {
    detachSpeaker?.();
    detachSpeaker = null;
  };
  const speakerReady = (): void => {
    speakerGone();
    detachSpeaker = host.attachSpeaker(display, (announce) => send({ type: 'announce', announce }));
  };
  const countDrops = (): void => {
    const dropped = admission.takeDropped();
    const n = droppedTotal(dropped);
    if (n > 0) host.health.count('dropped-reports', 'display messages dropped', { display, ...dropped }, n);
  };
  const check = (): void => {
    countDrops();
    const t = now();
    if (admission.helloOverdue(t)) {
      if (!overdueTold) options.helloOverdue?.();
      overdueTold = true;
    } else if (admission.becameLost(t)) {
      host.lost(display, `no heartbeat for ${Math.round(limits.lostAfterMs / 1000)} s`);
    }
  };
  // Drops counted, and hello and heartbeats checked, once a second.
  const stopChecking = host.timers.every(1_000, check);

  return {
    admit(value) {
      const message = admission.admit(value, now());
      if (typeof message === 'string') return message;
      if (message.type === 'clock') {
        // Answered here, at once: time spent before the answer would count as transit, and the
        // host has nothing to learn from a ping.
        send({ type: 'clock', clock: { sent: message.clock.sent, host: host.clock.now() } });
        return message;
      }
      host.receive(message, display);
      if (message.type === 'hello') {
        // A socket's hello makes it a display: from now on it hears announcements, and may speak once its audio is ready.
        if (link === 'socket' && !detachSpeaker) speakerReady();
        // The hello said who it is and how big its screen is: its own state now (a window's page also
        // starts from the current state and board, whatever it missed while loading).
        if (link === 'window') sendCurrent(host, send, display);
        else send({ type: 'state', state: host.state(display) });
      }
      return message;
    },
    drop(reason) {
      admission.drop(reason);
    },
    pageReady() {
      sendCurrent(host, send, display);
      speakerReady();
    },
    pageGone: speakerGone,
    close(why) {
      if (closed) return;
      closed = true;
      stopChecking();
      countDrops();
      unfollow();
      speakerGone();
      if (admission.hello) host.disconnect(display, why);
    },
  };
}

/**
 * The current state and board, then every change; returns the unsubscribe function. The console's
 * live frame (a preview) watches as an unassigned display (no `display`).
 */
export function watchHost(host: Pick<Host, 'state' | 'subscribe' | 'queue' | 'emergency'>, send: (message: ToDisplay) => void, display?: string): () => void {
  sendCurrent(host, send, display);
  return followHost(host, send, display);
}

function sendCurrent(host: Pick<Host, 'state' | 'queue' | 'emergency'>, send: (message: ToDisplay) => void, display: string | undefined): void {
  send({ type: 'state', state: host.state(display) });
  send({ type: 'queue', queue: host.queue.board() });
  // A display that connects during an emergency joins it at once.
  send({ type: 'emergency', emergency: host.emergency.current() });
}

/** Every state and queue board the host publishes from now on; returns the unsubscribe function. */
function followHost(host: Pick<Host, 'state' | 'subscribe' | 'queue' | 'emergency'>, send: (message: ToDisplay) => void, display: string | undefined): () => void {
  // The host says something changed; this display's own state is asked for (an unassigned one's is what it was given).
  const unsubscribe = host.subscribe((state) => send({ type: 'state', state: display === undefined ? state : host.state(display) }));
  const unsubscribeQueue = host.queue.subscribe((queue) => send({ type: 'queue', queue }));
  const unsubscribeEmergency = host.emergency.subscribe((emergency) => send({ type: 'emergency', emergency }));
  return () => {
    unsubscribe();
    unsubscribeQueue();
    unsubscribeEmergency();
  };
}
