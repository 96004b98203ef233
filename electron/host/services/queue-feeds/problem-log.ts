/**
 * Logs each distinct feed problem once: a dead queue system retried every few seconds, or a
 * mapping mistake hit by every message, must not flood the player's log for the rest of the day.
 */
import type { Log } from '../../ports.js';
import type { FeedProblem } from './message-intake.js';

/** Distinct problems remembered at most; a feed with more than this is reported afresh. */
const MAX_REMEMBERED = 200;

export class ProblemLog {
  private readonly seen = new Set<string>();

  constructor(private readonly log: Log) {}

  report(problem: FeedProblem): void {
    if (this.seen.has(problem.key)) return;
    if (this.seen.size >= MAX_REMEMBERED) this.seen.clear();
    this.seen.add(problem.key);
    this.log.warn(problem.message);
  }

  /** After a recovery the same problem is news again. */
  clear(): void {
    this.seen.clear();
  }
}
