/**
 * The one queue event schema every feed speaks (the built-in simulator, a vendor's queue system
 * through an adapter). Types only; the parser from untrusted JSON is electron/host/domain/queue/events.ts,
 * and the JSON Schema is queue-event.schema.json there.
 */
export interface SnapshotCounter {
  counter: number;
  open: boolean;
  /** Overrides the configured services while open. */
  services?: string[];
  serving: string | null;
}

export type SnapshotTicketState = 'waiting' | 'called' | 'served' | 'noshow';

export interface SnapshotTicket {
  ticket: string;
  service: string;
  state: SnapshotTicketState;
  issuedAt: number;
  calledAt?: number;
  /** Required when state is "called". */
  counter?: number;
}

/**
 * `seq` counts up by one per event of a feed, so gaps and repeats are visible; `at` is when it
 * happened (epoch ms). A snapshot's seq is that of the last event it reflects, so it may repeat it.
 */
export type QueueEvent =
  | { type: 'ticket.issued'; seq: number; at: number; ticket: string; service: string }
  | { type: 'ticket.called'; seq: number; at: number; ticket: string; counter: number }
  | { type: 'ticket.recalled'; seq: number; at: number; ticket: string; counter: number }
  | { type: 'ticket.served'; seq: number; at: number; ticket: string; counter?: number }
  | { type: 'ticket.noshow'; seq: number; at: number; ticket: string }
  | { type: 'counter.opened'; seq: number; at: number; counter: number; services?: string[] }
  | { type: 'counter.closed'; seq: number; at: number; counter: number }
  | { type: 'snapshot'; seq: number; at: number; counters: SnapshotCounter[]; tickets: SnapshotTicket[] };

export type QueueEventType = QueueEvent['type'];
