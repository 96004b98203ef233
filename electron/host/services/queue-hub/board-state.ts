/**
 * The board as the displays get it, made from the queue state, the wait estimates and the feed's
 * health. Pure: the hub calls it after every change. A view for displays only: the PA desk takes
 * the hub's call events and wait estimates, never the board.
 */
import type { QueueBoardCall, QueueBoardState, QueueFeedStatus } from '../../../contract/messages.js';
import type { WaitEstimate } from '../../domain/queue/estimator.js';
import { nowServing, recentCalls, type QueueState } from '../../domain/queue/model.js';
import type { QueueFile } from '../../../contract/hall-config.js';

export interface BoardInput {
  file: QueueFile;
  state: QueueState;
  /** Per service, from the estimator (estimateWaits). */
  waits: readonly WaitEstimate[];
  feed: QueueFeedStatus;
  /** Calls that may be flashed and announced (they reached the player in time), by callKey(), with their moment (flashAt). */
  fresh: ReadonlyMap<string, number>;
  seq: number;
  /** The queue's clock now (the simulator's when it runs faster than life). */
  at: number;
}

export function callKey(call: { ticket: string; counter: number; at: number; recall: boolean }): string {
  return `${call.ticket}@${call.counter}@${call.at}${call.recall ? 'r' : ''}`;
}

const flashAtOf = (flashAt: number | undefined): { flashAt?: number } => (flashAt === undefined ? {} : { flashAt });

export function boardState(input: BoardInput): QueueBoardState {
  const { file, state } = input;
  const priority = new Set(file.services.filter((s) => s.priority).map((s) => s.id));
  const estimates = new Map(input.waits.map((e) => [e.service, e]));
  const calls: QueueBoardCall[] = recentCalls(state).map((c) => ({
    key: callKey(c),
    ticket: c.ticket,
    counter: c.counter,
    at: c.at,
    recall: c.recall,
    priority: priority.has(c.service),
    fresh: input.fresh.has(callKey(c)),
    ...flashAtOf(input.fresh.get(callKey(c))),
  }));
  return {
    seq: input.seq,
    at: input.at,
    services: file.services.map((s) => {
      const e = estimates.get(s.id);
      return {
        id: s.id,
        name: s.name,
        priority: s.priority === true,
        waiting: e?.waiting ?? 0,
        wait: e?.text ?? { zh: '—', en: '—' },
        minutes: e?.minutes ?? null,
      };
    }),
    serving: nowServing(state).map((r) => ({ counter: r.counter, ticket: r.ticket, priority: r.priority })),
    calls,
    feed: input.feed,
  };
}
