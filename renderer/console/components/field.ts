/**
 * A labelled form field with the validator's findings for its JSON Pointer shown under it. The
 * input itself is the caller's; `fieldAttrs` gives it the id, aria-invalid and aria-describedby
 * that tie it to its label and errors.
 */
import type { ComponentChildren } from 'preact';
import type { Diagnostic } from '../api/types.js';
import { html } from '../html.js';
import { fieldId, type Placed } from '../logic/diagnostic-places.js';

/** Where an editor's fields are: the file they edit and the last refused save's findings, placed. */
export interface Form {
  path: string;
  placed: Placed;
}

export function errorsAt(form: Form, pointer: string): Diagnostic[] {
  return form.placed.at.get(pointer) ?? [];
}

export function fieldAttrs(form: Form, pointer: string): Record<string, string> {
  const id = fieldId(form.path, pointer);
  const invalid = errorsAt(form, pointer).length > 0;
  return invalid ? { id, 'aria-invalid': 'true', 'aria-describedby': `${id}-err` } : { id };
}

export function FieldErrors({ form, pointer }: { form: Form; pointer: string }) {
  const errors = errorsAt(form, pointer);
  if (errors.length === 0) return null;
  return html`<ul class="field-errors" id=${`${fieldId(form.path, pointer)}-err`} data-testid=${`field-error-${pointer}`}>
    ${errors.map((d) => html`<li class=${d.severity}>${d.message}</li>`)}
  </ul>`;
}

export function Field(props: { form: Form; pointer: string; label: string; hint?: string; wide?: boolean; children: ComponentChildren }) {
  const { form, pointer, label, hint, wide, children } = props;
  const invalid = errorsAt(form, pointer).length > 0;
  return html`<div class=${`field${wide ? ' wide' : ''}${invalid ? ' invalid' : ''}`}>
    <label for=${fieldId(form.path, pointer)}>${label}</label>
    ${children}
    ${hint ? html`<p class="hint">${hint}</p>` : null}
    <${FieldErrors} form=${form} pointer=${pointer} />
  </div>`;
}

/** A number input's value, or undefined when empty (so the key is left out of the file). */
export function numberOrUndefined(value: string): number | undefined {
  if (value.trim() === '') return undefined;
  const n = Number(value);
  return Number.isFinite(n) ? n : undefined;
}

/** Sets or removes one key, keeping the others (and their order) as they were. */
export function withKey<T extends object, K extends keyof T>(object: T, key: K, value: T[K] | undefined): T {
  if (value !== undefined && value !== '') return { ...object, [key]: value };
  return Object.fromEntries(Object.entries(object).filter(([k]) => k !== key)) as T;
}
