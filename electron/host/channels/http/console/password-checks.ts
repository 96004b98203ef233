/**
 * Password checks take turns. Each scrypt check holds one of libuv's four worker threads (and
 * ~32 MiB) for ~0.1 s, and the same threads open and read every media file the displays stream:
 * unbounded, a burst of guesses from many addresses filled them and media waited 18–83 s, longer
 * than a display's load timeout. So at most `running` checks run at once and at most `waiting`
 * wait for their turn; a sign-in past that is refused at once, before any hashing.
 */
export const CHECKS_AT_ONCE = 1;
export const CHECKS_WAITING = 4;
/** What a refused sign-in is told to wait: one turn's length, rounded up generously. */
export const BUSY_RETRY_SECONDS = 2;

export interface PasswordChecks {
  /** Runs `check` in its turn; null at once (nothing run) when the queue is full. */
  inTurn<T>(check: () => Promise<T>): Promise<T> | null;
}

export function createPasswordChecks(options: { running?: number; waiting?: number } = {}): PasswordChecks {
  const running = options.running ?? CHECKS_AT_ONCE;
  const waiting = options.waiting ?? CHECKS_WAITING;
  let active = 0;
  const queue: (() => void)[] = [];
  // A turn is taken synchronously, so two sign-ins in one tick cannot both see a free slot.
  const take = (start: () => void) => (): void => {
    active++;
    start();
  };

  return {
    inTurn(check) {
      if (active >= running && queue.length >= waiting) return null;
      const turn = new Promise<void>((start) => (active < running ? take(start)() : queue.push(take(start))));
      return turn.then(async () => {
        try {
          return await check();
        } finally {
          active--;
          queue.shift()?.();
        }
      });
    },
  };
}
