/** A clock for queue tests: time moves only when the test says, and due timers then run in order. */
import type { QueueClock } from './queue-clock.js';

export class ManualClock implements QueueClock {
  private timers: { at: number; run: () => void; id: number }[] = [];
  private nextId = 0;

  constructor(private t: number) {}

  now = (): number => this.t;

  after = (ms: number, run: () => void): (() => void) => {
    const id = this.nextId++;
    this.timers.push({ at: this.t + ms, run, id });
    return () => {
      this.timers = this.timers.filter((x) => x.id !== id);
    };
  };

  advance(ms: number): void {
    const end = this.t + ms;
    for (;;) {
      const due = this.timers.filter((x) => x.at <= end).sort((a, b) => a.at - b.at || a.id - b.id)[0];
      if (!due) break;
      this.timers = this.timers.filter((x) => x !== due);
      this.t = due.at;
      due.run();
    }
    this.t = end;
  }
}
