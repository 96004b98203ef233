/**
 * For the adapter tests: a sink that records what the board would see, a local HTTP server on an
 * ephemeral port, and waiting for a condition instead of sleeping a fixed time.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { QueueEvent } from '../../domain/queue/events.js';
import type { FeedDeps, FeedHealth, FeedSink } from './feed.js';

/** Reconnects within tens of milliseconds, so a test of an outage takes well under a second. */
export const FAST: Partial<FeedDeps> = { backoff: { initialMs: 20, maxMs: 100, healthyAfterMs: 60_000 } };

export const AT = Date.UTC(2026, 11, 1, 2, 17, 3);

export function called(seq: number, ticket: string, counter: number): QueueEvent {
  return { type: 'ticket.called', seq, at: AT + seq * 1000, ticket, counter };
}

export function snapshotAt(seq: number): QueueEvent {
  return { type: 'snapshot', seq, at: AT + seq * 1000, counters: [{ counter: 1, open: true, serving: null }], tickets: [] };
}

export interface RecordingSink {
  sink: FeedSink;
  /** What reached the board, in order: "snapshot 4", "events 5,6". */
  seen: string[];
  events: QueueEvent[];
  health: FeedHealth[];
  warnings: string[];
  infos: string[];
  states(): string[];
}

export function recordingSink(): RecordingSink {
  const record: RecordingSink = {
    seen: [],
    events: [],
    health: [],
    warnings: [],
    infos: [],
    // State changes: a report that only moves lastEventAt repeats the state, and is left out here.
    states: () => record.health.map((h) => h.state).filter((state, i, all) => i === 0 || all[i - 1] !== state),
    sink: {
      events: (events) => {
        record.events.push(...events);
        record.seen.push(`events ${events.map((e) => e.seq).join(',')}`);
      },
      snapshot: (event) => record.seen.push(`snapshot ${event.seq}`),
      health: (health) => record.health.push(health),
      log: { info: (m) => record.infos.push(m), warn: (m) => record.warnings.push(m) },
    },
  };
  return record;
}

/** Resolves once `predicate` holds; fails with `what` and the last value after `timeoutMs`. */
export async function waitFor(predicate: () => boolean, what: string, timeoutMs = 3000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!predicate()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

export interface LocalServer {
  url(path: string, protocol?: 'http' | 'ws'): string;
  server: ReturnType<typeof createServer>;
  close(): Promise<void>;
}

export async function localServer(handler: (request: IncomingMessage, response: ServerResponse) => void): Promise<LocalServer> {
  const server = createServer(handler);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    server,
    url: (path, protocol = 'http') => `${protocol}://127.0.0.1:${port}${path}`,
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

export function sendJson(response: ServerResponse, value: unknown, delayMs = 0): void {
  const send = (): void => {
    if (response.destroyed) return;
    response.writeHead(200, { 'content-type': 'application/json' });
    response.end(JSON.stringify(value));
  };
  if (delayMs > 0) setTimeout(send, delayMs);
  else send();
}
