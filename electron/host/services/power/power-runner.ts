/**
 * Screens that sleep with the hall: decides every display's power from displays.json's windows
 * (domain/power/power-windows.ts) and tells when one changes. It arms a timer for the next change
 * and also re-checks every 30 s from the wall clock, so a clock step or a timer lost in a suspend
 * is followed within 30 s. `wake` turns every display on over its windows (an emergency) until the
 * returned release is called; the kiosk and the Electron shell follow each display's state with
 * the platform's screen power (electron/cli/screen-power*.ts, electron/shell/power-save.ts).
 */
import type { HallConfig } from '../../../contract/hall-config.js';
import type { DisplayPower } from '../../../contract/power.js';
import type { DayCalendar } from '../../domain/schedule/calendar.js';
import { powerPlanFor, type PowerPlan } from '../../domain/power/power-plan.js';
import { powerAt } from '../../domain/power/power-windows.js';
import type { Clock, Log, Timers } from '../../ports.js';
import { topic } from '../topic.js';

/** The slowest re-check: croner's maxDelay, the schedule's heartbeat bound. */
export const POWER_RECHECK_MS = 30_000;

export interface PowerRunnerDeps {
  clock: Clock;
  timers: Timers;
  log: Log;
  recheckMs?: number;
}

export interface PowerRunner {
  configure(config: HallConfig): void;
  start(): void;
  stop(): void;
  /** The power of a display by its displays.json id; null (or an id displays.json lacks): an unassigned display's. */
  power(id: string | null): DisplayPower;
  /** Every display's power by id, and the unassigned displays' under "". */
  all(): Record<string, DisplayPower>;
  /** Every display on, whatever its windows, until the returned function is called (each wake released once). */
  wake(reason: string): () => void;
  /** Some display's power changed: on/off, or why (its windows came or went with a reload). */
  subscribe(listener: () => void): () => void;
}

/** Unassigned displays are kept under "": display ids are never empty. */
const UNASSIGNED_KEY = '';
const ALWAYS_ON: DisplayPower = { state: 'on', reason: 'always-on', since: null, next: null };

export function createPowerRunner(deps: PowerRunnerDeps): PowerRunner {
  const { clock, timers, log } = deps;
  const changes = topic<null>();
  let plans = new Map<string, PowerPlan | null>([[UNASSIGNED_KEY, null]]);
  const states = new Map<string, DisplayPower>();
  const wakes = new Map<number, string>();
  let wakeId = 0;
  let cancelNext: (() => void) | null = null;
  let cancelRecheck: (() => void) | null = null;

  const evaluate = (): void => {
    const now = clock.now();
    let changed = false;
    let soonest: number | null = null;
    for (const [key, plan] of plans) {
      const windows = plan ? powerAt(plan.windows, plan.calendar, plan.zone, now) : { on: true, next: null };
      if (windows.next !== null) soonest = Math.min(soonest ?? Infinity, windows.next);
      const woken = wakes.size > 0 && !windows.on;
      const previous = states.get(key);
      const state = windows.on || woken ? 'on' : 'off';
      const reason = woken ? 'woken' : plan ? 'window' : 'always-on';
      // A display that was not known before starts "since" null: the runner did not see it change.
      // A change the windows foretold happened at their boundary, however late the timer fired.
      const foretold = previous?.next != null && previous.next <= now && !woken && previous.reason !== 'woken';
      const since = previous === undefined ? null : previous.state === state ? previous.since : foretold ? previous.next : now;
      states.set(key, { state, reason, since, next: woken ? null : windows.next });
      // A reason's change matters too: a reload that gives a display windows, or takes them away.
      if (previous && (previous.state !== state || previous.reason !== reason)) changed = true;
      if (previous && previous.state !== state) {
        log.info('display power', { display: key === UNASSIGNED_KEY ? '(unassigned)' : key, power: state, reason, next: windows.next });
      }
    }
    for (const key of [...states.keys()]) if (!plans.has(key)) states.delete(key);
    cancelNext?.();
    cancelNext = cancelRecheck && soonest !== null ? timers.at(soonest, evaluate) : null;
    if (changed) changes.publish(null);
  };

  return {
    configure(config) {
      const calendars = new Map<string, DayCalendar>();
      const next = new Map<string, PowerPlan | null>([[UNASSIGNED_KEY, powerPlanFor(config, null, calendars)]]);
      for (const id of Object.keys(config.displays?.displays ?? {})) next.set(id, powerPlanFor(config, id, calendars));
      plans = next;
      evaluate();
    },
    start() {
      if (cancelRecheck) return;
      cancelRecheck = timers.every(deps.recheckMs ?? POWER_RECHECK_MS, evaluate);
      evaluate();
    },
    stop() {
      cancelNext?.();
      cancelRecheck?.();
      cancelNext = cancelRecheck = null;
    },
    power: (id) => states.get(id ?? UNASSIGNED_KEY) ?? states.get(UNASSIGNED_KEY) ?? ALWAYS_ON,
    all: () => Object.fromEntries(states),
    wake(reason) {
      const id = ++wakeId;
      wakes.set(id, reason);
      log.info('displays woken', { reason });
      evaluate();
      return () => {
        if (!wakes.delete(id)) return;
        log.info('displays wake over', { reason });
        evaluate();
      };
    },
    subscribe: (listener) => changes.subscribe(() => listener()),
  };
}
