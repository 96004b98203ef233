/**
 * One running schedule and what proof of play needs from it: the hall's, and each display's that
 * has programmes of its own (displays.json). It keeps the resolution in force and when the
 * programme last switched, so the first frame after a switch can be timed against it.
 */
import type { CompiledSchedule } from '../../domain/schedule/compile.js';
import type { Resolution } from '../../domain/schedule/timeline.js';
import type { PlaybackReport } from '../../../contract/messages.js';
import type { Clock, Log, Timers } from '../../ports.js';
import { createScheduleRunner, type ClockJump, type ScheduleRunner, type SwitchReason } from './schedule-runner.js';

export interface ScheduleTrackDeps {
  clock: Clock;
  timers: Timers;
  log: Log;
  /** The resolution changed (a switch, a new schedule, a clock step): the displays on it need a new state. */
  onChange(): void;
  /** Only the hall's track reports clock steps; a display's leaves them to it (one line per step). */
  onClockJump?(jump: ClockJump): void;
}

export interface SwitchTiming {
  /** The switch the report answers (epoch ms), or null: another programme's, or before the look-back. */
  scheduledAt: number | null;
  /** Only on the first frame after a switch. */
  firstFrame?: { reason: SwitchReason; sinceSwitchMs: number };
}

export interface ScheduleTrack {
  start(): void;
  stop(): void;
  /** A new schedule (hot reload); the displays are told when the resolution changed. */
  load(schedule: CompiledSchedule): void;
  resolution(): Resolution | null;
  /** What proof of play needs of a report against this schedule: the switch it answers, and for the first frame after that switch, the switch's reason and how long since it. */
  timing(report: PlaybackReport): SwitchTiming;
}

export function createScheduleTrack(schedule: CompiledSchedule, deps: ScheduleTrackDeps): ScheduleTrack {
  let resolution: Resolution | null = null;
  let switchedAt: number | null = null;
  let switchReason: SwitchReason = 'start';
  let firstFramePending = false;
  const runner: ScheduleRunner = createScheduleRunner(schedule, {
    clock: deps.clock,
    timers: deps.timers,
    log: deps.log,
    onSwitch(next, reason) {
      // The proof-of-play log compares the first frame with the switch the schedule asked for.
      if (!resolution || resolution.programme !== next.programme) {
        switchedAt = next.since;
        switchReason = reason;
        firstFramePending = true;
      }
      resolution = next;
      deps.onChange();
    },
    onClockJump: deps.onClockJump ?? (() => {}),
  });
  return {
    start: () => runner.start(),
    stop: () => runner.stop(),
    load(next) {
      // No switch, but the programme's items, the layout or the ticker may have changed.
      if (!runner.load(next)) {
        resolution = runner.current();
        deps.onChange();
      }
    },
    resolution: () => resolution,
    timing(report) {
      const scheduledAt = report.programme === resolution?.programme ? switchedAt : null;
      // Only the first frame after a switch measures the switch's lateness.
      const first = report.event === 'first-frame' && scheduledAt !== null && firstFramePending;
      if (!first) return { scheduledAt };
      firstFramePending = false;
      return { scheduledAt, firstFrame: { reason: switchReason, sinceSwitchMs: report.at - scheduledAt } };
    },
  };
}
