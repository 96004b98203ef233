/**
 * What a save's answer means for the editor (PUT /admin/api/files/PATH): saved, refused with
 * findings, overtaken by another save, disk full, or failed on the way. The user's edit is kept
 * in every case but "saved".
 */
import type { ApiResult } from '../api/answer.js';
import type { Diagnostic, SaveAnswer } from '../api/types.js';

export type SaveState =
  | { kind: 'idle' }
  | { kind: 'saving' }
  | { kind: 'saved'; version: string }
  | { kind: 'invalid'; error: string; diagnostics: Diagnostic[] }
  | { kind: 'conflict'; error: string; version: string | null }
  | { kind: 'disk-full'; error: string }
  | { kind: 'failed'; status: number; error: string };

export function saveOutcome(result: ApiResult<SaveAnswer>): SaveState {
  if (result.ok) return { kind: 'saved', version: result.data.version };
  const { status, error, body } = result;
  if (status === 422) return { kind: 'invalid', error, diagnostics: diagnosticsOf(body) };
  if (status === 409) return { kind: 'conflict', error, version: typeof body.version === 'string' ? body.version : null };
  if (status === 507) return { kind: 'disk-full', error };
  return { kind: 'failed', status, error };
}

/** A 422's findings, tolerant of a body that carries none (then the error alone is shown). */
export function diagnosticsOf(body: Record<string, unknown>): Diagnostic[] {
  const list = body.diagnostics;
  if (!Array.isArray(list)) return [];
  return list.filter((d): d is Diagnostic => d !== null && typeof d === 'object' && typeof (d as Diagnostic).message === 'string');
}

/** A version the background check found that the open editor did not load or write. */
export function changedOnDisk(openVersion: string | null, diskVersion: string | null | undefined, isNew: boolean): boolean {
  if (isNew) return diskVersion !== undefined && diskVersion !== null;
  return diskVersion !== openVersion;
}
