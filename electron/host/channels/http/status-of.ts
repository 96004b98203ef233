/**
 * The HTTP channel's one translation of the commands' refusals: a reason (electron/contract/
 * refusal.ts) becomes a status code here and nowhere else, and the body says both — `error` for
 * people, `reason` for the PA or queue system — with whatever the refusal carries besides.
 */
import type { FastifyReply } from 'fastify';
import type { Refusal, RefusalReason } from '../../../contract/refusal.js';

// A Record over every reason: a reason added without its code fails the type check.
const STATUS: Record<RefusalReason, number> = {
  'invalid-request': 400,
  'not-found': 404,
  'no-queue': 404,
  'wrong-feed': 409,
  'too-many-events': 413,
  'call-refused': 422,
  'stale-version': 409,
  'in-use': 409,
  'invalid-playlists': 422,
  'no-playlists': 503,
  'refused-by-queue': 409,
  'too-many-emergencies': 429,
  'no-speaker': 503,
  'speech-failed': 503,
  'too-large': 413,
  'unsupported-media': 415,
  interrupted: 400,
  'disk-full': 507,
  'unknown-display': 404,
  // It may come back (a kiosk's browser restarting): try again, unlike 404.
  'display-gone': 503,
  busy: 503,
  'rate-limited': 429,
  'capture-failed': 503,
  'no-emergency': 409,
};

function statusOf(reason: RefusalReason): number {
  return STATUS[reason];
}

/** Sends a refusal: its status, and its fields but `ok` as the body. */
export function refuse<T extends Refusal>(reply: FastifyReply, refusal: T): FastifyReply {
  const { ok, ...body } = refusal;
  return reply.code(statusOf(refusal.reason)).send(body);
}

/** A success's fields but `ok`: the body the routes answered before outcomes had one. */
export function withoutOk<T extends { ok: true }>(outcome: T): Omit<T, 'ok'> {
  const { ok, ...body } = outcome;
  return body;
}
