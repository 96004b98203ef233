/**
 * A ticket called (or recalled) to a counter, as the queue model applied it: what the board lists
 * among its recent calls and what the PA reads out. The model hands it over with the step that
 * made it, so nobody downstream has to rebuild a call by comparing boards.
 */
export interface QueueCall {
  ticket: string;
  counter: number;
  /** The ticket's service (from its issue, or its prefix for a feed that sends calls only). */
  service: string;
  /** When the call was made, on the queue system's clock. */
  at: number;
  /** Sent as `ticket.recalled` (the same ticket called again at its counter). */
  recall: boolean;
}

/**
 * A call as the queue hub tells it. Only a fresh call may be flashed or read out: a feed catching
 * up after an outage delivers a morning's calls at once, and the hall must not hear them.
 */
export interface CallEvent {
  call: QueueCall;
  fresh: boolean;
  /** A fresh call's moment (host clock, epoch ms): when every display flashes it (QueueBoardCall.flashAt). */
  flashAt?: number;
}

/** Fresh: the call reached the player within `maxAgeMs` of being made. */
export function isFreshCall(call: QueueCall, receivedAt: number, maxAgeMs: number): boolean {
  return receivedAt - call.at <= maxAgeMs;
}
