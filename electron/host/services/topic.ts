/**
 * Listeners of one kind of news — a new board, a call, a new display state — so the part that
 * knows the moment tells whoever listens, and each listener can stop listening.
 */
export interface Topic<T> {
  /** Returns the function that unsubscribes. */
  subscribe(listener: (value: T) => void): () => void;
  publish(value: T): void;
}

export function topic<T>(): Topic<T> {
  const listeners = new Set<(value: T) => void>();
  return {
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    publish(value) {
      for (const listener of listeners) listener(value);
    },
  };
}
