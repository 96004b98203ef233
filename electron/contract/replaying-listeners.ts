/**
 * The listeners of one kind of message from the host, as both bridges keep them (the Electron
 * preload and the display's WebSocket bridge). With a replay, a listener added after the host spoke
 * still starts from the latest value; one listener that throws is logged, and the others still
 * hear the value.
 */
export interface Listeners<T> {
  /** Calls `listener` with every value from now on (first the latest, when replaying); returns the unsubscribe function. */
  add(listener: (value: T) => void): () => void;
  emit(value: T): void;
}

/**
 * `who`: names the listener in the log ("a state listener"). `replay`: the latest value as a late
 * listener gets it, given when it arrived; null: no replay (a past announcement must not be spoken
 * again). A latest value of null (no queue data) is nothing to catch up on.
 */
export function replayingListeners<T>(who: string, replay: ((latest: T, receivedAt: number) => T) | null, now: () => number = Date.now): Listeners<T> {
  const listeners = new Set<(value: T) => void>();
  let latest: { value: T; at: number } | null = null;
  const call = (listener: (value: T) => void, value: T): void => {
    try {
      listener(value);
    } catch (error) {
      // One broken subscriber must not keep the value from the others.
      console.error(`hallcast: ${who} threw`, error);
    }
  };
  return {
    add(listener) {
      listeners.add(listener);
      if (replay && latest && latest.value !== null) call(listener, replay(latest.value, latest.at));
      return () => {
        listeners.delete(listener);
      };
    },
    emit(value) {
      if (replay) latest = { value, at: now() };
      for (const listener of listeners) call(listener, value);
    },
  };
}
