/**
 * Runs tasks one after another, in the order they were asked for: two floor managers saving at
 * once are served in turn, so the second one's version check sees the first one's save.
 */
export type OneAtATime = <T>(task: () => Promise<T>) => Promise<T>;

export function oneAtATime(): OneAtATime {
  let tail: Promise<unknown> = Promise.resolve();
  return <T>(task: () => Promise<T>): Promise<T> => {
    const run = tail.then(task, task);
    // A failed task must not stop the ones queued behind it.
    tail = run.catch(() => undefined);
    return run;
  };
}
