/**
 * The built-in hall: a deterministic discrete-event simulation that speaks the queue event schema,
 * so a player with no queue system installed still shows a living board. Everything random comes
 * from one seeded PRNG drawn in event order, so the same seed gives the same day however the
 * caller slices time (a 60× demo just advances faster).
 */
import type { QueueConfig } from './config.js';
import type { QueueEvent, SnapshotTicket } from './events.js';
import { arrivalLevel, DEFAULT_OPENING_HOURS, DEFAULT_STAFFING, isOpenAt, staffedCounters, type OpeningHours, type StaffingPlan } from './hall-day.js';
import { mulberry32, type Random } from './random.js';

export interface SimulatorOptions {
  config: QueueConfig;
  seed: number;
  /** Local minute of the day (0..1439) at an instant: the hall's time zone, injected. */
  localMinuteOfDay: (ms: number) => number;
  /** Simulated time starts here; the first events come after it. */
  startMs: number;
  opening?: OpeningHours;
  staffing?: StaffingPlan;
  /** Tickets per hour per service on a busy late morning (level 1.0 of the day's shape). */
  hourlyArrivals?: Readonly<Record<string, number>>;
  /** Share of called customers who never come: recalled once after 30 s, then marked no-show. */
  noShowProbability?: number;
}

/** A busy hall: general business slightly above what its counters can take at the lunch peak. */
export const DEFAULT_HOURLY_ARRIVALS: Readonly<Record<string, number>> = { A: 31, B: 18, V: 2 };

const MINUTE = 60_000;
const RECALL_AFTER_MS = 30_000;
/** Spread of service times around the mean: most take 0.6–1.6× the mean, a few much longer. */
const SERVICE_SIGMA = 0.5;

interface SimCounter {
  id: number;
  services: readonly string[];
  open: boolean;
  /** Staff leave after the current customer (a break) or after the queue is empty (closing time). */
  closing: boolean;
  busy: { ticket: string; service: string; issuedAt: number; calledAt: number } | null;
  callPending: boolean;
  idleSince: number;
}

interface WaitingTicket {
  ticket: string;
  service: string;
  issuedAt: number;
  priority: boolean;
}

type Action =
  | { kind: 'beat' }
  | { kind: 'arrival'; service: string }
  | { kind: 'call'; counter: number }
  | { kind: 'served'; counter: number }
  | { kind: 'recall'; counter: number }
  | { kind: 'noshow'; counter: number };

type AgendaItem = Action & { at: number; order: number };

export interface Simulator {
  readonly options: Required<SimulatorOptions>;
  readonly random: Random;
  now: number;
  seq: number;
  hallOpen: boolean;
  agenda: AgendaItem[];
  scheduled: number;
  waiting: WaitingTicket[];
  counters: SimCounter[];
  nextNumber: Map<string, number>;
}

export function createSimulator(options: SimulatorOptions): Simulator {
  const full: Required<SimulatorOptions> = {
    opening: DEFAULT_OPENING_HOURS,
    staffing: DEFAULT_STAFFING,
    hourlyArrivals: DEFAULT_HOURLY_ARRIVALS,
    noShowProbability: 0.03,
    ...options,
  };
  const sim: Simulator = {
    options: full,
    random: mulberry32(options.seed),
    now: options.startMs,
    seq: 0,
    hallOpen: false,
    agenda: [],
    scheduled: 0,
    waiting: [],
    counters: options.config.counters.map((c) => ({ id: c.id, services: c.services, open: false, closing: false, busy: null, callPending: false, idleSince: options.startMs })),
    nextNumber: new Map(),
  };
  schedule(sim, Math.floor(options.startMs / MINUTE) * MINUTE + MINUTE, { kind: 'beat' });
  return sim;
}

/** Runs the hall up to untilMs and returns what happened, each event later than the previous call's untilMs. */
export function advance(sim: Simulator, untilMs: number): QueueEvent[] {
  const out: QueueEvent[] = [];
  while (sim.agenda[0] && sim.agenda[0].at <= untilMs) {
    const item = sim.agenda.shift()!;
    sim.now = item.at;
    handle(sim, item, out);
  }
  sim.now = Math.max(sim.now, untilMs);
  return out;
}

/** The hall as it is now, as of the last event emitted (a snapshot repeats that event's seq). */
export function snapshot(sim: Simulator): Extract<QueueEvent, { type: 'snapshot' }> {
  const tickets: SnapshotTicket[] = sim.waiting.map((t) => ({ ticket: t.ticket, service: t.service, state: 'waiting', issuedAt: t.issuedAt }));
  for (const c of sim.counters) {
    if (c.busy) tickets.push({ ticket: c.busy.ticket, service: c.busy.service, state: 'called', issuedAt: c.busy.issuedAt, calledAt: c.busy.calledAt, counter: c.id });
  }
  const counters = sim.counters.map((c) => ({ counter: c.id, open: c.open, serving: c.busy?.ticket ?? null }));
  return { type: 'snapshot', seq: sim.seq, at: sim.now, counters, tickets };
}

function handle(sim: Simulator, item: AgendaItem, out: QueueEvent[]): void {
  const emit = (event: DistributiveOmit<QueueEvent, 'seq' | 'at'>): void => {
    out.push({ ...event, seq: ++sim.seq, at: item.at } as QueueEvent);
  };
  const counter = 'counter' in item ? sim.counters.find((c) => c.id === item.counter)! : undefined;
  switch (item.kind) {
    case 'beat':
      return beat(sim, item.at, emit);
    case 'arrival':
      return arrive(sim, item.service, item.at, emit);
    case 'call':
      return callNext(sim, counter!, item.at, emit);
    case 'served':
      emit({ type: 'ticket.served', ticket: counter!.busy!.ticket, counter: counter!.id });
      return free(sim, counter!, item.at);
    case 'recall':
      emit({ type: 'ticket.recalled', ticket: counter!.busy!.ticket, counter: counter!.id });
      return schedule(sim, item.at + RECALL_AFTER_MS, { kind: 'noshow', counter: counter!.id });
    case 'noshow':
      emit({ type: 'ticket.noshow', ticket: counter!.busy!.ticket });
      return free(sim, counter!, item.at);
  }
}

type Emit = (event: DistributiveOmit<QueueEvent, 'seq' | 'at'>) => void;
type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

/** Once a minute: staff come and go as planned, and the minute's arrivals are drawn. */
function beat(sim: Simulator, at: number, emit: Emit): void {
  const { config, opening, staffing, hourlyArrivals, localMinuteOfDay } = sim.options;
  const minute = localMinuteOfDay(at);
  const hallOpen = isOpenAt(opening, minute);
  if (hallOpen && !sim.hallOpen) sim.nextNumber.clear();
  sim.hallOpen = hallOpen;
  const staffed = staffedCounters(config, opening, staffing, minute);
  for (const c of sim.counters) {
    if (staffed.has(c.id)) {
      c.closing = false;
      if (!c.open) {
        c.open = true;
        emit({ type: 'counter.opened', counter: c.id });
        if (!c.busy && !c.callPending) scheduleCall(sim, c, at);
      }
    } else if (c.open && !c.closing) {
      c.closing = true;
      if (!c.busy && !c.callPending) closeOrCarryOn(sim, c, at, emit);
    }
  }
  const level = arrivalLevel(opening, minute);
  for (const service of config.services) {
    const count = poisson(sim.random, ((hourlyArrivals[service.id] ?? 0) * level) / 60);
    for (let i = 0; i < count; i++) schedule(sim, at + Math.floor(sim.random() * MINUTE), { kind: 'arrival', service: service.id });
  }
  schedule(sim, at + MINUTE, { kind: 'beat' });
}

function arrive(sim: Simulator, service: string, at: number, emit: Emit): void {
  const number = sim.nextNumber.get(service) ?? 1;
  sim.nextNumber.set(service, (number % 9999) + 1);
  const ticket = `${service}${String(number).padStart(3, '0')}`;
  const priority = sim.options.config.services.find((s) => s.id === service)?.priority === true;
  sim.waiting.push({ ticket, service, issuedAt: at, priority });
  emit({ type: 'ticket.issued', ticket, service });
  // The counter idle longest takes the newcomer, as staff on an idle hall take turns.
  const idle = sim.counters
    .filter((c) => c.open && !c.closing && !c.busy && !c.callPending && c.services.includes(service))
    .sort((a, b) => a.idleSince - b.idleSince || a.id - b.id)[0];
  if (idle) scheduleCall(sim, idle, at);
}

function callNext(sim: Simulator, c: SimCounter, at: number, emit: Emit): void {
  c.callPending = false;
  if (!c.open) return;
  if (c.closing && sim.hallOpen) return closeOrCarryOn(sim, c, at, emit);
  const next = nextTicketFor(sim, c);
  if (!next) {
    c.idleSince = at;
    if (c.closing) closeOrCarryOn(sim, c, at, emit);
    return;
  }
  sim.waiting.splice(sim.waiting.indexOf(next), 1);
  c.busy = { ticket: next.ticket, service: next.service, issuedAt: next.issuedAt, calledAt: at };
  emit({ type: 'ticket.called', ticket: next.ticket, counter: c.id });
  if (sim.random() < sim.options.noShowProbability) return schedule(sim, at + RECALL_AFTER_MS, { kind: 'recall', counter: c.id });
  const mean = sim.options.config.services.find((s) => s.id === next.service)!.defaultServiceSeconds;
  schedule(sim, at + serviceMs(sim.random, mean), { kind: 'served', counter: c.id });
}

/** Priority tickets first, then the oldest of the counter's services. */
function nextTicketFor(sim: Simulator, c: SimCounter): WaitingTicket | undefined {
  const mine = sim.waiting.filter((t) => c.services.includes(t.service));
  return mine.find((t) => t.priority) ?? mine[0];
}

function free(sim: Simulator, c: SimCounter, at: number): void {
  c.busy = null;
  scheduleCall(sim, c, at);
}

/** At a break staff leave once free; at closing time they first serve everyone still holding a ticket. */
function closeOrCarryOn(sim: Simulator, c: SimCounter, at: number, emit: Emit): void {
  if (!sim.hallOpen && nextTicketFor(sim, c)) return scheduleCall(sim, c, at);
  c.open = false;
  c.closing = false;
  c.idleSince = at;
  emit({ type: 'counter.closed', counter: c.id });
}

/** A few seconds between customers: the clerk finishes up and presses "next". */
function scheduleCall(sim: Simulator, c: SimCounter, at: number): void {
  c.callPending = true;
  schedule(sim, at + 5_000 + Math.floor(sim.random() * 10_000), { kind: 'call', counter: c.id });
}

function schedule(sim: Simulator, at: number, action: Action): void {
  const item = { ...action, at, order: sim.scheduled++ } as AgendaItem;
  let lo = 0;
  let hi = sim.agenda.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    const other = sim.agenda[mid]!;
    if (other.at < at || (other.at === at && other.order < item.order)) lo = mid + 1;
    else hi = mid;
  }
  sim.agenda.splice(lo, 0, item);
}

/** Lognormal with the given mean, clamped to what a counter can physically do. */
function serviceMs(random: Random, meanSeconds: number): number {
  const z = Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
  const seconds = meanSeconds * Math.exp(SERVICE_SIGMA * z - (SERVICE_SIGMA * SERVICE_SIGMA) / 2);
  return Math.round(Math.min(Math.max(seconds, 30), 3600) * 1000);
}

/** Knuth's method: fine for the small per-minute means of a hall. */
function poisson(random: Random, mean: number): number {
  if (mean <= 0) return 0;
  const limit = Math.exp(-mean);
  let count = 0;
  for (let p = random(); p > limit; p *= random()) count++;
  return count;
}
