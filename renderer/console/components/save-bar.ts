/**
 * The save bar of an editor: the Save button and what the last save did — saved, refused (with
 * the findings listed and linked to their fields), overtaken by another save (reload or
 * overwrite, the edit kept on screen meanwhile), disk full — and the "changed on disk" notice.
 */
import type { Diagnostic } from '../api/types.js';
import type { JsonFile } from '../files/use-json-file.js';
import { html } from '../html.js';
import { t } from '../i18n/translate.js';
import { fieldId, isAbout } from '../logic/diagnostic-places.js';
import { askConfirm } from './confirm.js';
import type { Form } from './field.js';

function focusField(id: string): void {
  const element = document.getElementById(id);
  element?.scrollIntoView({ block: 'center' });
  element?.focus();
}

function Finding({ d, form, linked }: { d: Diagnostic; form: Form; linked: string | null }) {
  return html`<li class=${d.severity}>
    <span class="where">${d.file}:${d.line}:${d.col}</span> ${d.message}
    ${linked !== null
      ? html` <button type="button" class="link" onClick=${() => focusField(fieldId(form.path, linked))}>${t('save.goToField')}</button>`
      : null}
  </li>`;
}

export function DiskNotice({ file }: { file: JsonFile<unknown> }) {
  if (!file.changedOnDisk) return null;
  const reload = async (): Promise<void> => {
    if (file.dirty && !(await askConfirm(t('save.reloadConfirm'), { danger: true }))) return;
    await file.reload();
  };
  return html`<div class="notice warn" role="status" data-testid="disk-changed">
    <span>${t('disk.changed')}</span>
    <button type="button" class="secondary" onClick=${reload} data-testid="disk-reload">${t('disk.reload')}</button>
  </div>`;
}

export function SaveBar({ file, form }: { file: JsonFile<unknown>; form: Form }) {
  const { save } = file;
  const reload = async (): Promise<void> => {
    if (await askConfirm(t('save.reloadConfirm'), { danger: true })) await file.reload();
  };
  const overwrite = async (): Promise<void> => {
    if (save.kind === 'conflict' && (await askConfirm(t('save.overwriteConfirm'), { danger: true }))) await file.saveNow(save.version);
  };
  const linkOf = (d: Diagnostic): string | null => {
    for (const [pointer, list] of form.placed.at) if (list.includes(d)) return pointer;
    return null;
  };
  // Warnings about other files (a calendar running out of preset holidays) are not this save's business.
  const errors = file.diagnostics.filter((d) => d.severity === 'error');
  const shown = file.diagnostics.filter((d) => d.severity === 'error' || isAbout(d, file.path));
  let status: string;
  if (save.kind === 'saving') status = t('save.saving');
  else if (save.kind === 'saved' && !file.dirty) status = t('save.saved');
  else if (file.load === 'missing') status = t('save.newFile');
  else status = file.dirty ? t('save.unsaved') : t('save.clean');
  return html`<div class="save-area">
    <${DiskNotice} file=${file} />
    ${file.restored ? html`<p class="notice warn" role="status" data-testid="draft-restored">${t('save.restored')}</p>` : null}
    ${save.kind === 'conflict'
      ? html`<div class="notice error" role="alert" data-testid="save-conflict">
          <p>${t('save.conflict')}</p>
          <div class="actions">
            <button type="button" class="secondary" onClick=${reload} data-testid="conflict-reload">${t('save.reload')}</button>
            <button type="button" class="secondary" onClick=${overwrite} data-testid="conflict-overwrite">${t('save.overwrite')}</button>
          </div>
        </div>`
      : null}
    ${save.kind === 'disk-full' ? html`<div class="notice error" role="alert" data-testid="save-error"><p>${t('save.diskFull')}</p><p class="detail">${save.error}</p></div>` : null}
    ${save.kind === 'failed' ? html`<div class="notice error" role="alert" data-testid="save-error">${t('save.failed', { status: save.status || '—', error: save.error })}</div>` : null}
    ${save.kind === 'invalid'
      ? html`<div class="notice error" role="alert" data-testid="save-summary">
          <p>${errors.length > 0 ? t('save.invalid', { count: errors.length }) : t('save.invalidNoDetail', { error: save.error })}</p>
          <ul class="findings">
            ${shown.map((d) => html`<${Finding} d=${d} form=${form} linked=${linkOf(d)} />`)}
          </ul>
        </div>`
      : null}
    <div class="save-bar">
      <span class="save-status" role="status" data-testid="save-status">${status}</span>
      <button type="button" class="primary" disabled=${save.kind === 'saving' || file.draft === null} onClick=${() => void file.saveNow()} data-testid="save-button">
        ${save.kind === 'saving' ? t('save.saving') : t('save.save')}
      </button>
    </div>
  </div>`;
}
