/** A queue.json field mapping checked and compiled once, as every feed reads vendor messages with it. */
import type { FieldMapping } from '../../../contract/feed-config.js';
import type { TicketText } from './ticket-text.js';

export interface CompiledMapping {
  readonly fields: FieldMapping;
  readonly counterPattern: RegExp;
  readonly ticketText: TicketText;
  /** The board opens a counter on a call: the queue system never says a counter opened. */
  readonly openCountersOnCall: boolean;
  /** The vendor has no serial numbers: the feed numbers events (and snapshots) on arrival. */
  readonly numbersOnArrival: boolean;
}
