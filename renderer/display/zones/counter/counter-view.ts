/**
 * What a counter screen says, from the queue board and its display's identity: the counter's name,
 * the ticket it serves (or that it is closed), and which call of the counter should flash. Pure, so
 * the words and the flash decision are tested without pixi.
 */
import type { DisplayIdentity, QueueBoardCall, QueueBoardState } from '../../../../electron/contract/messages.js';

export type CounterView =
  /** The display is no counter screen (displays.json gives it no "counter"): say how to make it one. */
  | { kind: 'no-counter'; zh: string; en: string }
  /** No queue data: the hall has no queue.json, or the host has sent no board yet. */
  | { kind: 'no-queue'; name: CounterName }
  /** The counter is not among the open ones. */
  | { kind: 'closed'; name: CounterName; zh: string; en: string }
  /** Open; `ticket` null between customers. */
  | { kind: 'serving'; name: CounterName; ticket: string | null; priority: boolean };

export interface CounterName {
  zh: string;
  en: string;
}

export function counterName(counter: number): CounterName {
  return { zh: `${counter}号窗口`, en: `Counter ${counter}` };
}

export function counterView(identity: DisplayIdentity | null, board: QueueBoardState | null): CounterView {
  const counter = identity?.counter ?? null;
  if (counter === null) {
    return { kind: 'no-counter', zh: '未设置窗口号', en: `No counter set: give display "${identity?.id ?? '?'}" a "counter" in displays.json` };
  }
  const name = counterName(counter);
  if (!board) return { kind: 'no-queue', name };
  const serving = board.serving.find((s) => s.counter === counter);
  if (!serving) return { kind: 'closed', name, zh: '暂停服务', en: 'Closed' };
  return { kind: 'serving', name, ticket: serving.ticket, priority: serving.priority };
}

/**
 * The call this counter screen should start flashing for on this board, or null: the newest call
 * to its counter, when it is fresh and not the one it has seen already. `seen` is the key of the
 * counter's newest call on the previous board (undefined before the first board: the hall as it
 * is on start is not news). The one place a flash is triggered, so a shared instant can replace
 * "when this board arrived" without touching the piece.
 */
export function callToFlash(board: QueueBoardState | null, counter: number | null, seen: string | null | undefined): { call: QueueBoardCall | null; flash: boolean } {
  const call = counter === null ? null : (board?.calls.find((c) => c.counter === counter) ?? null);
  const flash = call !== null && seen !== undefined && call.key !== seen && call.fresh;
  return { call, flash };
}
