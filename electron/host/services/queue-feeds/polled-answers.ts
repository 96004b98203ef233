/**
 * What a polled answer (a poll feed's, a doorbell's) brings the board. An event list answers with
 * the latest events each time, most of which it answered before: only those not in the previous
 * answer are new. A state answer is news only when what the board would show changed.
 */
import type { QueueEvent } from '../../domain/queue/events.js';
import type { CompiledMapping } from '../../domain/vendor-mapping/compiled-mapping.js';
import { mapSnapshot } from '../../domain/vendor-mapping/snapshot-mapping.js';
import { deliverInOrder, type FeedSink } from './feed.js';
import type { FeedHealthReporter } from './feed-health.js';
import { repeatKey, type MessageIntake } from './message-intake.js';

export interface PolledAnswersParts {
  intake: MessageIntake;
  sink: FeedSink;
  health: FeedHealthReporter;
  mapping: CompiledMapping | undefined;
  now: () => number;
}

export class PolledAnswers {
  private previous = new Set<string>();
  private primed = false;
  private lastState: string | null = null;

  constructor(private readonly parts: PolledAnswersParts) {}

  /** The next event list counts as seen already: a snapshot just taken reflects it. */
  prime(): void {
    this.primed = true;
  }

  /** The next state is compared afresh (after a snapshot or a resync). */
  forgetState(): void {
    this.lastState = null;
  }

  /** An answer listing events: the new ones are delivered, in order. */
  events(answer: unknown): void {
    const { intake, sink, health } = this.parts;
    const { events, problems } = intake.value(answer);
    const fresh = this.fresh(events);
    health.window(events.length, problems);
    const numbered = intake.number(fresh);
    if (numbered.length === 0) return;
    deliverInOrder(sink, numbered);
    health.delivered();
  }

  /** An answer that is the whole state; `where` starts a problem's line ("Qmatic doorbell URL"). */
  state(answer: unknown, where: string): void {
    const { intake, sink, health } = this.parts;
    const mapped = mapSnapshot(answer, this.parts.mapping, this.parts.now());
    if (!mapped.ok) {
      health.down({ key: mapped.error, message: `${where}: ${mapped.error}` });
      return;
    }
    health.up();
    // A queue system stamps its state with the time of asking: compare what the board would show.
    const state = JSON.stringify({ ...mapped.event, seq: 0, at: 0 });
    if (state === this.lastState) return;
    this.lastState = state;
    sink.snapshot(intake.numberSnapshot(mapped.event));
    health.delivered();
  }

  private fresh<E extends QueueEvent>(events: E[]): E[] {
    const keys = events.map((event) => repeatKey(event, this.parts.mapping));
    const fresh = this.primed ? [] : events.filter((_, i) => !this.previous.has(keys[i]!));
    this.previous = new Set(keys);
    this.primed = false;
    return fresh;
  }
}
