/**
 * The media library: upload (file picker or drop, progress per file), every file with its
 * thumbnail, kind, size, length, resolution and the programmes using it; unused ones marked;
 * delete (a 409 names the programmes still using it).
 */
import { useEffect, useState } from 'preact/hooks';
import { encodePath, type ApiResult } from '../api/answer.js';
import { api } from '../api/client.js';
import type { MediaItem, MediaList } from '../api/types.js';
import { uploadMedia } from '../api/upload.js';
import { programmeHref } from '../navigation/route.js';
import { askConfirm } from '../components/confirm.js';
import { MediaThumb } from '../components/media-thumb.js';
import type { Message } from '../components/message.js';
import { html } from '../html.js';
import { t } from '../i18n/translate.js';
import { formatBytes, formatSeconds } from '../logic/format-size.js';
import { latestOnly } from '../logic/latest-only.js';

interface UploadRow {
  id: number;
  name: string;
  sent: number;
  total: number;
  state: 'sending' | 'done' | 'failed';
  message: string;
  cancel(): void;
}

let uploadCount = 0;

function uploadMessage(status: number, error: string): string {
  if (status === 413) return t('media.tooLarge', { error });
  if (status === 415) return t('media.badType', { error });
  return t('media.uploadFailed', { status: status || '—', error });
}

function Uploader({ onUploaded }: { onUploaded(): void }) {
  const [rows, setRows] = useState<UploadRow[]>([]);
  const [over, setOver] = useState(false);
  const update = (id: number, change: Partial<UploadRow>): void => setRows((list) => list.map((r) => (r.id === id ? { ...r, ...change } : r)));

  const start = (files: Iterable<File>): void => {
    for (const file of files) {
      const id = ++uploadCount;
      const upload = uploadMedia(file, (sent, total) => update(id, { sent, total }));
      setRows((list) => [{ id, name: file.name, sent: 0, total: file.size, state: 'sending', message: '', cancel: upload.cancel }, ...list]);
      void upload.done.then((answer) => {
        if (answer.ok) update(id, { state: 'done', sent: file.size, message: t('media.uploaded', { path: answer.data.path }) });
        else update(id, { state: 'failed', message: uploadMessage(answer.status, answer.error) });
        onUploaded();
      });
    }
  };
  const drop = (e: DragEvent): void => {
    e.preventDefault();
    setOver(false);
    if (e.dataTransfer?.files.length) start(e.dataTransfer.files);
  };
  return html`<section class="card" aria-labelledby="upload-title">
    <h2 id="upload-title">${t('media.upload')}</h2>
    <div class=${`drop${over ? ' over' : ''}`} onDragOver=${(e: DragEvent) => { e.preventDefault(); setOver(true); }} onDragLeave=${() => setOver(false)} onDrop=${drop} data-testid="media-drop">
      <label class="button primary file-button">
        ${t('media.choose')}
        <input type="file" multiple accept="video/mp4,video/webm,image/png,image/jpeg,image/webp,image/gif,image/avif,.mp4,.webm,.png,.jpg,.jpeg,.webp,.gif,.avif"
          class="sr-only" onChange=${(e: Event) => { const input = e.currentTarget as HTMLInputElement; if (input.files) start([...input.files]); input.value = ''; }} data-testid="media-upload-input" />
      </label>
      <span class="hint">${over ? t('media.dropActive') : t('media.drop')}</span>
    </div>
    <ul class="uploads" data-testid="uploads">
      ${rows.map((r) => {
        const percent = r.total > 0 ? Math.round((r.sent / r.total) * 100) : 0;
        return html`<li class=${`upload ${r.state}`} data-testid="upload-row" data-state=${r.state} data-name=${r.name}>
          <span class="upload-name">${r.name}</span>
          ${r.state === 'sending'
            ? html`<progress max="100" value=${percent} aria-label=${`${r.name}: ${t('media.uploading', { percent })}`} data-testid="upload-progress"></progress>
                <span class="hint">${t('media.uploading', { percent })}</span>
                <button type="button" class="secondary small" onClick=${r.cancel}>${t('media.cancel')}</button>`
            : html`<span class=${r.state === 'failed' ? 'bad' : 'good'} role=${r.state === 'failed' ? 'alert' : 'status'} data-testid=${r.state === 'failed' ? 'upload-error' : 'upload-done'}>${r.message}</span>`}
        </li>`;
      })}
    </ul>
  </section>`;
}

function MediaCard({ item, unused, onDelete }: { item: MediaItem; unused: boolean; onDelete(): void }) {
  return html`<li class=${`card media-card${unused ? ' unused' : ''}`} data-testid=${`media-item-${item.path}`} data-path=${item.path}>
    <${MediaThumb} path=${item.path} kind=${item.kind} />
    <div class="media-text">
      <strong class="media-name">${item.name}</strong>
      <span class="mono hint">${item.path}</span>
      <dl class="mini">
        <dt>${t('media.kind')}</dt><dd>${t(`editor.kind.${item.kind}`)}</dd>
        <dt>${t('media.size')}</dt><dd>${formatBytes(item.bytes)}</dd>
        ${item.durationSeconds !== null ? html`<dt>${t('media.duration')}</dt><dd>${formatSeconds(item.durationSeconds)}</dd>` : null}
        ${item.width !== null && item.height !== null ? html`<dt>${t('media.resolution')}</dt><dd>${item.width}×${item.height}</dd>` : null}
      </dl>
      <p class="used">
        ${unused
          ? html`<span class="badge warn" data-testid="media-unused">${t('media.unused')}</span>`
          : html`${t('media.usedBy')}: ${item.usedBy.map((id, i) => html`${i > 0 ? ', ' : ''}<a href=${programmeHref(id)}>${id}</a>`)}`}
      </p>
    </div>
    <button type="button" class="danger-outline small" onClick=${onDelete} aria-label=${`${t('common.delete')} ${item.name}`} data-testid=${`media-delete-${item.path}`}>${t('common.delete')}</button>
  </li>`;
}

export function MediaPage() {
  const [list, setList] = useState<MediaList | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [message, setMessage] = useState<Message | null>(null);
  const [filter, setFilter] = useState('');
  const [onlyUnused, setOnlyUnused] = useState(false);

  // Uploads finishing together each refresh; an older listing answering last must not win.
  const [latest] = useState(() => latestOnly<ApiResult<MediaList>>());
  const refresh = async (): Promise<void> => {
    const answer = await latest(api<MediaList>('GET', 'media'));
    if (!answer) return;
    if (answer.ok) {
      setList(answer.data);
      setError(null);
    } else setError(answer.error);
  };
  useEffect(() => void refresh(), []);

  const remove = async (item: MediaItem): Promise<void> => {
    if (!(await askConfirm(t('media.deleteConfirm', { name: item.name }), { danger: true, ok: t('common.delete'), detail: item.path }))) return;
    const answer = await api('DELETE', `media/${encodePath(item.path)}`);
    if (answer.ok) setMessage({ text: () => t('media.deleted', { path: item.path }), bad: false });
    else if (answer.status === 409) {
      const usedBy = Array.isArray(answer.body.usedBy) ? answer.body.usedBy.join(', ') : answer.error;
      setMessage({ text: () => t('media.inUse', { programmes: usedBy }), bad: true });
    } else setMessage({ text: () => t('media.deleteFailed', { status: answer.status || '—', error: answer.error }), bad: true });
    await refresh();
  };

  const unused = new Set(list?.unused ?? []);
  const shown = (list?.media ?? []).filter((m) => (!onlyUnused || unused.has(m.path)) && `${m.name} ${m.path}`.toLowerCase().includes(filter.toLowerCase()));
  return html`<div class="page" data-testid="media-page">
    <div class="page-head"><h1>${t('media.title')}</h1><p class="hint">${t('media.intro')}</p></div>
    <${Uploader} onUploaded=${refresh} />
    ${message ? html`<p class=${`notice ${message.bad ? 'error' : 'ok'}`} role=${message.bad ? 'alert' : 'status'} data-testid="media-message">${message.text()}</p>` : null}
    ${error ? html`<p class="notice error" role="alert">${t('common.loadFailed', { error })}</p>` : null}
    <section aria-labelledby="library-title">
      <div class="section-head">
        <h2 id="library-title">${list ? t('media.count', { count: list.media.length, unused: unused.size }) : t('common.loading')}</h2>
        <div class="actions">
          <input type="search" placeholder=${t('media.filter')} aria-label=${t('media.filter')} value=${filter} onInput=${(e: Event) => setFilter((e.currentTarget as HTMLInputElement).value)} />
          <label class="chip"><input type="checkbox" checked=${onlyUnused} onChange=${(e: Event) => setOnlyUnused((e.currentTarget as HTMLInputElement).checked)} data-testid="media-only-unused" /> <span>${t('media.onlyUnused')}</span></label>
        </div>
      </div>
      ${list?.media.length === 0 ? html`<p class="hint">${t('media.empty')}</p>` : null}
      <ul class="media-grid" data-testid="media-list">
        ${shown.map((item) => html`<${MediaCard} key=${item.path} item=${item} unused=${unused.has(item.path)} onDelete=${() => remove(item)} />`)}
      </ul>
    </section>
  </div>`;
}
