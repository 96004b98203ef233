/**
 * What the board knows about the hall at one moment. Only waiting and called tickets are held: a
 * served or no-show ticket is done and forgotten, so a player that runs for weeks does not grow.
 */
import type { QueueConfig } from './config.js';
import type { QueueEvent } from './events.js';
import type { QueueCall } from './queue-call.js';

export interface TicketState {
  ticket: string;
  service: string;
  status: 'waiting' | 'called';
  /** null for a ticket we only ever saw called (feeds that send calls only). */
  issuedAt: number | null;
  calledAt: number | null;
  counter: number | null;
}

export interface CounterState {
  id: number;
  open: boolean;
  services: readonly string[];
  /** The ticket last called here and not yet done; kept while closed too, but only open counters show. */
  serving: string | null;
}

export interface BufferedEvent {
  event: QueueEvent;
  /** When it reached us (the reducer's `now`), which is what the reorder window counts from. */
  receivedAt: number;
}

export interface QueueState {
  readonly config: QueueConfig;
  /** seq of the last event applied; null until the feed's first event. */
  readonly lastSeq: number | null;
  readonly tickets: ReadonlyMap<string, TicketState>;
  readonly counters: ReadonlyMap<number, CounterState>;
  /** Newest first, at most config.recentCalls. */
  readonly recentCalls: readonly QueueCall[];
  /** Events that arrived ahead of a gap, sorted by seq. */
  readonly buffer: readonly BufferedEvent[];
  /** Events were lost or skipped: ask the feed for a snapshot. Cleared by applying one. */
  readonly resyncNeeded: boolean;
}

/** The reducer's private, mutable copy of a state; nobody else holds a reference to it. */
export interface QueueDraft {
  config: QueueConfig;
  lastSeq: number | null;
  tickets: Map<string, TicketState>;
  counters: Map<number, CounterState>;
  recentCalls: QueueCall[];
  buffer: BufferedEvent[];
  resyncNeeded: boolean;
}

/** Every configured counter starts closed: only the feed (or a snapshot) can say who is staffed. */
export function createQueueState(config: QueueConfig): QueueState {
  return {
    config,
    lastSeq: null,
    tickets: new Map(),
    counters: new Map(config.counters.map((c) => [c.id, { id: c.id, open: false, services: [...c.services], serving: null }])),
    recentCalls: [],
    buffer: [],
    resyncNeeded: false,
  };
}

export function draftOf(state: QueueState): QueueDraft {
  return {
    ...state,
    tickets: new Map(state.tickets),
    counters: new Map(state.counters),
    recentCalls: [...state.recentCalls],
    buffer: [...state.buffer],
  };
}

export function isConfiguredService(config: QueueConfig, service: string): boolean {
  return config.services.some((s) => s.id === service);
}

export function configuredServicesOf(config: QueueConfig, counter: number): string[] {
  return [...(config.counters.find((c) => c.id === counter)?.services ?? [])];
}

export function pushRecentCall(d: QueueDraft, call: QueueCall): void {
  d.recentCalls.unshift(call);
  d.recentCalls.length = Math.min(d.recentCalls.length, d.config.recentCalls);
}
