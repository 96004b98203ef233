/**
 * The display's clock pings (ClockPing → ClockEcho, the session answers at once), feeding the
 * HostOffset. A few quick ones at start, so the first call moment already has a good offset;
 * then one with each heartbeat.
 */
import type { Bridge } from '../../../electron/contract/bridge.js';
import type { HostOffset } from './host-offset.js';

const QUICK_PINGS = 8;
const QUICK_GAP_MS = 250;

/** The display's monotonic clock on the epoch's scale (what ClockPing.sent carries). */
export const monotonicNow = (): number => performance.timeOrigin + performance.now();

export interface ClockPings {
  /** One ping now (the heartbeat calls it). */
  ping(): void;
  stop(): void;
}

export function startClockPings(bridge: Pick<Bridge, 'clock' | 'onClock'>, offset: HostOffset, now: () => number = monotonicNow): ClockPings {
  const unsubscribe = bridge.onClock((echo) => offset.add({ sent: echo.sent, host: echo.host, received: now() }));
  const ping = (): void => bridge.clock({ sent: now() });
  let quick = 0;
  let timer: ReturnType<typeof setTimeout> | null = null;
  const next = (): void => {
    ping();
    timer = ++quick < QUICK_PINGS ? setTimeout(next, QUICK_GAP_MS) : null;
  };
  // After the hello (sent first): before it the host drops what a socket says.
  timer = setTimeout(next, QUICK_GAP_MS);
  return {
    ping,
    stop() {
      if (timer) clearTimeout(timer);
      unsubscribe();
    },
  };
}
