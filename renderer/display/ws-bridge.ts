/**
 * The Chromium kiosk's bridge: the host's WebSocket at /ws on the page's own origin. It reconnects
 * forever with capped backoff; while disconnected the display keeps showing its last state, and
 * outgoing reports are kept (bounded) and sent after the reconnect so proof-of-play is not lost.
 */
import type { AnnounceMessage, DisplayState, FromDisplay, QueueBoardState, ToDisplay } from '../../electron/contract/messages.js';
import type { Bridge } from '../../electron/contract/bridge.js';

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
  const listeners = new Set<(state: DisplayState) => void>();
  const queueListeners = new Set<(board: QueueBoardState | null) => void>();
  const announceListeners = new Set<(message: AnnounceMessage) => void>();
  // Heartbeats are only worth sending live; reports are queued across disconnects.
  const queue: FromDisplay[] = [];
  // Each new socket is a new session to the host (it may have restarted): it is a display only
  // once it says hello, and speaks only once it hears the audio is ready, so both open every session.
  let greeting: FromDisplay | null = null;
  let audio: FromDisplay | null = null;
  let socket: WebSocket | null = null;
  let attempt = 0;
  let lastState: DisplayState | null = null;
  let lastStateAt = 0;
  let lastBoard: QueueBoardState | null = null;

  const connect = (): void => {
    const ws = new WebSocket(url);
    socket = ws;
    ws.onopen = () => {
      attempt = 0;
      for (const msg of [greeting, audio]) if (msg) ws.send(JSON.stringify(msg));
      for (const msg of queue.splice(0)) ws.send(JSON.stringify(msg));
    };
    ws.onmessage = (ev: MessageEvent) => {
      const msg = parseToDisplay(ev.data);
      if (!msg) return;
      if (msg.type === 'queue') {
        lastBoard = msg.queue;
        for (const l of queueListeners) l(msg.queue);
      } else if (msg.type === 'announce') {
        for (const l of announceListeners) l(msg.announce);
      } else {
        lastState = msg.state;
        lastStateAt = Date.now();
        for (const l of listeners) l(msg.state);
      }
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
    onState(listener) {
      listeners.add(listener);
      if (lastState) listener(aged(lastState, lastStateAt));
      return () => listeners.delete(listener);
    },
    onQueue(listener) {
      queueListeners.add(listener);
      if (lastBoard) listener(lastBoard);
      return () => queueListeners.delete(listener);
    },
    // No replay for a late subscriber: a past `play` must not be spoken again.
    onAnnounce(listener) {
      announceListeners.add(listener);
      return () => announceListeners.delete(listener);
    },
    report: (report) => send({ type: 'report', report }, true),
    // Queued like reports: the host's announcement log needs the ended even after a drop-out.
    reportAnnouncement: (report) => send({ type: 'announcement', announcement: report }, true),
    heartbeat: (heartbeat) => send({ type: 'heartbeat', heartbeat }, false),
    // Queued: a fault met while the socket was down is still counted (sent after the hello on reconnect).
    fault: (fault) => send({ type: 'fault', fault }, true),
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

/**
 * A state handed to a late subscriber: its serverTime moved on by the time it waited, since the
 * display sets its clock from serverTime when it applies a state (measured: the first state waited
 * ~0.5 s for the page's code, and the display's clock stayed that much behind until the next one).
 */
export function aged(state: DisplayState, receivedAt: number, now: number = Date.now()): DisplayState {
  return { ...state, serverTime: state.serverTime + Math.max(0, now - receivedAt) };
}

/** A frame from the host, or null if it is not one this display understands. */
export function parseToDisplay(data: unknown): ToDisplay | null {
  if (typeof data !== 'string') return null;
  try {
    const msg = JSON.parse(data) as Partial<ToDisplay> | null;
    // The host is trusted, but a half-written or foreign frame must not take the display down.
    if (msg && msg.type === 'state' && msg.state && Array.isArray(msg.state.layout?.zones)) return msg as ToDisplay;
    if (msg && msg.type === 'queue' && (msg.queue === null || (msg.queue && Array.isArray(msg.queue.calls) && Array.isArray(msg.queue.serving)))) return msg as ToDisplay;
    if (msg && msg.type === 'announce' && isAnnounceMessage(msg.announce)) return msg as ToDisplay;
  } catch {
    /* ignore malformed frames */
  }
  return null;
}

const KINDS = new Set(['emergency', 'pa', 'call', 'care']);
const LANGS = new Set(['zh-CN', 'en']);

/** Checked field by field: a wrong type here would reach the audio graph (a NaN time throws there). */
function isAnnounceMessage(m: unknown): m is AnnounceMessage {
  if (!isObject(m)) return false;
  if (m['type'] === 'stop') return typeof m['id'] === 'string' && typeof m['reason'] === 'string';
  if (m['type'] !== 'play' || !isObject(m['play'])) return false;
  const p = m['play'];
  const duck = p['duck'];
  const count = (v: unknown, min: number): boolean => Number.isInteger(v) && (v as number) >= min;
  const seconds = (v: unknown): boolean => typeof v === 'number' && Number.isFinite(v) && v >= 0;
  return (
    typeof p['id'] === 'string' &&
    KINDS.has(p['kind'] as string) &&
    Array.isArray(p['clips']) &&
    p['clips'].every((c) => typeof c === 'string') &&
    count(p['leadIn'], 0) &&
    count(p['repeat'], 1) &&
    seconds(p['pauseSeconds']) &&
    isObject(duck) &&
    typeof duck['depthDb'] === 'number' &&
    Number.isFinite(duck['depthDb']) &&
    seconds(duck['attackSeconds']) &&
    seconds(duck['releaseSeconds']) &&
    Array.isArray(p['lines']) &&
    p['lines'].every((l) => isObject(l) && LANGS.has(l['lang'] as string) && typeof l['text'] === 'string') &&
    typeof p['speak'] === 'boolean'
  );
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
