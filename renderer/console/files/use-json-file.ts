/**
 * An open playlist file: its content as last read, the user's draft, and the version the draft is
 * based on. Saving sends the draft with that version; afterwards the file is read again (the
 * hand-edit round trip: what is on disk is what the form shows). A refused save keeps the draft.
 */
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { encodePath } from '../api/answer.js';
import { api } from '../api/client.js';
import type { Diagnostic, FileAnswer, SaveAnswer } from '../api/types.js';
import { changedOnDisk, saveOutcome, type SaveState } from '../logic/save-outcome.js';
import { keepDraft, storedDraft } from './draft-store.js';
import { watchFiles } from './file-watch.js';

export type LoadState = 'loading' | 'ready' | 'missing' | 'error';

export interface JsonFile<T> {
  path: string;
  load: LoadState;
  loadError: string | null;
  draft: T | null;
  /** The version the draft is based on; null for a file not on disk yet. */
  version: string | null;
  dirty: boolean;
  save: SaveState;
  /** The findings of the last refused save (empty after a good one). */
  diagnostics: Diagnostic[];
  changedOnDisk: boolean;
  /** The draft on screen is an unsaved edit from before (a sign-in, a reload, another page). */
  restored: boolean;
  edit(update: (draft: T) => T): void;
  /** Saves the draft; with `over`, on top of that version (after a conflict, by the user's choice). */
  saveNow(over?: string | null): Promise<boolean>;
  reload(): Promise<void>;
  clearDiagnostics(): void;
}

export function useJsonFile<T>(path: string, fresh: (() => T) | null = null): JsonFile<T> {
  const [load, setLoad] = useState<LoadState>('loading');
  const [loadError, setLoadError] = useState<string | null>(null);
  const [draft, setDraft] = useState<T | null>(null);
  const [loadedText, setLoadedText] = useState<string>('');
  const [version, setVersion] = useState<string | null>(null);
  const [save, setSave] = useState<SaveState>({ kind: 'idle' });
  const [diagnostics, setDiagnostics] = useState<Diagnostic[]>([]);
  const [diskChanged, setDiskChanged] = useState(false);
  const [restored, setRestored] = useState(false);
  const state = useRef({ version: null as string | null, isNew: false, saving: false, draft: null as T | null });
  state.current.draft = draft;

  /** `restore`: offer an unsaved draft of this file kept from before, on the version it was based on. */
  const read = useCallback(async (restore = false): Promise<void> => {
    setLoad((l) => (l === 'ready' ? l : 'loading'));
    if (!restore) keepDraft(path, null);
    const kept = restore ? storedDraft<T>(path) : null;
    const answer = await api<FileAnswer<T>>('GET', `files/${encodePath(path)}`);
    if (answer.ok) {
      const base = kept ? kept.version : answer.data.version;
      state.current = { ...state.current, version: base, isNew: false };
      setVersion(base);
      setDraft(kept ? kept.draft : answer.data.content);
      setLoadedText(JSON.stringify(answer.data.content));
      setRestored(kept !== null);
      setLoad('ready');
      setLoadError(null);
    } else if (answer.status === 404 && fresh) {
      const content = kept ? kept.draft : fresh();
      state.current = { ...state.current, version: null, isNew: true };
      setVersion(null);
      setDraft(content);
      setLoadedText('');
      setRestored(kept !== null);
      setLoad('missing');
    } else {
      setLoad('error');
      setLoadError(answer.error);
    }
    setDiskChanged(false);
    // `fresh` is the caller's template for a new file; it never changes what an existing path reads.
  }, [path]);

  useEffect(() => {
    setSave({ kind: 'idle' });
    setDiagnostics([]);
    void read(true);
  }, [read]);

  useEffect(
    () =>
      watchFiles((versions) => {
        const s = state.current;
        if (s.saving) return;
        setDiskChanged(changedOnDisk(s.version, versions.get(path), s.isNew));
      }),
    [path],
  );

  const saveNow = useCallback(
    async (over?: string | null): Promise<boolean> => {
      const s = state.current;
      if (s.draft === null || s.saving) return false;
      s.saving = true;
      setSave({ kind: 'saving' });
      const baseVersion = over !== undefined ? over : s.version;
      const answer = await api<SaveAnswer>('PUT', `files/${encodePath(path)}`, { content: s.draft, baseVersion });
      const outcome = saveOutcome(answer);
      s.saving = false;
      setSave(outcome);
      if (outcome.kind === 'invalid') setDiagnostics(outcome.diagnostics);
      if (outcome.kind !== 'saved') return false;
      setDiagnostics([]);
      state.current = { ...state.current, version: outcome.version, isNew: false };
      setVersion(outcome.version);
      await read();
      return true;
    },
    [path, read],
  );

  const edit = useCallback((update: (d: T) => T) => setDraft((d) => (d === null ? d : update(d))), []);
  const dirty = draft !== null && JSON.stringify(draft) !== loadedText;
  useEffect(() => {
    if (load === 'loading' || load === 'error') return;
    keepDraft(path, dirty && draft !== null ? { draft, version } : null);
  }, [path, draft, dirty, version, load]);

  return {
    path,
    load,
    loadError,
    draft,
    version,
    dirty,
    save,
    diagnostics,
    changedOnDisk: diskChanged,
    restored: restored && dirty,
    edit,
    saveNow,
    reload: () => read(false),
    clearDiagnostics: () => setDiagnostics([]),
  };
}
