/**
 * One background check of the playlist folder (GET /admin/api/files every 10 s) shared by every
 * open editor, so a hand edit or another manager's save shows up as "changed on disk".
 */
import { api } from '../api/client.js';
import type { FileInfo } from '../api/types.js';

export const WATCH_MS = 10_000;

type Listener = (versions: ReadonlyMap<string, string>) => void;

const listeners = new Set<Listener>();
let timer: ReturnType<typeof setInterval> | null = null;

async function check(): Promise<void> {
  const answer = await api<{ files: FileInfo[] }>('GET', 'files');
  // A failed check says nothing about the files: no notice rather than a false one.
  if (!answer.ok || !Array.isArray(answer.data.files)) return;
  const versions = new Map(answer.data.files.map((f) => [f.path, f.version]));
  for (const listener of listeners) listener(versions);
}

export function watchFiles(listener: Listener): () => void {
  listeners.add(listener);
  timer ??= setInterval(() => void check(), WATCH_MS);
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0 && timer !== null) {
      clearInterval(timer);
      timer = null;
    }
  };
}
