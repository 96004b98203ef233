/**
 * Reads queue calls out as the queue hub applies them: the hub tells each call with whether it is
 * fresh, and only fresh calls are read (a feed catching up after an outage would otherwise read out
 * a morning's calls). The key is the ticket's, so a recall merges with a waiting announcement of
 * the same ticket.
 */
import type { AnnouncementsFile } from '../../../contract/hall-config.js';
import type { CallEvent, QueueCall } from '../../domain/queue/queue-call.js';
import type { AnnounceIntent } from './announce-request.js';
import { DEFAULT_LANGUAGES } from './announce-request.js';

export const DEFAULT_CALL_MAX_AGE_SECONDS = 30;

/**
 * A call takes some 4 s to read and is dropped unread after 30 s: of the calls one batch brings
 * (a queue system posting hundreds at once), only the newest this many can be heard. The rest are
 * not composed at all — composing and logging each one cost the whole push API (74,000 events/s
 * fell to 6,400 with every call of a 1,000-event batch read).
 */
export const CALLS_READ_PER_BATCH = 8;

export function callIntent(call: Pick<QueueCall, 'ticket' | 'counter'>, file: AnnouncementsFile | null): AnnounceIntent {
  const calls = file?.calls;
  return {
    what: 'call',
    ticket: call.ticket,
    counter: call.counter,
    kind: 'call',
    repeat: calls?.repeat ?? 1,
    expiresInMs: (calls?.maxAgeSeconds ?? DEFAULT_CALL_MAX_AGE_SECONDS) * 1000,
    chime: file?.chime ?? true,
    languages: [...(calls?.languages ?? file?.languages ?? DEFAULT_LANGUAGES)],
  };
}

export interface CallTriggerDeps {
  /** The queue hub's calls as it applies them (QueueSlot.subscribeCalls). */
  subscribe(listener: (event: CallEvent) => void): () => void;
  settings(): AnnouncementsFile | null;
  announce(intent: AnnounceIntent, key: string): void;
  /** Fresh calls of one batch left unread (beyond CALLS_READ_PER_BATCH). */
  unread?(count: number): void;
}

/**
 * Only calls applied after it starts reach it: those already on the board when the player starts
 * were made before it and are not read again.
 */
export function watchCalls(deps: CallTriggerDeps): () => void {
  // The hub tells one board's calls in one task: they are read together once it has told them all.
  let batch: QueueCall[] = [];
  const readBatch = (): void => {
    const calls = batch;
    batch = [];
    const file = deps.settings();
    if (file?.calls?.enabled === false) return;
    const heard = calls.slice(-CALLS_READ_PER_BATCH);
    if (calls.length > heard.length) deps.unread?.(calls.length - heard.length);
    for (const call of heard) deps.announce(callIntent(call, file), `call:${call.ticket}`);
  };
  return deps.subscribe(({ call, fresh }) => {
    if (!fresh) return;
    if (batch.length === 0) queueMicrotask(readBatch);
    batch.push(call);
  });
}
