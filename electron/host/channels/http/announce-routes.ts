/**
 * The PA's doors into the player: announce now, see the announcement queue, and fetch rendered
 * speech. Rendered speech follows the API's rule (the token from other machines); the server's guard
 * applies both.
 */
import { createReadStream } from 'node:fs';
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { Commands } from '../../commands/commands.js';
import { rule } from './route-access.js';
import { refuse } from './status-of.js';

/** POST /api/announce and the console's POST /admin/api/announce: the same body, the same answers. */
export async function answerAnnounce(commands: Commands, body: unknown, reply: FastifyReply): Promise<FastifyReply> {
  const outcome = await commands.pa.announce(body);
  if (!outcome.ok) return refuse(reply, outcome);
  return reply.code(202).send({ id: outcome.id, state: outcome.state });
}

export function registerAnnounceRoutes(app: FastifyInstance, commands: Commands): void {
  app.post('/api/announce', rule('api'), async (request, reply) => answerAnnounce(commands, request.body, reply));

  app.get('/api/announcements', rule('api'), async () => commands.pa.announcements());

  app.get<{ Params: { file: string } }>('/speech/:file', rule('speech'), async (request, reply) => {
    const clip = await commands.pa.speechClip(request.params.file);
    if (!clip) return reply.code(404).send({ error: 'no such speech file' });
    // Named by a hash of engine, voice, rate and text: the same name never means other audio.
    return reply.header('Content-Type', 'audio/wav').header('Content-Length', clip.bytes).header('Cache-Control', 'public, max-age=31536000, immutable').send(createReadStream(clip.path));
  });
}
