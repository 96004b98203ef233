/**
 * The emergency takeover's doors: POST /api/emergency raises (or replaces) it, DELETE clears it,
 * GET shows it. The API's rule, like /api/announce: from other machines only with the token. The
 * console's button calls the same verbs (console/admin-routes.ts) with its own rule.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Commands } from '../../commands/commands.js';
import type { EmergencyActor } from '../../../contract/emergency.js';
import { rule } from './route-access.js';
import { refuse, withoutOk } from './status-of.js';

/** `hallcast emergency` says so in this header: the log tells the CLI from a PA system. */
export const CLIENT_HEADER = 'x-hallcast-client';

/** Who asked over the API: the CLI or any other client, and the peer's address. */
export function apiActor(request: FastifyRequest): EmergencyActor {
  return { via: request.headers[CLIENT_HEADER] === 'cli' ? 'cli' : 'http', who: request.socket.remoteAddress ?? 'unknown' };
}

/** POST: 201 with the emergency in force (and the one it replaced), or the refusal. */
export function answerRaise(commands: Commands, body: unknown, by: EmergencyActor, reply: FastifyReply): FastifyReply {
  const outcome = commands.emergency.raise(body, by);
  return outcome.ok ? reply.code(201).send(withoutOk(outcome)) : refuse(reply, outcome);
}

/** DELETE: 200 with how long it lasted and who showed it, or `no-emergency` (409). */
export function answerClear(commands: Commands, by: EmergencyActor, reply: FastifyReply): FastifyReply {
  const outcome = commands.emergency.clear(by);
  return outcome.ok ? reply.code(200).send(withoutOk(outcome)) : refuse(reply, outcome);
}

export function registerEmergencyRoutes(app: FastifyInstance, commands: Commands): void {
  app.post('/api/emergency', rule('api'), async (request, reply) => answerRaise(commands, request.body, apiActor(request), reply));
  app.delete('/api/emergency', rule('api'), async (request, reply) => answerClear(commands, apiActor(request), reply));
  app.get('/api/emergency', rule('api'), async () => ({ emergency: commands.emergency.current() }));
}
