/**
 * Pictures of the hall's screens, behind the console's sign-in (a picture of the hall is the
 * console's to see, not the PA's or queue system's): `GET /api/displays/ID/screenshot` is the
 * public route; the console page asks at `/admin/api/displays/ID/screenshot`, the same answer
 * under the path its session cookie is sent to (console-access.ts: COOKIE_PATH).
 */
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { Commands, ScreenshotOutcome } from '../../../commands/commands.js';
import { rule } from '../route-access.js';
import { refuse } from '../status-of.js';
import { TAKEN_AT_HEADER } from '../../../../contract/screen-view.js';

type ScreenshotRequest = { Params: { id: string }; Querystring: { width?: string } };

/** Answers that mean "ask again in a moment". */
const RETRY_REASONS = new Set(['display-gone', 'busy', 'rate-limited', 'capture-failed']);

/** Registered inside the console's routes, so each passes its access check (admin-routes.ts). */
export function registerScreenshotRoutes(app: FastifyInstance, commands: Commands): void {
  const session = rule('console');
  for (const url of ['/api/displays/:id/screenshot', '/admin/api/displays/:id/screenshot']) {
    app.get<ScreenshotRequest>(url, session, async (request, reply) =>
      answer(reply, await commands.screens.screenshot(request.params.id, { width: typeof request.query.width === 'string' ? request.query.width : undefined })),
    );
  }
  app.get('/admin/api/screens', session, async () => commands.screens.list());
}

function answer(reply: FastifyReply, outcome: ScreenshotOutcome): FastifyReply {
  if (!outcome.ok) return refuse(RETRY_REASONS.has(outcome.reason) ? reply.header('Retry-After', '1') : reply, outcome);
  return reply
    .type('image/jpeg')
    .header('Cache-Control', 'no-store')
    .header(TAKEN_AT_HEADER, String(outcome.takenAt))
    .send(outcome.jpeg);
}
