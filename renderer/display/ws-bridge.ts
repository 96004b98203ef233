/**
 * The Chromium kiosk's bridge: the host's WebSocket at /ws on the page's own origin. It reconnects
 * forever with capped backoff; while disconnected the display keeps showing its last state, and
 * outgoing reports are kept (bounded) and sent after the reconnect so proof-of-play is not lost.
 */
import type { FromDisplay, ToDisplay } from '../../electron/contract/messages.js';
import type { Bridge } from '../../electron/contract/bridge.js';
import { createHostFeed, hear } from '../../electron/contract/host-feed.js';
import { parseToDisplay } from '../../electron/contract/to-display.js';

const MAX_BACKOFF_MS = 5_000;
const MAX_QUEUED = 500;

/**
 * The display's socket, or with `?preview` in the page's query the console's watch-only one
 * (/admin/ws: the console session is its credential; it never speaks for the PA, and the host
 * ignores what it reports).
 */
export function wsUrlFor(location: Pick<Location, 'protocol' | 'host'> & Partial<Pick<Location, 'search'>>): string {
  const path = isPreview(location) ? '/admin/ws' : '/ws';
  return `${location.protocol === 'https:' ? 'wss:' : 'ws:'}//${location.host}${path}`;
}

/** The console's live frame of the screen: `/?preview`. */
export function isPreview(location: Partial<Pick<Location, 'search'>>): boolean {
  return new URLSearchParams(location.search ?? '').has('preview');
}

/** Delay before reconnect attempt `n` (0-based): 250 ms doubling, capped, with ±20 % jitter. */
export function backoffMs(attempt: number, random: () => number = Math.random): number {
  const base = Math.min(MAX_BACKOFF_MS, 250 * 2 ** Math.min(attempt, 10));
  return Math.round(Math.min(MAX_BACKOFF_MS, base * (0.8 + 0.4 * random())));
}

export function createWsBridge(url: string): Bridge {
  const feed = createHostFeed();
  // Heartbeats are only worth sending live; reports are queued across disconnects.
  const queue: FromDisplay[] = [];
  // Each new socket is a new session to the host (it may have restarted): it is a display only
  // once it says hello, and speaks only once it hears the audio is ready, so both open every session.
  let greeting: FromDisplay | null = null;
  let audio: FromDisplay | null = null;
  let socket: WebSocket | null = null;
  let attempt = 0;

  const connect = (): void => {
    const ws = new WebSocket(url);
    socket = ws;
    ws.onopen = () => {
      attempt = 0;
      for (const msg of [greeting, audio]) if (msg) ws.send(JSON.stringify(msg));
      for (const msg of queue.splice(0)) ws.send(JSON.stringify(msg));
    };
    ws.onmessage = (ev: MessageEvent) => {
      const msg = readFrame(ev.data);
      if (msg) hear(feed, msg);
    };
    ws.onclose = () => {
      if (socket === ws) socket = null;
      setTimeout(connect, backoffMs(attempt++));
    };
    // An error is always followed by close, which schedules the retry.
    ws.onerror = () => undefined;
  };

  const send = (msg: FromDisplay, queueIfDown: boolean): void => {
    if (socket?.readyState === WebSocket.OPEN) socket.send(JSON.stringify(msg));
    else if (queueIfDown) {
      queue.push(msg);
      if (queue.length > MAX_QUEUED) queue.shift();
    }
  };

  connect();
  return {
    onState: feed.state.add,
    onQueue: feed.queue.add,
    onAnnounce: feed.announce.add,
    onEmergency: feed.emergency.add,
    onClock: feed.clock.add,
    report: (report) => send({ type: 'report', report }, true),
    // Queued like reports: the host's announcement log needs the ended even after a drop-out.
    reportAnnouncement: (report) => send({ type: 'announcement', announcement: report }, true),
    heartbeat: (heartbeat) => send({ type: 'heartbeat', heartbeat }, false),
    // Queued: the log must hear which screens showed an emergency, even across a drop-out.
    acknowledge: (ack) => send({ type: 'acknowledge', acknowledge: ack }, true),
    // Queued: a fault met while the socket was down is still counted (sent after the hello on reconnect).
    fault: (fault) => send({ type: 'fault', fault }, true),
    // Neither is worth sending late: a ping measures the round trip it makes now, and the host has
    // closed a call moment's record ~2 s after it.
    clock: (ping) => send({ type: 'clock', clock: ping }, false),
    painted: (painted) => send({ type: 'painted', painted }, false),
    hello: (hello) => {
      greeting = { type: 'hello', hello };
      send(greeting, false);
      if (audio) send(audio, false);
    },
    audio: (report) => {
      audio = { type: 'audio', audio: report };
      // Sent after the hello: before it the host would drop it.
      if (greeting) send(audio, false);
    },
  };
}

/** A frame from the host, or null if it is not one this display understands. */
export function readFrame(data: unknown): ToDisplay | null {
  if (typeof data !== 'string') return null;
  try {
    return parseToDisplay(JSON.parse(data));
  } catch {
    // A half-written frame: the host's next one will do.
    return null;
  }
}
