/**
 * The PA's doors into the player: announce now, see the announcement queue, and fetch rendered
 * speech. Rendered speech follows the API's rule (the token from other machines); the server's guard
 * applies both.
 */
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { FastifyInstance } from 'fastify';
import type { Host } from '../../host.js';
import { speechFile } from '../../services/pa-desk/speech-clips.js';
import type { Answer } from './answer.js';
import { rule } from './route-access.js';

/** POST /api/announce and the console's POST /admin/api/announce: the same body, the same answers. */
export async function announceAnswer(host: Host, body: unknown): Promise<Answer> {
  const outcome = await host.voice.request(body);
  if (!outcome.ok) return { status: outcome.status, body: { error: outcome.error, ...(outcome.id ? { id: outcome.id } : {}), ...(outcome.reach ? { reach: outcome.reach } : {}) } };
  return { status: 202, body: { id: outcome.id, state: outcome.state } };
}

export function registerAnnounceRoutes(app: FastifyInstance, host: Host): void {
  app.post('/api/announce', rule('api'), async (request, reply) => {
    const answer = await announceAnswer(host, request.body);
    return reply.code(answer.status).send(answer.body);
  });

  app.get('/api/announcements', rule('api'), async () => host.voice.desk.view());

  app.get<{ Params: { file: string } }>('/speech/:file', rule('speech'), async (request, reply) => {
    const file = speechFile(host.voice.speechDir, request.params.file);
    const info = file ? await stat(file).catch(() => null) : null;
    if (!file || !info?.isFile()) return reply.code(404).send({ error: 'no such speech file' });
    // Named by a hash of engine, voice, rate and text: the same name never means other audio.
    return reply.header('Content-Type', 'audio/wav').header('Content-Length', info.size).header('Cache-Control', 'public, max-age=31536000, immutable').send(createReadStream(file));
  });
}
