/**
 * The queue system's and the PA's verbs on the queue board: read the board, take pushed events,
 * call a ticket now. Outcomes carry a reason (electron/contract/refusal.ts), never an HTTP code.
 */
import type { Host } from '../host.js';
import type { QueueBoardCall, QueueBoardState } from '../../contract/messages.js';
import { refused, type Refusal } from '../../contract/refusal.js';
import { parseQueueEvent, parseQueueEvents } from '../domain/queue/events.js';
import type { IngestResult } from '../services/queue-hub/queue-hub.js';
import type { PaReach } from '../../contract/announcements-view.js';

/** Events per request: a day of a busy hall is a few thousand. */
export const MAX_EVENTS_PER_REQUEST = 10_000;
/** Malformed events listed back, at most (the count says how many there were). */
const LISTED_INVALID = 100;

const NO_QUEUE = 'this hall has no queue board: add playlists/queue.json (see playlists/README.md)';

export interface QueueCommands {
  board(): { ok: true; board: QueueBoardState } | Refusal<'no-queue'>;
  /** Events in our schema (one object or an array), for a hall whose feed is "push". */
  ingest(body: unknown): IngestOutcome;
  /** A call outside the feed's numbering, at once: `{ ticket, counter }`. */
  call(body: unknown): CallOutcome;
}

export type IngestOutcome =
  | ({ ok: true; accepted: number; invalid: string[]; invalidCount: number } & IngestResult)
  | Refusal<'no-queue' | 'wrong-feed'>
  | (Refusal<'invalid-request' | 'too-many-events'> & { errors: string[] });

export type CallOutcome =
  | { ok: true; call: QueueBoardCall | undefined; reach: PaReach }
  | Refusal<'no-queue' | 'call-refused'>
  | (Refusal<'invalid-request'> & { example: { ticket: string; counter: number } });

export function queueCommands(host: Host, now: () => number): QueueCommands {
  return {
    board() {
      const board = host.queue.board();
      return board ? { ok: true, board } : refused('no-queue', NO_QUEUE);
    },
    ingest(body) {
      const hub = host.queue.hub();
      if (!hub) return refused('no-queue', NO_QUEUE);
      const kind = hub.file.feed.kind;
      if (kind !== 'push') {
        return refused(
          'wrong-feed',
          `the queue feed is "${kind}" (playlists/queue.json): set "feed": { "kind": "push" } to accept events here, or use POST /api/queue/call for a single call`,
        );
      }
      const { events, errors } = parseQueueEvents(body, MAX_EVENTS_PER_REQUEST);
      if (events.length === 0) {
        const tooMany = Array.isArray(body) && body.length > MAX_EVENTS_PER_REQUEST;
        return { ...refused(tooMany ? 'too-many-events' : 'invalid-request', errors[0] ?? 'no events: send one event object or an array of them'), errors: errors.slice(0, LISTED_INVALID) };
      }
      const result = hub.ingest(events);
      return {
        ok: true,
        accepted: result.applied + result.buffered,
        ...result,
        // Malformed events are reported by their index in the request, refused ones by seq.
        invalid: errors.slice(0, LISTED_INVALID),
        invalidCount: errors.length,
      };
    },
    call(body) {
      const hub = host.queue.hub();
      if (!hub) return refused('no-queue', NO_QUEUE);
      const fields = body as { ticket?: unknown; counter?: unknown } | null;
      // The shortcut's fields are checked exactly as a pushed event's would be.
      const parsed = parseQueueEvent({ type: 'ticket.called', seq: 0, at: now(), ticket: fields?.ticket, counter: fields?.counter });
      if (!parsed.ok) return { ...refused('invalid-request', parsed.error.replace(/^ticket\.called: /, '')), example: { ticket: 'A023', counter: 5 } };
      if (parsed.event.type !== 'ticket.called') throw new Error('unreachable: a ticket.called event parsed as another type');
      const result = hub.call(parsed.event.ticket, parsed.event.counter);
      if (!result.ok) return result;
      // The call is on the board either way: a queue system's call is answered for the board, and
      // `reach` says whether the hall will also hear it.
      return { ok: true, call: result.board.calls[0], reach: host.pa.desk.reach() };
    },
  };
}
