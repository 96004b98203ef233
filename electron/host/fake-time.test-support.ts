/**
 * A wall clock, a monotonic clock and timers that move only when a test says so. `advance` moves
 * both clocks and fires due timers in order; `jumpWall` moves only the wall clock, as NTP or a
 * manual change does. Timers for an instant follow the wall clock (as wallTimers do, checked each
 * second here); delays and repeating ones the monotonic clock, a delay firing at its exact instant.
 */
import type { Clock, Timers } from './ports.js';

interface Pending {
  id: number;
  due: () => boolean;
  fn: () => void;
  repeat: number | null;
  dueMonotonic: number;
  /** A delay (`after`): `advance` stops at its exact instant instead of the next whole second. */
  exact?: true;
}

export class FakeTime implements Clock {
  private wall: number;
  private mono = 1_000_000;
  private pending: Pending[] = [];
  private nextId = 1;

  /** `start`: the wall clock's first reading, as an ISO instant or epoch ms. */
  constructor(start: string | number) {
    this.wall = typeof start === 'number' ? start : Date.parse(start);
  }

  now = (): number => this.wall;
  monotonic = (): number => this.mono;

  readonly timers: Timers = {
    at: (at, fn) => {
      const id = this.nextId++;
      // Like wallTimers: due when the wall clock reaches `at`, whatever steps it took to get there.
      const entry: Pending = { id, due: () => this.wall >= at, fn, repeat: null, dueMonotonic: this.mono + Math.max(0, at - this.wall) };
      this.pending.push(entry);
      return () => this.cancel(id);
    },
    after: (ms, fn) => {
      const id = this.nextId++;
      const entry: Pending = { id, due: () => this.mono >= entry.dueMonotonic, fn, repeat: null, dueMonotonic: this.mono + Math.max(0, ms), exact: true };
      this.pending.push(entry);
      return () => this.cancel(id);
    },
    every: (ms, fn) => {
      const id = this.nextId++;
      const entry: Pending = { id, due: () => this.mono >= entry.dueMonotonic, fn, repeat: ms, dueMonotonic: this.mono + ms };
      this.pending.push(entry);
      return () => this.cancel(id);
    },
  };

  /** Moves both clocks forward by `ms` in steps of at most a second, firing due timers. */
  advance(ms: number): void {
    const end = this.mono + ms;
    while (this.mono < end) {
      const nextDelay = Math.min(...this.pending.filter((p) => p.exact).map((p) => p.dueMonotonic));
      const step = Math.max(0, Math.min(1000, end - this.mono, nextDelay - this.mono));
      this.mono += step;
      this.wall += step;
      this.fireDue();
    }
  }

  /** Moves only the wall clock (a clock change); timers fire at the next advance. */
  jumpWall(ms: number): void {
    this.wall += ms;
  }

  private fireDue(): void {
    const due = [...this.pending].sort((a, b) => a.dueMonotonic - b.dueMonotonic || a.id - b.id);
    for (const p of due) {
      if (!this.pending.includes(p) || !p.due()) continue;
      if (p.repeat === null) this.cancel(p.id);
      else p.dueMonotonic += p.repeat;
      p.fn();
    }
  }

  private cancel(id: number): void {
    this.pending = this.pending.filter((p) => p.id !== id);
  }
}
