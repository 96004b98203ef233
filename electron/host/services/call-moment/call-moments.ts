/**
 * One call moment per fresh call: the queue hub sets when every display flashes it (`flashAt`),
 * each display reports when it painted it, and this service writes one proof-of-play record per
 * call with the skew between the first and the last paint and the displays that were late or
 * missed it (domain/call-moment/paint-tally.ts decides; this owns the timer and the log).
 */
import type { CallPainted } from '../../../contract/messages.js';
import type { CallEvent } from '../../domain/queue/queue-call.js';
import { DEFAULT_TALLY_LIMITS, PaintTally, type CallMomentRecord, type PaintTallyLimits } from '../../domain/call-moment/paint-tally.js';
import { callKey } from '../queue-hub/board-state.js';
import type { Clock, Timers } from '../../ports.js';

export interface CallMomentsOptions {
  clock: Clock;
  timers: Pick<Timers, 'after'>;
  /** The hub's calls (QueueSlot.subscribeCalls); returns the unsubscribe function. */
  subscribeCalls(listener: (event: CallEvent) => void): () => void;
  /** The displays expected to paint a call to `counter` set now: those showing the board, and that counter's screen. */
  expected(counter: number): readonly string[];
  /** Writes a closed record (the proof-of-play log). */
  write(record: CallMomentRecord): void;
  limits?: PaintTallyLimits;
}

export interface CallMoments {
  /** A display's paint report (admitted by its session). */
  painted(display: string, paint: CallPainted): void;
  /** Writes what is open as it stands (the host stops) and lets go of the hub. */
  stop(): void;
}

export function createCallMoments(options: CallMomentsOptions): CallMoments {
  const { clock, timers, write } = options;
  const tally = new PaintTally(options.limits ?? DEFAULT_TALLY_LIMITS);
  let cancelClose: (() => void) | null = null;

  const closeDue = (): void => {
    cancelClose = null;
    for (const record of tally.close(clock.monotonic(), clock.now())) write(record);
    schedule();
  };
  const schedule = (): void => {
    const next = tally.nextClose;
    if (next === null || cancelClose) return;
    cancelClose = timers.after(Math.max(0, next - clock.monotonic()), closeDue);
  };

  const unsubscribe = options.subscribeCalls((event) => {
    if (!event.fresh || event.flashAt === undefined) return;
    const { call, flashAt } = event;
    const early = tally.start({ key: callKey(call), ticket: call.ticket, counter: call.counter, flashAt, expected: options.expected(call.counter) }, clock.monotonic(), clock.now());
    for (const record of early) write(record);
    schedule();
  });

  return {
    painted(display, paint) {
      tally.painted(display, paint);
    },
    stop() {
      unsubscribe();
      cancelClose?.();
      cancelClose = null;
      for (const record of tally.close(Number.POSITIVE_INFINITY, clock.now())) write(record);
    },
  };
}
