/**
 * The one set of ports for time and the log, injected into every service (and the Electron shell)
 * so tests drive them without real waits. Milliseconds everywhere. The real timers are
 * services/time/wall-timers.ts; tests use fake-time.test-support.ts.
 */
export interface Clock {
  /** Wall clock, epoch milliseconds (Date.now). Can jump: NTP, a manual change, a resume from sleep. */
  now(): number;
  /** Monotonic milliseconds (performance.now); never jumps, only used for differences. */
  monotonic(): number;
}

export interface Timers {
  /** Runs `fn` once when the wall clock reaches `epochMs`, whatever steps it takes to get there; returns a cancel function. */
  at(epochMs: number, fn: () => void): () => void;
  /** Runs `fn` once after `ms` of elapsed time; returns a cancel function. */
  after(ms: number, fn: () => void): () => void;
  /** Runs `fn` every `ms` of elapsed time (at most 30 s); returns a cancel function. */
  every(ms: number, fn: () => void): () => void;
}

export interface Log {
  info(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
}

export const systemClock: Clock = {
  now: () => Date.now(),
  monotonic: () => performance.now(),
};
