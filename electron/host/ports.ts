/** The scheduler's view of time and timers, injected so tests drive it without real waits. */
export interface Clock {
  /** Wall clock, epoch milliseconds (Date.now). Can jump: NTP, a manual change, a resume from sleep. */
  now(): number;
  /** Monotonic milliseconds (performance.now); never jumps, only used for differences. */
  monotonic(): number;
}

export interface Timers {
  /** Runs `fn` once when the wall clock reaches `at` (epoch ms); returns a cancel function. */
  at(at: number, fn: () => void): () => void;
  /** Runs `fn` every `seconds` seconds; returns a cancel function. */
  every(seconds: number, fn: () => void): () => void;
}

export interface Log {
  info(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
}

export const systemClock: Clock = {
  now: () => Date.now(),
  monotonic: () => performance.now(),
};
