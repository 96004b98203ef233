/**
 * The Chromium kiosk's bridge: the host's WebSocket at /ws on the page's own origin. It reconnects
 * forever with capped backoff; while disconnected the display keeps showing its last state, and
 * outgoing reports are kept (bounded) and sent after the reconnect so proof-of-play is not lost.
 */
import type { DisplayState, FromDisplay, QueueBoardState, ToDisplay } from '../electron/contract.js';
import type { Bridge } from './bridge.js';

const MAX_BACKOFF_MS = 5_000;
const MAX_QUEUED = 500;

export function wsUrlFor(location: Pick<Location, 'protocol' | 'host'>): string {
  return `${location.protocol === 'https:' ? 'wss:' : 'ws:'}//${location.host}/ws`;
}

/** Delay before reconnect attempt `n` (0-based): 250 ms doubling, capped, with ±20 % jitter. */
export function backoffMs(attempt: number, random: () => number = Math.random): number {
  const base = Math.min(MAX_BACKOFF_MS, 250 * 2 ** Math.min(attempt, 10));
  return Math.round(Math.min(MAX_BACKOFF_MS, base * (0.8 + 0.4 * random())));
}

export function createWsBridge(url: string): Bridge {
  const listeners = new Set<(state: DisplayState) => void>();
  const queueListeners = new Set<(board: QueueBoardState | null) => void>();
  // Heartbeats are only worth sending live; reports and the hello are queued across disconnects.
  const queue: FromDisplay[] = [];
  let socket: WebSocket | null = null;
  let attempt = 0;
  let lastState: DisplayState | null = null;
  let lastBoard: QueueBoardState | null = null;

  const connect = (): void => {
    const ws = new WebSocket(url);
    socket = ws;
    ws.onopen = () => {
      attempt = 0;
      for (const msg of queue.splice(0)) ws.send(JSON.stringify(msg));
    };
    ws.onmessage = (ev: MessageEvent) => {
      const msg = parse(ev.data);
      if (!msg) return;
      if (msg.type === 'queue') {
        lastBoard = msg.queue;
        for (const l of queueListeners) l(msg.queue);
        return;
      }
      lastState = msg.state;
      for (const l of listeners) l(msg.state);
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
      if (lastState) listener(lastState);
      return () => listeners.delete(listener);
    },
    onQueue(listener) {
      queueListeners.add(listener);
      if (lastBoard) listener(lastBoard);
      return () => queueListeners.delete(listener);
    },
    report: (report) => send({ type: 'report', report }, true),
    heartbeat: (heartbeat) => send({ type: 'heartbeat', heartbeat }, false),
    hello: (hello) => send({ type: 'hello', hello }, true),
  };
}

function parse(data: unknown): ToDisplay | null {
  if (typeof data !== 'string') return null;
  try {
    const msg = JSON.parse(data) as Partial<ToDisplay> | null;
    // The host is trusted, but a half-written or foreign frame must not take the display down.
    if (msg && msg.type === 'state' && msg.state && Array.isArray(msg.state.layout?.zones)) return msg as ToDisplay;
    if (msg && msg.type === 'queue' && (msg.queue === null || (msg.queue && Array.isArray(msg.queue.calls) && Array.isArray(msg.queue.serving)))) return msg as ToDisplay;
  } catch {
    /* ignore malformed frames */
  }
  return null;
}
