/**
 * One feed's messages → our events: counts messages so problems can say which one ("message 12,
 * event [3]: …"), maps them, and numbers events on arrival when the vendor has no serial numbers.
 * No I/O beyond the injected clock; every adapter feeds it the same way.
 */
import type { QueueEvent } from '../../domain/queue/events.js';
import type { CompiledMapping } from '../../domain/vendor-mapping/compiled-mapping.js';
import { mapMessage } from '../../domain/vendor-mapping/field-mapping.js';
import type { SnapshotEvent } from '../../domain/vendor-mapping/snapshot-mapping.js';
import { describeVendorValue } from '../../domain/vendor-mapping/vendor-value.js';

/** `message` is the log line; `key` is the problem without its position, so it is logged once. */
export interface FeedProblem {
  key: string;
  message: string;
}

export interface IntakeResult {
  events: QueueEvent[];
  problems: FeedProblem[];
  ignored: number;
}

export class MessageIntake {
  private received = 0;
  private lastSeq = 0;

  constructor(
    private readonly label: string,
    private readonly mapping: CompiledMapping | undefined,
    private readonly now: () => number,
  ) {}

  /** One message as text: an SSE event's data, a WebSocket frame. */
  text(text: string): IntakeResult {
    const number = ++this.received;
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch {
      const message = `${this.label}: message ${number} is not JSON: ${describeVendorValue(text)} (the queue system must send one JSON message per event)`;
      return { events: [], problems: [{ key: 'not JSON', message }], ignored: 0 };
    }
    return this.map(number, value);
  }

  /** One message already parsed: a poll answer. */
  value(value: unknown): IntakeResult {
    return this.map(++this.received, value);
  }

  /**
   * Stamps seqs on events about to be delivered when the vendor has none; vendor seqs pass as
   * they are. A snapshot takes the seq of the last event before it, as the schema says.
   */
  number<E extends QueueEvent>(events: E[]): E[] {
    if (!this.mapping?.numbersOnArrival) return events;
    return events.map((event) => ({ ...event, seq: event.type === 'snapshot' ? this.lastSeq : ++this.lastSeq }));
  }

  numberSnapshot(snapshot: SnapshotEvent): SnapshotEvent {
    return this.number([snapshot])[0]!;
  }

  private map(number: number, value: unknown): IntakeResult {
    const mapped = mapMessage(value, this.mapping, this.now());
    const problems = mapped.problems.map(({ index, error }) => ({
      key: error,
      message: `${this.label}: message ${number}${index === null ? '' : `, event [${index}]`}: ${error}`,
    }));
    return { events: mapped.events, problems, ignored: mapped.ignored };
  }
}

/**
 * What makes an event of a polled list "the same one again". Without a vendor time the feed stamps
 * the time of arrival, so each poll would look new: the content alone identifies it then.
 */
export function repeatKey(event: QueueEvent, mapping: CompiledMapping | undefined): string {
  return JSON.stringify(mapping !== undefined && mapping.fields.at === undefined ? { ...event, at: 0 } : event);
}
