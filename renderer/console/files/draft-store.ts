/**
 * Unsaved edits kept in the tab's sessionStorage, so a 401 (sign in, come back), a reload or a
 * wander to another page does not lose them: the editor offers the draft again on its base version
 * (a save then meets the 409 if the file moved on meanwhile). Closing the tab asks first.
 */
export interface StoredDraft<T> {
  draft: T;
  version: string | null;
}

const PREFIX = 'hallcast.admin.draft:';
const dirty = new Set<string>();
let guarded = false;

function storage(): Storage | null {
  try {
    return globalThis.sessionStorage ?? null;
  } catch {
    return null;
  }
}

export function keepDraft<T>(path: string, value: StoredDraft<T> | null): void {
  const store = storage();
  if (value === null) {
    dirty.delete(path);
    store?.removeItem(PREFIX + path);
    return;
  }
  dirty.add(path);
  try {
    store?.setItem(PREFIX + path, JSON.stringify(value));
  } catch {
    // storage full or refused: the draft lives on screen only
  }
  if (!guarded && typeof window !== 'undefined') {
    guarded = true;
    window.addEventListener('beforeunload', (event) => {
      if (dirty.size > 0) event.preventDefault();
    });
  }
}

export function storedDraft<T>(path: string): StoredDraft<T> | null {
  const text = storage()?.getItem(PREFIX + path);
  if (!text) return null;
  try {
    const value = JSON.parse(text) as StoredDraft<T>;
    return value && typeof value === 'object' && 'draft' in value ? value : null;
  } catch {
    return null;
  }
}
