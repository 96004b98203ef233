/** The queue desk's time: the wall clock and a one-shot timer (the simulator and the hub share it). */
export interface QueueClock {
  now(): number;
  /** Runs `run` after `ms`; returns a cancel function. */
  after(ms: number, run: () => void): () => void;
}
