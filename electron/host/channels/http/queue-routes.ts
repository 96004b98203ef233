/**
 * The queue system's and the PA's doors into the player: events pushed in our schema, a call
 * shortcut, and the board as the displays see it. Each route's rule is the API's ('api'), applied
 * by the server's guard.
 */
import type { FastifyInstance } from 'fastify';
import type { Host } from '../../host.js';
import { parseQueueEvent, parseQueueEvents } from '../../domain/queue/events.js';
import { rule } from './route-access.js';

/** Events per request: a day of a busy hall is a few thousand. */
export const MAX_EVENTS_PER_REQUEST = 10_000;
/** Room for MAX_EVENTS_PER_REQUEST events of a few hundred bytes each. */
export const EVENTS_BODY_LIMIT = 4 * 1024 * 1024;

const NO_QUEUE = 'this hall has no queue board: add playlists/queue.json (see playlists/README.md)';

export function registerQueueRoutes(app: FastifyInstance, host: Host, now: () => number): void {
  app.get('/api/queue', rule('api'), async (_request, reply) => {
    const board = host.queue.board();
    return board ? board : reply.code(404).send({ error: NO_QUEUE });
  });

  app.post('/api/queue/events', { bodyLimit: EVENTS_BODY_LIMIT, ...rule('api') }, async (request, reply) => {
    const hub = host.queue.hub();
    if (!hub) return reply.code(404).send({ error: NO_QUEUE });
    if (hub.file.feed.kind !== 'push') {
      return reply.code(409).send({
        error: `the queue feed is "${hub.file.feed.kind}" (playlists/queue.json): set "feed": { "kind": "push" } to accept events here, or use POST /api/queue/call for a single call`,
      });
    }
    const { events, errors } = parseQueueEvents(request.body, MAX_EVENTS_PER_REQUEST);
    if (events.length === 0) {
      const status = Array.isArray(request.body) && request.body.length > MAX_EVENTS_PER_REQUEST ? 413 : 400;
      return reply.code(status).send({ error: errors[0] ?? 'no events: send one event object or an array of them', errors: errors.slice(0, 100) });
    }
    const result = hub.ingest(events);
    return {
      accepted: result.applied + result.buffered,
      ...result,
      // Malformed events are reported by their index in the request, refused ones by seq.
      invalid: errors.slice(0, 100),
      invalidCount: errors.length,
    };
  });

  app.post('/api/queue/call', rule('api'), async (request, reply) => {
    const hub = host.queue.hub();
    if (!hub) return reply.code(404).send({ error: NO_QUEUE });
    const body = request.body as { ticket?: unknown; counter?: unknown } | null;
    // The shortcut's fields are checked exactly as a pushed event's would be.
    const parsed = parseQueueEvent({ type: 'ticket.called', seq: 0, at: now(), ticket: body?.ticket, counter: body?.counter });
    if (!parsed.ok) return reply.code(400).send({ error: parsed.error.replace(/^ticket\.called: /, ''), example: { ticket: 'A023', counter: 5 } });
    if (parsed.event.type !== 'ticket.called') throw new Error('unreachable');
    const result = hub.call(parsed.event.ticket, parsed.event.counter);
    if (!result.ok) return reply.code(result.status).send({ error: result.error });
    // The call is on the board either way: a queue system's call is answered for the board, and
    // `reach` says whether the hall will also hear it (no 503: the board is what was asked for).
    return { ok: true, call: result.board.calls[0], reach: host.voice.desk.reach() };
  });
}
