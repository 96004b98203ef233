/**
 * The running schedule: asks the pure core what plays now, arms a timer for the next switch, and
 * re-resolves from the wall clock on start, on a new configuration, and after any clock jump, so a
 * player that boots at 10:17 plays what 10:17 should play and a missed timer is only late by at most
 * one heartbeat.
 */
import type { CompiledSchedule } from '../schedule/compile.js';
import { resolve, type Resolution } from '../schedule/timeline.js';
import type { Clock, Log, Timers } from './ports.js';

/** A boundary timer this late is taken as lost (a suspend, a timer library skipping a run). */
const LATE_MS = 1000;

export type SwitchReason = 'start' | 'boundary' | 'config' | 'clock-jump' | 'late-boundary';

export interface SchedulerDeps {
  clock: Clock;
  timers: Timers;
  log: Log;
  /** Called when the winning entry or programme changes (and once on start). */
  onSwitch(resolution: Resolution, reason: SwitchReason): void;
  /** How often to compare the wall clock with the monotonic one; ≤ 30 s. Default 15. */
  heartbeatSeconds?: number;
  /** Wall/monotonic drift that counts as a clock jump. Default 2000 ms. */
  jumpToleranceMs?: number;
}

export interface Scheduler {
  start(): void;
  stop(): void;
  /** Applies a new schedule (hot reload) and re-resolves at once. */
  load(schedule: CompiledSchedule): void;
  current(): Resolution | null;
}

export function createScheduler(initial: CompiledSchedule, deps: SchedulerDeps): Scheduler {
  const { clock, timers, log } = deps;
  const tolerance = deps.jumpToleranceMs ?? 2000;
  let schedule = initial;
  let current: Resolution | null = null;
  let cancelBoundary: (() => void) | null = null;
  let cancelHeartbeat: (() => void) | null = null;
  let lastWall = 0;
  let lastMonotonic = 0;

  const evaluate = (reason: SwitchReason): void => {
    const now = clock.now();
    const next = resolve(schedule, now);
    const changed = !current || current.entry !== next.entry || current.programme !== next.programme;
    current = next;
    cancelBoundary?.();
    cancelBoundary = next.next ? timers.at(next.next.at, () => evaluate('boundary')) : null;
    if (changed || reason === 'start') {
      log.info('schedule switch', { reason, programme: next.programme, entry: next.entry, next: next.next?.at ?? null });
      deps.onSwitch(next, reason);
    }
  };

  const heartbeat = (): void => {
    const wall = clock.now();
    const monotonic = clock.monotonic();
    const drift = wall - lastWall - (monotonic - lastMonotonic);
    lastWall = wall;
    lastMonotonic = monotonic;
    if (Math.abs(drift) > tolerance) {
      log.warn('wall clock jumped', { driftMs: Math.round(drift) });
      evaluate('clock-jump');
    } else if (current?.next && wall >= current.next.at + LATE_MS) {
      evaluate('late-boundary');
    }
  };

  return {
    start() {
      if (cancelHeartbeat) return;
      lastWall = clock.now();
      lastMonotonic = clock.monotonic();
      evaluate('start');
      cancelHeartbeat = timers.every(deps.heartbeatSeconds ?? 15, heartbeat);
    },
    stop() {
      cancelBoundary?.();
      cancelHeartbeat?.();
      cancelBoundary = cancelHeartbeat = null;
    },
    load(next) {
      schedule = next;
      if (cancelHeartbeat) evaluate('config');
    },
    current: () => current,
  };
}
