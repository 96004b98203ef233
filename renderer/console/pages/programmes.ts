/**
 * Programmes: every programme with its title, item count and the schedule entries that use it;
 * create (the id is the file name), rename (zh-CN/en title), delete (the server's 409/422 shown).
 */
import { useEffect, useState } from 'preact/hooks';
import { encodePath } from '../api/answer.js';
import { api } from '../api/client.js';
import type { Programme, Schedule } from '../api/playlist-types.js';
import type { FileAnswer, FileInfo, Localized } from '../api/types.js';
import { go, programmeHref } from '../navigation/route.js';
import { askConfirm } from '../components/confirm.js';
import { startNewProgramme } from '../editors/new-programme.js';
import type { Message } from '../components/message.js';
import { html } from '../html.js';
import { pickText, t } from '../i18n/translate.js';
import { diagnosticsOf } from '../logic/save-outcome.js';
import { programmeIdOf, programmeIdProblem, programmePath } from '../logic/programme-id.js';

interface Row {
  id: string;
  version: string;
  content: Programme | null;
}

function failureText(error: string, body: Record<string, unknown>): string {
  const findings = diagnosticsOf(body).map((d) => `${d.file}:${d.line}: ${d.message}`);
  return [error, ...findings].join('\n');
}

async function loadRows(): Promise<{ rows: Row[]; schedule: Schedule | null } | string> {
  const files = await api<{ files: FileInfo[] }>('GET', 'files');
  if (!files.ok) return files.error;
  const programmeFiles = files.data.files.filter((f) => programmeIdOf(f.path) !== null);
  const [schedule, ...contents] = await Promise.all([
    api<FileAnswer<Schedule>>('GET', 'files/schedule.json'),
    ...programmeFiles.map((f) => api<FileAnswer<Programme>>('GET', `files/${encodePath(f.path)}`)),
  ]);
  const rows = programmeFiles.map((f, i) => {
    const answer = contents[i]!;
    return { id: programmeIdOf(f.path)!, version: answer.ok ? answer.data.version : f.version, content: answer.ok ? answer.data.content : null };
  });
  rows.sort((a, b) => a.id.localeCompare(b.id));
  return { rows, schedule: schedule.ok ? schedule.data.content : null };
}

function NewProgramme({ taken }: { taken: string[] }) {
  const [id, setId] = useState('');
  const [zh, setZh] = useState('');
  const [en, setEn] = useState('');
  const [tried, setTried] = useState(false);
  const idProblem = programmeIdProblem(id, taken);
  const titleProblem = zh.trim() === '';
  const create = (e: Event): void => {
    e.preventDefault();
    setTried(true);
    if (idProblem || titleProblem) return;
    startNewProgramme(id, en.trim() ? { 'zh-CN': zh.trim(), en: en.trim() } : { 'zh-CN': zh.trim() });
    go(programmeHref(id));
  };
  return html`<form class="card new-programme" onSubmit=${create} aria-labelledby="new-prog" data-testid="programme-new">
    <h2 id="new-prog">${t('programmes.new')}</h2>
    <div class="row">
      <div class=${`field${tried && idProblem ? ' invalid' : ''}`}>
        <label for="new-id">${t('programmes.newId')}</label>
        <input id="new-id" class="mono" autocomplete="off" autocapitalize="none" spellcheck=${false} value=${id} aria-describedby="new-id-hint"
          aria-invalid=${tried && idProblem ? 'true' : undefined} onInput=${(e: Event) => setId((e.currentTarget as HTMLInputElement).value.trim())} data-testid="programme-new-id" />
        <p class="hint" id="new-id-hint">${t('programmes.newIdHint')}</p>
        ${tried && idProblem ? html`<ul class="field-errors" data-testid="programme-new-error"><li class="error">${t(`programmes.id.${idProblem}`)}</li></ul>` : null}
      </div>
      <div class=${`field${tried && titleProblem ? ' invalid' : ''}`}>
        <label for="new-zh">${t('programmes.newTitle')} · ${t('text.zh')}</label>
        <input id="new-zh" lang="zh-CN" value=${zh} onInput=${(e: Event) => setZh((e.currentTarget as HTMLInputElement).value)} data-testid="programme-new-title-zh" />
        ${tried && titleProblem ? html`<ul class="field-errors"><li class="error">${t('programmes.title.empty')}</li></ul>` : null}
      </div>
      <div class="field">
        <label for="new-en">${t('programmes.newTitle')} · ${t('text.en')} ${t('common.optional')}</label>
        <input id="new-en" lang="en" value=${en} onInput=${(e: Event) => setEn((e.currentTarget as HTMLInputElement).value)} data-testid="programme-new-title-en" />
      </div>
    </div>
    <button type="submit" class="primary" data-testid="programme-new-create">${t('programmes.create')}</button>
  </form>`;
}

function Rename({ row, onDone }: { row: Row; onDone(message: string | null): void }) {
  const [title, setTitle] = useState<Localized>(row.content?.title ?? { 'zh-CN': row.id });
  const [busy, setBusy] = useState(false);
  const save = async (e: Event): Promise<void> => {
    e.preventDefault();
    if (!row.content) return;
    setBusy(true);
    const content = { ...row.content, title: title.en ? title : { 'zh-CN': title['zh-CN'] } };
    const answer = await api('PUT', `files/${encodePath(programmePath(row.id))}`, { content, baseVersion: row.version });
    setBusy(false);
    onDone(answer.ok ? null : t('programmes.renameFailed', { error: failureText(answer.error, answer.body) }));
  };
  return html`<form class="rename" onSubmit=${save} data-testid=${`programme-rename-form-${row.id}`}>
    <input aria-label=${`${t('programmes.newTitle')} · ${t('text.zh')}`} lang="zh-CN" required value=${title['zh-CN']}
      onInput=${(e: Event) => setTitle({ ...title, 'zh-CN': (e.currentTarget as HTMLInputElement).value })} data-testid="rename-zh" />
    <input aria-label=${`${t('programmes.newTitle')} · ${t('text.en')}`} lang="en" value=${title.en ?? ''}
      onInput=${(e: Event) => setTitle({ ...title, en: (e.currentTarget as HTMLInputElement).value })} data-testid="rename-en" />
    <button type="submit" class="primary" disabled=${busy} data-testid="rename-save">${t('programmes.renameSave')}</button>
    <button type="button" class="secondary" onClick=${() => onDone(null)}>${t('common.cancel')}</button>
  </form>`;
}

export function ProgrammesPage() {
  const [data, setData] = useState<{ rows: Row[]; schedule: Schedule | null } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [renaming, setRenaming] = useState<string | null>(null);
  const [message, setMessage] = useState<Message | null>(null);

  const refresh = async (): Promise<void> => {
    const loaded = await loadRows();
    if (typeof loaded === 'string') setError(loaded);
    else {
      setData(loaded);
      setError(null);
    }
  };
  useEffect(() => void refresh(), []);

  const remove = async (row: Row): Promise<void> => {
    const title = pickText(row.content?.title) || row.id;
    if (!(await askConfirm(t('programmes.deleteConfirm', { title, id: row.id }), { danger: true, ok: t('common.delete') }))) return;
    const answer = await api('DELETE', `files/${encodePath(programmePath(row.id))}`, { baseVersion: row.version });
    setMessage(answer.ok ? { text: () => t('programmes.deleted', { id: row.id }), bad: false } : { text: () => t('programmes.deleteFailed', { id: row.id, error: failureText(answer.error, answer.body) }), bad: true });
    await refresh();
  };

  const schedule = data?.schedule;
  const usedBy = (id: string): string[] => [...(schedule?.default === id ? [t('programmes.default')] : []), ...(schedule?.entries ?? []).filter((e) => e.programme === id).map((e) => e.id)];

  return html`<div class="page" data-testid="programmes-page">
    <div class="page-head"><h1>${t('programmes.title')}</h1><p class="hint">${t('programmes.intro')}</p></div>
    ${message ? html`<pre class=${`notice ${message.bad ? 'error' : 'ok'}`} role=${message.bad ? 'alert' : 'status'} data-testid="programme-message">${message.text()}</pre>` : null}
    ${error ? html`<p class="notice error" role="alert">${t('common.loadFailed', { error })} <button type="button" class="secondary" onClick=${refresh}>${t('common.retry')}</button></p>` : null}
    ${data === null && !error ? html`<p class="loading" role="status">${t('common.loading')}</p>` : null}
    ${data
      ? html`<ul class="cards programme-list" data-testid="programme-list">
          ${data.rows.length === 0 ? html`<li class="hint">${t('programmes.empty')}</li>` : null}
          ${data.rows.map((row) => {
            const used = usedBy(row.id);
            return html`<li class="card programme-row" data-testid=${`programme-row-${row.id}`}>
              <div class="row-main">
                <a class="title" href=${programmeHref(row.id)} data-testid=${`programme-edit-${row.id}`}>
                  <strong lang="zh-CN">${row.content?.title['zh-CN'] ?? row.id}</strong>
                  ${row.content?.title.en ? html` <span lang="en" class="hint">${row.content.title.en}</span>` : null}
                </a>
                <span class="mono hint">${row.id}</span>
                <span class="hint">${t('programmes.items', { count: row.content?.items.length ?? 0 })}</span>
                ${used.length > 0 ? html`<span class="hint">${t('programmes.usedBy', { entries: used.join(', ') })}</span>` : html`<span class="badge muted">${t('programmes.unused')}</span>`}
              </div>
              ${renaming === row.id
                ? html`<${Rename} row=${row} onDone=${(failure: string | null) => {
                    setRenaming(null);
                    if (failure) setMessage({ text: () => failure, bad: true });
                    void refresh();
                  }} />`
                : html`<div class="actions">
                    <a class="button secondary" href=${programmeHref(row.id)}>${t('common.edit')}</a>
                    <button type="button" class="secondary" onClick=${() => setRenaming(row.id)} data-testid=${`programme-rename-${row.id}`}>${t('programmes.rename')}</button>
                    <button type="button" class="danger-outline" onClick=${() => remove(row)} data-testid=${`programme-delete-${row.id}`}>${t('common.delete')}</button>
                  </div>`}
            </li>`;
          })}
        </ul>`
      : null}
    <${NewProgramme} taken=${data?.rows.map((r) => r.id) ?? []} />
  </div>`;
}
