/**
 * The running schedule: asks the pure core what plays now, arms a timer for the next switch, and
 * re-resolves from the wall clock on start, on a new configuration, and after any clock jump, so a
 * player that boots at 10:17 plays what 10:17 should play and a missed timer is only late by at most
 * one heartbeat. The heartbeat (1 s) asks planBeat (clock-beat.ts) what it finds and only acts on
 * it: a step of the wall clock either way is reported once (onClockJump) and re-resolved at once,
 * not when the wall clock happens to reach the next boundary; a boundary timer that is late is
 * taken as lost and re-resolved.
 */
import type { CompiledSchedule } from '../../domain/schedule/compile.js';
import { resolve, type Resolution } from '../../domain/schedule/timeline.js';
import { formatLocal } from '../../domain/time/local-format.js';
import { CLOCK_JUMP_TOLERANCE_MS, LATE_BOUNDARY_MS, formatStep, planBeat, type ClockReading } from './clock-beat.js';
import type { Clock, Log, Timers } from '../../ports.js';

export type SwitchReason = 'start' | 'boundary' | 'config' | 'clock-jump' | 'late-boundary';

export interface ClockJump {
  /** How far the wall clock stepped beyond the time that elapsed (ms, + forward, − back). */
  jumpedMs: number;
  /** Where the wall clock would be without the step, and where it is (epoch ms). */
  expected: number;
  now: number;
  /** One line for the log: "clock stepped +3600 s (11:50:03 → 12:50:03 UTC+00:00)", in the hall's zone. */
  message: string;
}

export interface ScheduleRunnerDeps {
  clock: Clock;
  timers: Timers;
  log: Log;
  /** Called when the winning entry or programme changes, once on start, and after a clock jump (the displays' clocks follow the host's). */
  onSwitch(resolution: Resolution, reason: SwitchReason): void;
  /**
   * Called once per clock jump, before the schedule is re-resolved: the owner logs it (one line)
   * and re-arms its own wall-clock timers. Without it the scheduler logs the line itself.
   */
  onClockJump?(jump: ClockJump): void;
  /** How often to compare the wall clock with the monotonic one; ≤ 30 s. Default 1000 ms. */
  heartbeatMs?: number;
  /** Wall/monotonic drift that counts as a clock jump. Default 2000 ms. */
  jumpToleranceMs?: number;
}

export interface ScheduleRunner {
  start(): void;
  stop(): void;
  /**
   * Applies a new schedule (hot reload) and re-resolves at once. True when that switched (onSwitch
   * was called with the new resolution); false when the same entry and programme stay, or before start.
   */
  load(schedule: CompiledSchedule): boolean;
  current(): Resolution | null;
}

export function createScheduleRunner(initial: CompiledSchedule, deps: ScheduleRunnerDeps): ScheduleRunner {
  const { clock, timers, log } = deps;
  const tolerance = deps.jumpToleranceMs ?? CLOCK_JUMP_TOLERANCE_MS;
  let schedule = initial;
  let current: Resolution | null = null;
  let cancelBoundary: (() => void) | null = null;
  let cancelHeartbeat: (() => void) | null = null;
  let last: ClockReading = { wall: 0, monotonic: 0 };

  /** Re-resolves from the wall clock and re-arms the boundary timer; true when onSwitch was called. */
  const evaluate = (reason: SwitchReason): boolean => {
    const now = clock.now();
    const next = resolve(schedule, now);
    const changed = !current || current.entry !== next.entry || current.programme !== next.programme;
    current = next;
    cancelBoundary?.();
    cancelBoundary = next.next ? timers.at(next.next.at, () => void evaluate('boundary')) : null;
    if (changed) log.info('schedule switch', { reason, programme: next.programme, entry: next.entry, next: next.next?.at ?? null });
    const told = changed || reason === 'start' || reason === 'clock-jump';
    if (told) deps.onSwitch(next, reason);
    return told;
  };

  const read = (): ClockReading => ({ wall: clock.now(), monotonic: clock.monotonic() });

  const heartbeat = (): void => {
    const reading = read();
    const plan = planBeat({ previous: last, current: reading, toleranceMs: tolerance, nextBoundary: current?.next?.at ?? null, lateLimitMs: LATE_BOUNDARY_MS });
    last = reading;
    if (plan.kind === 'clock-jump') {
      const local = (at: number): string => formatLocal(schedule.zone, at).time.padEnd(8, ':00');
      const { offset } = formatLocal(schedule.zone, reading.wall);
      const jump: ClockJump = {
        jumpedMs: plan.jumpedMs,
        expected: plan.expected,
        now: reading.wall,
        message: `clock stepped ${formatStep(plan.jumpedMs)} (${local(plan.expected)} → ${local(reading.wall)} UTC${offset})`,
      };
      if (deps.onClockJump) deps.onClockJump(jump);
      else log.warn(jump.message, { jumpedMs: Math.round(jump.jumpedMs) });
      evaluate('clock-jump');
    } else if (plan.kind === 'late-boundary') {
      evaluate('late-boundary');
    }
  };

  return {
    start() {
      if (cancelHeartbeat) return;
      last = read();
      evaluate('start');
      cancelHeartbeat = timers.every(deps.heartbeatMs ?? 1000, heartbeat);
    },
    stop() {
      cancelBoundary?.();
      cancelHeartbeat?.();
      cancelBoundary = cancelHeartbeat = null;
    },
    load(next) {
      schedule = next;
      return cancelHeartbeat ? evaluate('config') : false;
    },
    current: () => current,
  };
}
