/**
 * The queue system's and the PA's doors into the player: events pushed in our schema, a call
 * shortcut, and the board as the displays see it. Each route's rule is the API's ('api'), applied
 * by the server's guard.
 */
import type { FastifyInstance } from 'fastify';
import type { Commands } from '../../commands/commands.js';
import { rule } from './route-access.js';
import { refuse, withoutOk } from './status-of.js';

/** Room for commands/queue.ts's MAX_EVENTS_PER_REQUEST events of a few hundred bytes each. */
export const EVENTS_BODY_LIMIT = 4 * 1024 * 1024;

export function registerQueueRoutes(app: FastifyInstance, commands: Commands): void {
  app.get('/api/queue', rule('api'), async (_request, reply) => {
    const outcome = commands.queue.board();
    return outcome.ok ? outcome.board : refuse(reply, outcome);
  });

  app.post('/api/queue/events', { bodyLimit: EVENTS_BODY_LIMIT, ...rule('api') }, async (request, reply) => {
    const outcome = commands.queue.ingest(request.body);
    return outcome.ok ? withoutOk(outcome) : refuse(reply, outcome);
  });

  app.post('/api/queue/call', rule('api'), async (request, reply) => {
    const outcome = commands.queue.call(request.body);
    return outcome.ok ? outcome : refuse(reply, outcome);
  });
}
