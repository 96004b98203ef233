/**
 * Puts the validator's findings next to the form fields they are about. A finding names its value
 * by JSON Pointer (`/items/2/duration`); an editor lists the pointers it has a field for, and a
 * finding deeper than any field (`/items/2/title/fr`) goes to the nearest field above it (the item
 * card). Findings for other files, or without a pointer, are only in the summary.
 */
import type { Diagnostic } from '../api/types.js';

/** JSON Pointer of a path: ['items', 2, 'duration'] → "/items/2/duration" (RFC 6901 escapes). */
export function pointerOf(path: readonly (string | number)[]): string {
  return path.map((part) => '/' + String(part).replace(/~/g, '~0').replace(/\//g, '~1')).join('');
}

export function pointerParts(pointer: string): string[] {
  if (pointer === '') return [];
  return pointer
    .slice(1)
    .split('/')
    .map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'));
}

/** The validator may name files from the hall's folder ("playlists/schedule.json"); a path matches its tail. */
export function isAbout(diagnostic: Diagnostic, path: string): boolean {
  const file = diagnostic.file.replace(/\\/g, '/');
  return file === path || file.endsWith('/' + path);
}

export interface Placed {
  /** Field pointer → the findings shown at it. */
  at: Map<string, Diagnostic[]>;
  /** Findings of this file that no field took (shown in the summary with line and column). */
  unplaced: Diagnostic[];
  /** Findings about other files (a schedule still naming a deleted programme …). */
  elsewhere: Diagnostic[];
}

export function placeDiagnostics(diagnostics: readonly Diagnostic[], path: string, fields: Iterable<string>): Placed {
  const known = new Set(fields);
  const placed: Placed = { at: new Map(), unplaced: [], elsewhere: [] };
  for (const diagnostic of diagnostics) {
    if (!isAbout(diagnostic, path)) {
      placed.elsewhere.push(diagnostic);
      continue;
    }
    const field = diagnostic.pointer === undefined ? null : nearestField(diagnostic.pointer, known);
    if (field === null) {
      placed.unplaced.push(diagnostic);
      continue;
    }
    const list = placed.at.get(field) ?? [];
    list.push(diagnostic);
    placed.at.set(field, list);
  }
  return placed;
}

/** The pointer itself if it has a field, else its closest ancestor that has one; null if none. */
export function nearestField(pointer: string, known: ReadonlySet<string>): string | null {
  const parts = pointerParts(pointer);
  for (let length = parts.length; length >= 0; length--) {
    const candidate = pointerOf(parts.slice(0, length));
    if (known.has(candidate)) return candidate;
  }
  return null;
}

/** A DOM id for the field at a pointer, so the summary can link to it. */
export function fieldId(path: string, pointer: string): string {
  return `f-${path}${pointer}`.replace(/[^A-Za-z0-9_-]/g, (ch) => (ch === '/' ? '_' : ch === '.' ? '-' : `x${ch.charCodeAt(0).toString(16)}`));
}
