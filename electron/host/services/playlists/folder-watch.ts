/**
 * Tells the playlist store when to look at its folder again: after each burst of changes fs.watch
 * reports (debounced), and every 30 s whatever it reports, since fs.watch can miss events (network
 * folders, some editors). What counts as a change is the store's decision (folder-signature.ts).
 */
import { watch, type FSWatcher } from 'node:fs';
import type { Log, Timers } from '../../ports.js';

/** How often the folder is compared even without an event. */
export const RECHECK_MS = 30_000;

export interface FolderWatchOptions {
  dir: string;
  timers: Timers;
  log: Log;
  /** Use fs.watch too (false: only the 30-s recheck). */
  watch: boolean;
  debounceMs: number;
  /** fs.watch saw something happen in the folder. */
  onEvent(): void;
  /** The 30-s recheck. */
  onRecheck(): void;
}

/** Starts watching; returns the function that stops it. */
export function watchFolder(options: FolderWatchOptions): () => void {
  let watcher: FSWatcher | null = null;
  let cancelPending: (() => void) | null = null;
  if (options.watch) {
    watcher = watch(options.dir, { recursive: true }, () => {
      // Editors write in bursts (temp file, rename, chmod): look once they are done.
      cancelPending?.();
      cancelPending = options.timers.after(options.debounceMs, () => {
        cancelPending = null;
        options.onEvent();
      });
    });
    watcher.on('error', (error) => options.log.warn('playlist folder watch failed', { error: String(error) }));
  }
  const cancelRecheck = options.timers.every(RECHECK_MS, () => options.onRecheck());
  return () => {
    watcher?.close();
    watcher = null;
    cancelPending?.();
    cancelPending = null;
    cancelRecheck();
  };
}
