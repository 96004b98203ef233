/**
 * Reads queue calls out as they appear on the board. Only calls the board marks `fresh` are read
 * (a feed catching up after an outage would otherwise read out a morning's calls); a recall is a
 * new call on the board and merges with a waiting announcement of the same ticket.
 */
import type { QueueBoardCall, QueueBoardState } from '../../../contract/messages.js';
import type { AnnouncementsFile } from '../../../contract/hall-config.js';
import type { AnnounceIntent } from './announce-request.js';
import { DEFAULT_LANGUAGES } from './announce-request.js';

export const DEFAULT_CALL_MAX_AGE_SECONDS = 30;

/** Calls on `board` not on the previous board, fresh, oldest first. */
export function newFreshCalls(board: QueueBoardState, seen: ReadonlySet<string>): QueueBoardCall[] {
  return board.calls.filter((c) => c.fresh && !seen.has(c.key)).reverse();
}

export function callIntent(call: QueueBoardCall, file: AnnouncementsFile | null): AnnounceIntent {
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
  subscribe(listener: (board: QueueBoardState | null) => void): () => void;
  /** The board now, to learn which calls are already up when the trigger starts. */
  board(): QueueBoardState | null;
  settings(): AnnouncementsFile | null;
  announce(intent: AnnounceIntent, key: string): void;
}

export function watchCalls(deps: CallTriggerDeps): () => void {
  // Calls already on the board when the player starts were made before it: not read out again.
  let seen = new Set((deps.board()?.calls ?? []).map((c) => c.key));
  return deps.subscribe((board) => {
    if (!board) {
      seen = new Set();
      return;
    }
    const file = deps.settings();
    if (file?.calls?.enabled !== false) {
      for (const call of newFreshCalls(board, seen)) deps.announce(callIntent(call, file), `call:${call.ticket}`);
    }
    seen = new Set(board.calls.map((c) => c.key));
  });
}
